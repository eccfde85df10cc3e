package zjlearn.pack;

import org.apache.commons.compress.archivers.zip.Zip64Mode;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.zip.Deflater;

/**
 * Writes a zip the same way every time, so that identical input gives identical bytes: the caller
 * adds entries in sorted order; every entry is dated the same day at 12:00:00 (zip times carry no
 * zone: the DOS date/time fields read that day and hour on any machine), has fixed Unix permissions
 * (0644 files, 0755 folders) and no extra fields (no timestamps, no Unicode path fields; a Zip64
 * field only on an entry of 4 GiB or more). Names are UTF-8 with the language-encoding flag (EFS)
 * set. Zip64 is used as needed (more than 65,535 entries, or large entries/archives).
 *
 * <p>Writes to a seekable file, so that Commons Compress patches each local header's CRC-32 and
 * sizes after the entry's data: a STORED entry is written in one pass without a data descriptor,
 * and each input byte is read once. The archive's own SHA-256 is computed alongside
 * ({@link ArchiveDigest}).
 */
final class BagZipWriter implements AutoCloseable {
    private static final int FILE_MODE = 0100644;
    private static final int DIR_MODE = 040755;

    private final FileChannel channel;
    private final ZipArchiveOutputStream zip;
    private final long time;
    private final PipedCopy copier;
    private final ArchiveDigest digest;
    private boolean finished;

    BagZipWriter(Path file, LocalDate date, PipedCopy copier) throws IOException {
        this.channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE, StandardOpenOption.READ);
        this.zip = new ZipArchiveOutputStream(channel);
        zip.setUseZip64(Zip64Mode.AsNeeded);
        zip.setEncoding(StandardCharsets.UTF_8.name());
        zip.setUseLanguageEncodingFlag(true);
        zip.setCreateUnicodeExtraFields(ZipArchiveOutputStream.UnicodeExtraFieldPolicy.NEVER);
        zip.setFallbackToUTF8(false);
        zip.setLevel(Deflater.DEFAULT_COMPRESSION);
        this.time = date.atTime(LocalTime.NOON).atZone(ZoneId.systemDefault()).toInstant().toEpochMilli();
        this.copier = copier;
        ArchiveDigest started;
        try {
            started = new ArchiveDigest(file);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        this.digest = started;
    }

    void directory(String name) throws IOException {
        ZipArchiveEntry e = entry(name.endsWith("/") ? name : name + "/", ZipArchiveEntry.STORED, 0);
        e.setUnixMode(DIR_MODE);
        zip.putArchiveEntry(e);
        zip.closeArchiveEntry();
        digest.advance(channel.position());
    }

    void bytes(String name, byte[] content) throws IOException {
        ZipArchiveEntry e = entry(name, ZipArchiveEntry.DEFLATED, content.length);
        zip.putArchiveEntry(e);
        zip.write(content);
        zip.closeArchiveEntry();
        digest.advance(channel.position());
    }

    /** Adds a file read once from disk; returns its SHA-256. */
    byte[] file(String name, Path source, long size, boolean store) throws IOException {
        ZipArchiveEntry e = entry(name, store ? ZipArchiveEntry.STORED : ZipArchiveEntry.DEFLATED, size);
        zip.putArchiveEntry(e);
        byte[] sha256 = copier.copy(source, size, zip);
        zip.closeArchiveEntry();
        digest.advance(channel.position());
        return sha256;
    }

    private ZipArchiveEntry entry(String name, int method, long size) {
        ZipArchiveEntry e = new ZipArchiveEntry(name);
        e.setMethod(method);
        e.setSize(size);
        e.setTime(time);
        e.setUnixMode(FILE_MODE);
        return e;
    }

    /**
     * Writes the central directory, forces the file to disk and returns the archive's SHA-256 (its last
     * bytes are hashed while the file is being forced).
     */
    byte[] finish() throws IOException {
        zip.finish();
        long end = channel.size();
        digest.advance(end);
        channel.force(true);
        finished = true;
        return digest.finish(end);
    }

    @Override
    public void close() throws IOException {
        try {
            zip.close();
        } catch (IOException e) {
            if (finished) {
                throw e;
            }
            // an archive that failed midway: its file is deleted, whatever close() thinks of it
        } finally {
            try {
                digest.close();
            } finally {
                channel.close();
            }
        }
    }
}

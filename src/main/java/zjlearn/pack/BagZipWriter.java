package zjlearn.pack;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongConsumer;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Writes a zip in one sequential pass, the same way every time, so that identical input gives identical
 * bytes: the caller adds entries in sorted order; every entry is dated the same day at 12:00:00 (MS-DOS
 * time carries no zone), has fixed Unix permissions (0644 files, 0755 folders) and no extra field but
 * Zip64's where needed. Names are UTF-8 with the language-encoding flag set. Zip64 records are used as
 * needed (an entry of 4 GiB or more, offsets past 4 GiB, more than 65,535 entries).
 *
 * <p>Payload files are streamed ({@link ArchiveStream}): their local header carries no CRC or size, which
 * follow the data in a data descriptor, so nothing is ever rewritten, each input byte is read once, and the
 * archive's own SHA-256 is computed over the bytes as they go out. Media are STORED, documents DEFLATED.
 * Readers that go by the central directory open such archives: BagZipWriterTest checks java.util.zip's
 * and Commons Compress's ZipFile, Info-ZIP unzip, 7-Zip, libarchive (bsdtar, which also streams them: it
 * checks the CRC and size it finds after the data) and Python's zipfile. Streaming readers that need the
 * size before the data cannot: Java's {@code ZipInputStream} refuses a STORED entry with a data
 * descriptor, and Commons Compress's {@code ZipArchiveInputStream} has to guess where such an entry ends
 * (it fails when the data happen to contain a signature). For them, {@link Layout#CLASSIC} puts the CRC and
 * sizes in the local headers instead, at the cost of reading the archive back to hash it.
 */
final class BagZipWriter implements AutoCloseable {
    private static final int FILE_MODE = 0100644;
    private static final int DIR_MODE = 040755;
    /**
     * Deflated entries this large or larger get Zip64 sizes: deflating may make them a little larger than
     * their input. A stored entry needs them from 0xFFFFFFFF bytes on.
     */
    static final long DEFLATED_ZIP64_FROM = ZipRecords.MAX32 - (64L << 20);

    /** How payload entries carry their CRC and sizes. */
    enum Layout {
        /** After the data, in a data descriptor: one pass, the archive hashed as it is written (the default). */
        STREAMED,
        /**
         * In the local header, written over once the data are in: for readers that need the sizes before the
         * data (Java's ZipInputStream). The archive is hashed by reading it back: slower.
         */
        CLASSIC
    }

    private final ArchiveStream out;
    private final ZipRecords.DosTime time;
    private final boolean forceZip64;
    private final Layout layout;
    private final List<ZipRecords.Entry> entries = new ArrayList<>();
    private final CRC32 crc = new CRC32();
    private final Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
    private final byte[] input = new byte[64 << 10];
    private final byte[] deflated = new byte[64 << 10];
    private boolean anyZip64;
    private LongConsumer payloadRead = n -> { };

    BagZipWriter(Path file, LocalDate date, Layout layout) throws IOException {
        this(file, date, layout, false);
    }

    /** {@code forceZip64}: Zip64 sizes on every entry, whatever its size (for tests of the Zip64 records). */
    BagZipWriter(Path file, LocalDate date, Layout layout, boolean forceZip64) throws IOException {
        this.out = layout == Layout.CLASSIC ? ArchiveStream.createPatchable(file) : ArchiveStream.create(file);
        this.time = ZipRecords.DosTime.noon(date);
        this.layout = layout;
        this.forceZip64 = forceZip64;
    }

    /** Told the number of bytes each time payload bytes have been read (on the caller's thread). */
    void onPayloadRead(LongConsumer listener) {
        payloadRead = listener;
    }

    void directory(String name) throws IOException {
        ZipRecords.Entry e = start(name.endsWith("/") ? name : name + "/", ZipRecords.STORED, DIR_MODE, true, false, 0);
        out.put(ZipRecords.localHeader(e, time));
    }

    /** A small file held in memory (a tag file): deflated first, so its header carries its CRC and sizes. */
    void bytes(String name, byte[] content) throws IOException {
        crc.reset();
        crc.update(content);
        deflater.reset();
        deflater.setInput(content);
        deflater.finish();
        ByteArrayOutputStream packed = new ByteArrayOutputStream(content.length / 2 + 64);
        while (!deflater.finished()) {
            int n = deflater.deflate(deflated);
            packed.write(deflated, 0, n);
        }
        ZipRecords.Entry e = start(name, ZipRecords.DEFLATED, FILE_MODE, false, false, content.length);
        e.crc = crc.getValue();
        e.size = content.length;
        e.compressedSize = packed.size();
        out.put(ZipRecords.localHeader(e, time));
        out.put(packed.toByteArray());
    }

    /**
     * Adds {@code size} bytes from {@code source}, read once; returns the file's SHA-256, complete once the
     * payload hasher has caught up (at the latest when {@link #finish()} returns).
     */
    CompletableFuture<byte[]> file(String name, Path source, long size, boolean store) throws IOException {
        boolean descriptor = layout == Layout.STREAMED;
        ZipRecords.Entry e = start(name, store ? ZipRecords.STORED : ZipRecords.DEFLATED, FILE_MODE, false, descriptor, size);
        out.put(ZipRecords.localHeader(e, time));
        long dataStart = out.position();
        crc.reset();
        CompletableFuture<byte[]> sha256;
        if (store) {
            sha256 = out.putFile(source, size, crc, payloadRead);
        } else {
            sha256 = CompletableFuture.completedFuture(deflate(source, size));
        }
        e.crc = crc.getValue();
        long recorded = zjlearn.archive.ArchiveMounter.recordedCrc(source);
        if (recorded >= 0 && recorded != e.crc) {
            throw new java.util.zip.ZipException("CRC error: " + zjlearn.archive.ArchiveMounter.display(source)
                    + " differs from the CRC-32 its archive records (damaged data)");
        }
        e.size = size;
        e.compressedSize = out.position() - dataStart;
        if (!e.zip64 && e.compressedSize >= ZipRecords.MAX32) {
            // 32-bit fields would cut the size; unreachable with the thresholds above
            throw new IOException("zip entry grew past 4 GiB without Zip64 sizes: " + name);
        }
        if (descriptor) {
            out.put(ZipRecords.dataDescriptor(e));
        } else {
            out.patch(e.offset, ZipRecords.localHeader(e, time)); // same length: only CRC and sizes differ
        }
        return sha256;
    }

    /** Deflates a document into the archive on this thread (documents are small); returns its SHA-256. */
    private byte[] deflate(Path source, long size) throws IOException {
        MessageDigest sha = ArchiveStream.sha256();
        deflater.reset();
        try (FileChannel in = FileChannel.open(source, StandardOpenOption.READ)) {
            long remaining = size;
            ByteBuffer buffer = ByteBuffer.wrap(input);
            while (true) {
                buffer.clear();
                if (remaining < input.length) {
                    buffer.limit((int) remaining);
                }
                int n = buffer.hasRemaining() ? in.read(buffer) : 0;
                if (n < 0) {
                    throw new ArchiveStream.ChangedFileException(source, size, size - remaining);
                }
                remaining -= n;
                payloadRead.accept(n);
                crc.update(input, 0, n);
                sha.update(input, 0, n);
                deflater.setInput(input, 0, n);
                if (remaining == 0) {
                    if (in.read(ByteBuffer.allocate(1)) > 0) {
                        throw new ArchiveStream.ChangedFileException(source, size, -1);
                    }
                    deflater.finish();
                }
                do {
                    int produced = deflater.deflate(deflated);
                    out.put(ByteBuffer.wrap(deflated, 0, produced));
                } while (remaining == 0 ? !deflater.finished() : !deflater.needsInput());
                if (remaining == 0) {
                    return sha.digest();
                }
            }
        }
    }

    private ZipRecords.Entry start(String name, int method, int mode, boolean directory, boolean descriptor, long size) {
        boolean zip64 = forceZip64 || size >= (method == ZipRecords.STORED ? ZipRecords.MAX32 : DEFLATED_ZIP64_FROM);
        anyZip64 |= zip64;
        ZipRecords.Entry e = new ZipRecords.Entry(name.getBytes(StandardCharsets.UTF_8), method, mode, directory,
                descriptor, zip64, out.position());
        entries.add(e);
        return e;
    }

    /**
     * Writes the central directory and the end records, forces the file to disk and returns the archive's
     * SHA-256.
     */
    byte[] finish() throws IOException {
        long directoryStart = out.position();
        for (ZipRecords.Entry e : entries) {
            out.put(ZipRecords.centralHeader(e, time));
        }
        long directorySize = out.position() - directoryStart;
        out.put(ZipRecords.end(entries.size(), directoryStart, directorySize, anyZip64));
        return out.finish();
    }

    @Override
    public void close() throws IOException {
        try {
            out.close();
        } finally {
            deflater.end();
        }
    }
}

package zjlearn.archive;

import org.apache.commons.compress.archivers.zip.X000A_NTFS;
import org.apache.commons.compress.archivers.zip.X5455_ExtendedTimestamp;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.archivers.zip.ZipMethod;
import zjlearn.scan.LayoutIssue;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.Charset;
import java.nio.file.attribute.FileTime;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.zip.CRC32;

/**
 * Lists a zip with Commons Compress's {@link ZipFile} (by its central directory, Zip64 included). Entries
 * stored without compression are read in place ({@link EntryData.Slice}); compressed ones are inflated on
 * first use, never past their declared size, and their CRC-32 is checked.
 */
final class ZipReader {
    /** Dates without a time-zone field are the local time of the computer that made the archive: China's. */
    private static final ZoneOffset CHINA = ZoneOffset.ofHours(8);

    private ZipReader() {
    }

    /** The entries; problems found on the way (encrypted entries, unknown methods) are added to {@code problems}. */
    static List<RawEntry> read(FileChannel channel, Opening owner, List<Problem> problems,
                               int maxEntries) throws IOException {
        owner.format = "zip";
        ZipFile zip = ZipFile.builder().setSeekableByteChannel(channel).setCharset("UTF-8").get();
        owner.holds(zip);
        List<ZipArchiveEntry> entries = Collections.list(zip.getEntries());
        if (entries.size() > maxEntries) {
            throw new Opening.LimitException("entries", entries.size());
        }
        List<byte[]> plain = new ArrayList<>();
        for (ZipArchiveEntry e : entries) {
            if (e.getNameSource() == ZipArchiveEntry.NameSource.NAME) {
                plain.add(e.getRawName());
            }
        }
        Charset charset = NameDecoder.detect(plain);
        owner.nameEncoding(plain.isEmpty() ? "UTF-8" : charset.name());
        List<ZipArchiveEntry> byOffset = new ArrayList<>(entries);
        byOffset.sort(Comparator.comparingLong(ZipArchiveEntry::getLocalHeaderOffset));
        java.util.Set<ZipArchiveEntry> overlapping = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        long end = -1;
        long archiveSize = channel.size();
        List<RawEntry> out = new ArrayList<>();
        java.util.Map<ZipArchiveEntry, Long> dataOffsets = new java.util.IdentityHashMap<>();
        for (ZipArchiveEntry e : byOffset) {
            long offset = dataOffset(channel, e);
            dataOffsets.put(e, offset);
            if (e.getLocalHeaderOffset() < end) {
                overlapping.add(e);
            }
            end = Math.max(end, (offset < 0 ? e.getLocalHeaderOffset() : offset) + Math.max(0, e.getCompressedSize()));
        }
        for (ZipArchiveEntry e : entries) {
            String name = e.getNameSource() == ZipArchiveEntry.NameSource.NAME
                    ? new String(e.getRawName(), charset) : e.getName();
            FileTime modified = modified(e);
            if (e.isDirectory()) {
                out.add(new RawEntry(name, Node.Type.DIRECTORY, 0, 0, modified, null));
                continue;
            }
            if (e.isUnixSymlink()) {
                out.add(new RawEntry(name, Node.Type.SYMLINK, 0, e.getCompressedSize(), modified, null));
                continue;
            }
            long size = e.getSize();
            EntryData data;
            Long offset = dataOffsets.get(e);
            if (e.getGeneralPurposeBit().usesEncryption()) {
                problems.add(Problem.of(LayoutIssue.Kind.ARCHIVE_ENCRYPTED, name, null));
                data = new EntryData.Failing("the entry is encrypted (password-protected archive)");
            } else if (overlapping.contains(e)) {
                problems.add(Problem.of(LayoutIssue.Kind.ARCHIVE_LIMIT, name, "overlap"));
                data = new EntryData.Failing("the entry's data overlap another entry's (a zip bomb)");
            } else if (!zip.canReadEntryData(e)) {
                String method = ZipMethod.getMethodByCode(e.getMethod()) == null ? String.valueOf(e.getMethod())
                        : ZipMethod.getMethodByCode(e.getMethod()).name();
                problems.add(Problem.of(LayoutIssue.Kind.ARCHIVE_UNREADABLE, name, "method " + method));
                data = new EntryData.Failing("compression method " + method + " is not supported");
            } else if (size < 0) {
                problems.add(Problem.of(LayoutIssue.Kind.ARCHIVE_UNREADABLE, name, "no size"));
                data = new EntryData.Failing("the archive does not say how large the entry is");
            } else if (e.getMethod() == ZipMethod.STORED.getCode()) {
                if (offset < 0 || e.getCompressedSize() != size || offset + size > archiveSize) {
                    problems.add(Problem.of(LayoutIssue.Kind.ARCHIVE_UNREADABLE, name, "truncated"));
                    data = new EntryData.Failing("the archive ends inside this entry (truncated archive)");
                } else {
                    data = new EntryData.Slice(channel, offset, size, name, e.getCrc());
                }
            } else {
                long crc = e.getCrc();
                data = new EntryData.Extracted(() -> crcChecked(zip.getInputStream(e), crc), size, name);
            }
            out.add(new RawEntry(name, Node.Type.FILE, size, e.getCompressedSize(), modified, data));
        }
        return out;
    }

    /** Where an entry's data begin: after its local header, whose name and extra field lengths may differ from the central ones. */
    private static long dataOffset(FileChannel channel, ZipArchiveEntry e) throws IOException {
        ByteBuffer header = ByteBuffer.allocate(30).order(ByteOrder.LITTLE_ENDIAN);
        long at = e.getLocalHeaderOffset();
        while (header.hasRemaining()) {
            int n = channel.read(header, at + header.position());
            if (n < 0) {
                return -1;
            }
        }
        if (header.getInt(0) != 0x04034b50) {
            return -1;
        }
        return at + 30 + (header.getShort(26) & 0xffff) + (header.getShort(28) & 0xffff);
    }

    private static FileTime modified(ZipArchiveEntry e) {
        if (e.getExtraField(X5455_ExtendedTimestamp.HEADER_ID) != null || e.getExtraField(X000A_NTFS.HEADER_ID) != null) {
            return e.getLastModifiedTime();
        }
        // a DOS date: wall-clock time without zone, read back as it was written, in China Standard Time
        LocalDateTime local = LocalDateTime.ofInstant(java.time.Instant.ofEpochMilli(e.getTime()), ZoneId.systemDefault());
        return FileTime.from(local.toInstant(CHINA));
    }

    /** Fails at the end of the entry when its CRC-32 differs from the one the archive records. */
    private static InputStream crcChecked(InputStream in, long expected) {
        CRC32 crc = new CRC32();
        return new FilterInputStream(in) {
            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                int n = read(one, 0, 1);
                return n < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                if (n > 0) {
                    crc.update(b, off, n);
                } else if (n < 0 && expected >= 0 && crc.getValue() != expected) {
                    throw new IOException("CRC error: the entry's data are damaged");
                }
                return n;
            }
        };
    }
}

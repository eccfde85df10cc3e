package zjlearn.archive;

import org.apache.commons.compress.PasswordRequiredException;
import org.apache.commons.compress.archivers.sevenz.SevenZArchiveEntry;
import org.apache.commons.compress.archivers.sevenz.SevenZFile;
import zjlearn.rules.Rules;
import zjlearn.scan.LayoutIssue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a 7z with Commons Compress's {@link SevenZFile}. 7z archives are usually solid (one compressed
 * stream for many files), so there is no reading one entry in place: after the listing is checked against
 * the limits, every file is decompressed once, in archive order, into the private temporary folder.
 */
final class SevenZReader {
    /** Refuses LZMA dictionaries above this (KiB): 7-Zip's strongest setting uses 64 MiB. */
    private static final int MEMORY_LIMIT_KIB = 80 * 1024;

    private SevenZReader() {
    }

    static List<RawEntry> read(FileChannel channel, Opening owner, List<Problem> problems, Rules.ArchiveLimits limits)
            throws IOException {
        owner.format = "7z";
        owner.nameEncoding("UTF-16 (7z)");
        SevenZFile sz;
        try {
            sz = SevenZFile.builder().setSeekableByteChannel(channel).setMaxMemoryLimitKiB(MEMORY_LIMIT_KIB).get();
        } catch (PasswordRequiredException e) {
            throw new Opening.EncryptedException("the file names are encrypted");
        }
        try {
            List<SevenZArchiveEntry> entries = new ArrayList<>();
            sz.getEntries().forEach(entries::add);
            if (entries.size() > limits.entries()) {
                throw new Opening.LimitException("entries", entries.size());
            }
            long total = 0;
            for (SevenZArchiveEntry e : entries) {
                total += e.hasStream() ? Math.max(0, e.getSize()) : 0;
            }
            Limits.checkTotal(total, channel.size(), limits);
            Map<SevenZArchiveEntry, RawEntry> byEntry = new IdentityHashMap<>();
            List<RawEntry> out = new ArrayList<>();
            for (SevenZArchiveEntry e : entries) {
                if (e.isAntiItem()) {
                    continue;
                }
                FileTime modified = e.getHasLastModifiedDate() ? e.getLastModifiedTime() : FileTime.fromMillis(0);
                Node.Type type = e.isDirectory() ? Node.Type.DIRECTORY : isSymlink(e) ? Node.Type.SYMLINK : Node.Type.FILE;
                EntryData data = type == Node.Type.FILE
                        ? new EntryData.Failing("not read: the archive is damaged before this entry") : null;
                RawEntry raw = new RawEntry(e.getName(), type, type == Node.Type.FILE ? e.getSize() : 0, -1, modified, data);
                byEntry.put(e, raw);
                out.add(raw);
            }
            extract(sz, byEntry, out, problems);
            return out;
        } finally {
            sz.close();
        }
    }

    /** Decompresses every file once, in archive order, replacing its placeholder in {@code out}. */
    private static void extract(SevenZFile sz, Map<SevenZArchiveEntry, RawEntry> byEntry, List<RawEntry> out,
                                List<Problem> problems) throws IOException {
        while (true) {
            SevenZArchiveEntry e;
            try {
                e = sz.getNextEntry();
            } catch (PasswordRequiredException x) {
                throw new Opening.EncryptedException("encrypted content");
            } catch (IOException x) {
                problems.add(Problem.of(LayoutIssue.Kind.ARCHIVE_UNREADABLE, null, String.valueOf(x.getMessage())));
                return;
            }
            if (e == null) {
                return;
            }
            RawEntry raw = byEntry.get(e);
            if (raw == null || raw.type() != Node.Type.FILE) {
                continue;
            }
            InputStream in = new InputStream() {
                @Override
                public int read() throws IOException {
                    return sz.read();
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    return sz.read(b, off, len);
                }
            };
            EntryData data;
            try {
                data = EntryData.Extracted.done(TempArea.extract(in, e.hasStream() ? e.getSize() : 0, e.getName()));
            } catch (PasswordRequiredException x) {
                throw new Opening.EncryptedException("encrypted content");
            } catch (IOException | RuntimeException x) {
                problems.add(Problem.of(LayoutIssue.Kind.ARCHIVE_UNREADABLE, e.getName(), String.valueOf(x.getMessage())));
                data = new EntryData.Failing("the archive is damaged in this entry: " + x.getMessage());
            }
            out.set(out.indexOf(raw), new RawEntry(raw.name(), raw.type(), raw.size(), -1, raw.modified(), data));
        }
    }

    /** A link as 7-Zip records it: a reparse point on Windows, or a Unix mode of S_IFLNK in the attributes' high half. */
    private static boolean isSymlink(SevenZArchiveEntry e) {
        if (!e.getHasWindowsAttributes()) {
            return false;
        }
        int attributes = e.getWindowsAttributes();
        boolean reparse = (attributes & 0x400) != 0;
        boolean unixExtension = (attributes & 0x8000) != 0;
        boolean unixLink = unixExtension && ((attributes >>> 16) & 0170000) == 0120000;
        return reparse || unixLink;
    }
}

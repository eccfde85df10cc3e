package zjlearn.archive;

import net.sf.sevenzipjbinding.ArchiveFormat;
import net.sf.sevenzipjbinding.ExtractAskMode;
import net.sf.sevenzipjbinding.ExtractOperationResult;
import net.sf.sevenzipjbinding.IArchiveExtractCallback;
import net.sf.sevenzipjbinding.IArchiveOpenCallback;
import net.sf.sevenzipjbinding.ICryptoGetTextPassword;
import net.sf.sevenzipjbinding.IInArchive;
import net.sf.sevenzipjbinding.IInStream;
import net.sf.sevenzipjbinding.ISequentialOutStream;
import net.sf.sevenzipjbinding.PropID;
import net.sf.sevenzipjbinding.SevenZip;
import net.sf.sevenzipjbinding.SevenZipException;
import net.sf.sevenzipjbinding.SevenZipNativeInitializationException;
import zjlearn.rules.Rules;
import zjlearn.scan.LayoutIssue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads RAR 4 and RAR 5 archives with 7-Zip-JBinding (7-Zip's own RAR code, bundled for Windows, Linux and
 * macOS x86). Like 7z, RAR archives are often solid: after the listing is checked against the limits, every
 * file is decompressed once, in archive order, into the private temporary folder. Where the native library
 * cannot be loaded (another processor), a RAR archive is reported as unreadable with that reason.
 */
final class RarReader {
    private static Boolean loaded;
    private static String loadFailure;

    private RarReader() {
    }

    private static synchronized void load() throws IOException {
        if (loaded == null) {
            try {
                SevenZip.initSevenZipFromPlatformJAR();
                loaded = true;
            } catch (SevenZipNativeInitializationException | LinkageError e) {
                loaded = false;
                loadFailure = e.getMessage();
            }
        }
        if (!loaded) {
            throw new IOException("RAR cannot be read on this computer (7-Zip-JBinding: " + loadFailure + ")");
        }
    }

    static List<RawEntry> read(FileChannel channel, Opening owner, List<Problem> problems, Rules.ArchiveLimits limits)
            throws IOException {
        owner.format = "rar";
        owner.nameEncoding("RAR (Unicode names)");
        load();
        boolean[] asked = {false};
        IInArchive archive;
        try {
            archive = SevenZip.openInArchive(null, new ChannelInStream(channel), new PasswordAsked(asked));
        } catch (SevenZipException e) {
            if (asked[0]) {
                throw new Opening.EncryptedException("the file names are encrypted");
            }
            throw new IOException(e.getMessage() == null ? "not a readable RAR archive" : e.getMessage(), e);
        }
        try {
            owner.format = archive.getArchiveFormat() == ArchiveFormat.RAR5 ? "rar5" : "rar4";
            if (archive.getArchiveProperty(PropID.ERROR_FLAGS) instanceof Integer flags && flags != 0) {
                // 7-Zip lists what it could read of a damaged archive: the rest may be missing
                problems.add(Problem.of(LayoutIssue.Kind.ARCHIVE_UNREADABLE, null, errorFlags(flags)));
            }
            int count = archive.getNumberOfItems();
            if (count > limits.entries()) {
                throw new Opening.LimitException("entries", count);
            }
            List<RawEntry> out = new ArrayList<>();
            Map<Integer, Integer> fileIndex = new HashMap<>();
            long total = 0;
            for (int i = 0; i < count; i++) {
                String name = archive.getStringProperty(i, PropID.PATH);
                boolean folder = Boolean.TRUE.equals(archive.getProperty(i, PropID.IS_FOLDER));
                Object date = archive.getProperty(i, PropID.LAST_MODIFICATION_TIME);
                FileTime modified = FileTime.fromMillis(date instanceof Date d ? d.getTime() : 0);
                if (folder) {
                    out.add(new RawEntry(name, Node.Type.DIRECTORY, 0, 0, modified, null));
                    continue;
                }
                if (isSymlink(archive, i)) {
                    out.add(new RawEntry(name, Node.Type.SYMLINK, 0, 0, modified, null));
                    continue;
                }
                long size = archive.getProperty(i, PropID.SIZE) instanceof Long l ? l : -1;
                long packed = archive.getProperty(i, PropID.PACKED_SIZE) instanceof Long l ? l : -1;
                EntryData data;
                if (Boolean.TRUE.equals(archive.getProperty(i, PropID.ENCRYPTED))) {
                    problems.add(Problem.of(LayoutIssue.Kind.ARCHIVE_ENCRYPTED, name, null));
                    data = new EntryData.Failing("the entry is encrypted (password-protected archive)");
                } else if (size < 0) {
                    problems.add(Problem.of(LayoutIssue.Kind.ARCHIVE_UNREADABLE, name, "no size"));
                    data = new EntryData.Failing("the archive does not say how large the entry is");
                } else {
                    data = new EntryData.Failing("not read: the archive is damaged before this entry");
                    fileIndex.put(i, out.size());
                    total += size;
                }
                out.add(new RawEntry(name, Node.Type.FILE, Math.max(0, size), packed > 0 ? packed : -1, modified, data));
            }
            Limits.checkTotal(total, channel.size(), limits);
            extract(archive, fileIndex, out, problems);
            return out;
        } finally {
            archive.close();
        }
    }

    /** 7-Zip's archive error flags (kpv_ErrorFlags_*), in words. */
    static String errorFlags(int flags) {
        String[] names = {"not an archive", "headers damaged", "encrypted headers damaged", "start missing",
                "start unconfirmed", "the archive is cut short (unexpected end)", "data after the end",
                "unsupported method", "unsupported feature", "data damaged", "CRC error"};
        List<String> said = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            if ((flags & (1 << i)) != 0) {
                said.add(names[i]);
            }
        }
        return said.isEmpty() ? "error flags " + flags : String.join(", ", said);
    }

    private static boolean isSymlink(IInArchive archive, int i) throws SevenZipException {
        String target = archive.getStringProperty(i, PropID.SYM_LINK);
        if (target != null && !target.isEmpty()) {
            return true;
        }
        if (archive.getProperty(i, PropID.POSIX_ATTRIB) instanceof Integer mode && (mode & 0170000) == 0120000) {
            return true;
        }
        if (!(archive.getProperty(i, PropID.ATTRIBUTES) instanceof Integer attributes)) {
            return false;
        }
        boolean reparse = (attributes & 0x400) != 0;
        boolean unixLink = (attributes & 0x8000) != 0 && ((attributes >>> 16) & 0170000) == 0120000;
        return reparse || unixLink;
    }

    /** Decompresses the files once, in archive order, each capped at its declared size. */
    private static void extract(IInArchive archive, Map<Integer, Integer> fileIndex, List<RawEntry> out,
                                List<Problem> problems) {
        int[] indices = fileIndex.keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
        if (indices.length == 0) {
            return;
        }
        Extraction callback = new Extraction(fileIndex, out, problems);
        try {
            archive.extract(indices, false, callback);
        } catch (SevenZipException e) {
            callback.abandon();
            problems.add(Problem.of(LayoutIssue.Kind.ARCHIVE_UNREADABLE, null, String.valueOf(e.getMessage())));
        }
    }

    /** Writes each item into a temporary file; an item that fails is that entry's problem. */
    private static final class Extraction implements IArchiveExtractCallback {
        private final Map<Integer, Integer> fileIndex;
        private final List<RawEntry> out;
        private final List<Problem> problems;
        private int current = -1;
        private Path file;
        private OutputStream stream;
        private long written;
        private String failure;

        Extraction(Map<Integer, Integer> fileIndex, List<RawEntry> out, List<Problem> problems) {
            this.fileIndex = fileIndex;
            this.out = out;
            this.problems = problems;
        }

        @Override
        public ISequentialOutStream getStream(int index, ExtractAskMode mode) throws SevenZipException {
            current = -1;
            if (mode != ExtractAskMode.EXTRACT || !fileIndex.containsKey(index)) {
                return null;
            }
            RawEntry raw = out.get(fileIndex.get(index));
            try {
                file = TempArea.newFile(raw.name());
                stream = Files.newOutputStream(file, StandardOpenOption.WRITE);
            } catch (IOException e) {
                throw new SevenZipException("cannot write the temporary file: " + e.getMessage());
            }
            current = index;
            written = 0;
            failure = null;
            return data -> {
                written += data.length;
                if (written > raw.size()) {
                    failure = "the entry holds more data than its header declares: corrupt, or a bomb";
                    throw new SevenZipException(failure);
                }
                try {
                    stream.write(data);
                    TempArea.count(data.length);
                } catch (IOException e) {
                    failure = e.getMessage();
                    throw new SevenZipException("cannot write the temporary file: " + e.getMessage());
                }
                return data.length;
            };
        }

        @Override
        public void prepareOperation(ExtractAskMode mode) {
        }

        @Override
        public void setOperationResult(ExtractOperationResult result) throws SevenZipException {
            if (current < 0) {
                return;
            }
            int at = fileIndex.get(current);
            RawEntry raw = out.get(at);
            current = -1;
            boolean ok = close() && result == ExtractOperationResult.OK && failure == null && written == raw.size();
            EntryData data;
            if (ok) {
                data = EntryData.Extracted.done(file);
            } else {
                deleteQuietly(file);
                String why = failure != null ? failure : result == ExtractOperationResult.OK
                        ? "the entry ends after " + written + " of " + raw.size() + " bytes" : result.name();
                boolean password = result == ExtractOperationResult.WRONG_PASSWORD;
                problems.add(Problem.of(password ? LayoutIssue.Kind.ARCHIVE_ENCRYPTED : LayoutIssue.Kind.ARCHIVE_UNREADABLE,
                        raw.name(), why));
                data = new EntryData.Failing("the archive is damaged in this entry: " + why);
            }
            out.set(at, new RawEntry(raw.name(), raw.type(), raw.size(), raw.compressedSize(), raw.modified(), data));
        }

        /** After a failure of the whole extraction: the entry being written is not kept. */
        void abandon() {
            if (current >= 0) {
                close();
                deleteQuietly(file);
            }
        }

        private boolean close() {
            try {
                stream.close();
                return true;
            } catch (IOException e) {
                failure = e.getMessage();
                return false;
            }
        }

        @Override
        public void setTotal(long total) {
        }

        @Override
        public void setCompleted(long complete) {
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // the temporary folder is deleted at the end of the run
        }
    }

    /** An open callback that notes whether 7-Zip asked for a password (a RAR whose names are encrypted). */
    private record PasswordAsked(boolean[] asked) implements IArchiveOpenCallback, ICryptoGetTextPassword {
        @Override
        public void setTotal(Long files, Long bytes) {
        }

        @Override
        public void setCompleted(Long files, Long bytes) {
        }

        @Override
        public String cryptoGetTextPassword() throws SevenZipException {
            asked[0] = true;
            throw new SevenZipException("password required");
        }
    }

    /** The archive's channel as 7-Zip's input stream (positional reads: the channel may be shared). */
    private static final class ChannelInStream implements IInStream {
        private final FileChannel channel;
        private long position;

        ChannelInStream(FileChannel channel) {
            this.channel = channel;
        }

        @Override
        public long seek(long offset, int origin) throws SevenZipException {
            try {
                long base = switch (origin) {
                    case SEEK_SET -> 0;
                    case SEEK_CUR -> position;
                    case SEEK_END -> channel.size();
                    default -> throw new SevenZipException("bad seek origin " + origin);
                };
                if (base + offset < 0) {
                    throw new SevenZipException("seek before the start");
                }
                position = base + offset;
                return position;
            } catch (IOException e) {
                throw new SevenZipException(e.getMessage());
            }
        }

        @Override
        public int read(byte[] data) throws SevenZipException {
            try {
                int n = channel.read(ByteBuffer.wrap(data), position);
                if (n <= 0) {
                    return 0;
                }
                position += n;
                return n;
            } catch (IOException e) {
                throw new SevenZipException(e.getMessage());
            }
        }

        @Override
        public void close() {
            // the archive's channel belongs to the mount
        }
    }
}

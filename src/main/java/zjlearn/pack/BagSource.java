package zjlearn.pack;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.archivers.zip.ZipMethod;
import zjlearn.rules.Names;

import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The files of a bag, as a zip archive (read through a seekable channel, never extracted) or as a
 * folder. Paths are relative to the bag's root folder, {@code /}-separated, NFC.
 */
abstract class BagSource implements Closeable {
    /** A file of the bag and the size its container declares. */
    record Entry(String path, long size, Object handle) {
    }

    /** More bytes came out of an entry than its declared size: a corrupt entry or a zip bomb. */
    static final class TooLargeException extends IOException {
        TooLargeException(String path) {
            super("more data than declared: " + path);
        }
    }

    final List<BagVerifier.Problem> problems = new ArrayList<>();
    final Map<String, Entry> files = new LinkedHashMap<>();

    /** The content of a file, never more than its declared size (reading past it throws {@link TooLargeException}). */
    abstract InputStream open(Entry entry) throws IOException;

    static BagSource open(Path target) throws IOException {
        return Files.isDirectory(target) ? new Folder(target) : new Zip(target);
    }

    void problem(BagVerifier.Kind kind, String path, Object... details) {
        problems.add(new BagVerifier.Problem(kind, path, List.of(details)));
    }

    /** Whether a relative path stays inside the bag: not absolute, no drive letter, no {@code ..} or empty segment. */
    static boolean safe(String path) {
        if (path.isEmpty() || path.startsWith("/") || path.startsWith("\\") || path.contains("\\")
                || path.length() > 1 && path.charAt(1) == ':') {
            return false;
        }
        for (String segment : path.split("/", -1)) {
            if (segment.equals("..") || segment.equals(".")) {
                return false;
            }
        }
        return true;
    }

    /** Wraps a stream so that it yields at most {@code limit} bytes and fails when more are offered. */
    static InputStream capped(InputStream in, long limit, String path) {
        return new FilterInputStream(in) {
            private long remaining = limit;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                int n = read(one, 0, 1);
                return n < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (remaining <= 0) {
                    // the declared size is reached: anything more is too much
                    if (super.read() >= 0) {
                        throw new TooLargeException(path);
                    }
                    return -1;
                }
                int n = super.read(b, off, (int) Math.min(len, remaining));
                if (n > 0) {
                    remaining -= n;
                }
                return n;
            }
        };
    }

    /** A zip holding one bag in its single top-level folder. */
    static final class Zip extends BagSource {
        private final ZipFile zip;

        Zip(Path file) throws IOException {
            FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
            try {
                zip = ZipFile.builder().setSeekableByteChannel(channel).get();
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            }
            List<ZipArchiveEntry> entries = Collections.list(zip.getEntries());
            checkOverlaps(entries);
            Set<String> tops = new TreeSet<>();
            Set<String> seen = new HashSet<>();
            List<ZipArchiveEntry> kept = new ArrayList<>();
            for (ZipArchiveEntry e : entries) {
                String name = Names.nfc(e.getName());
                String bare = name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
                if (!safe(bare)) {
                    problem(BagVerifier.Kind.UNSAFE_PATH, name);
                    continue;
                }
                if (!seen.add(name)) {
                    problem(BagVerifier.Kind.DUPLICATE_ENTRY, name);
                    continue;
                }
                int slash = bare.indexOf('/');
                tops.add(slash < 0 ? bare : bare.substring(0, slash));
                kept.add(e);
            }
            if (tops.size() != 1) {
                problem(BagVerifier.Kind.TOP_LEVEL, null, tops.isEmpty() ? "—" : String.join("、", tops));
                return;
            }
            String top = tops.iterator().next() + "/";
            for (ZipArchiveEntry e : kept) {
                String name = Names.nfc(e.getName());
                if (e.isDirectory() || !name.startsWith(top)) {
                    continue;
                }
                if (e.getMethod() != ZipMethod.STORED.getCode() && e.getMethod() != ZipMethod.DEFLATED.getCode()
                        || e.getGeneralPurposeBit().usesEncryption()) {
                    problem(BagVerifier.Kind.UNSUPPORTED_ENTRY, name.substring(top.length()));
                    continue;
                }
                String path = name.substring(top.length());
                files.put(path, new Entry(path, e.getSize(), e));
            }
        }

        /** Entries whose data overlap another's (the trick of non-recursive zip bombs) are refused. */
        private void checkOverlaps(List<ZipArchiveEntry> entries) {
            List<ZipArchiveEntry> byOffset = new ArrayList<>(entries);
            byOffset.sort(Comparator.comparingLong(ZipArchiveEntry::getLocalHeaderOffset));
            long end = -1;
            for (ZipArchiveEntry e : byOffset) {
                if (e.getLocalHeaderOffset() < end) {
                    problem(BagVerifier.Kind.OVERLAPPING, Names.nfc(e.getName()));
                }
                long dataOffset = e.getDataOffset() > 0 ? e.getDataOffset() : e.getLocalHeaderOffset();
                end = Math.max(end, dataOffset + Math.max(0, e.getCompressedSize()));
            }
        }

        @Override
        InputStream open(Entry entry) throws IOException {
            ZipArchiveEntry e = (ZipArchiveEntry) entry.handle();
            return capped(zip.getInputStream(e), entry.size(), entry.path());
        }

        @Override
        public void close() throws IOException {
            zip.close();
        }
    }

    /** An unpacked bag: the folder holding bagit.txt (or the only sub-folder of the folder given that does). */
    static final class Folder extends BagSource {
        Folder(Path given) throws IOException {
            Path root = given;
            if (!Files.exists(root.resolve(BagIt.BAGIT_TXT))) {
                try (var children = Files.list(given)) {
                    List<Path> dirs = children.filter(Files::isDirectory).toList();
                    if (dirs.size() == 1 && Files.exists(dirs.get(0).resolve(BagIt.BAGIT_TXT))) {
                        root = dirs.get(0);
                    }
                }
            }
            Path bag = root;
            Files.walkFileTree(bag, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    String path = relative(bag, file);
                    if (attrs.isSymbolicLink()) {
                        problem(BagVerifier.Kind.SYMLINK, path);
                    } else if (attrs.isRegularFile()) {
                        files.put(path, new Entry(path, attrs.size(), file));
                    } else {
                        problem(BagVerifier.Kind.UNREADABLE, path, "not a regular file");
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    problem(BagVerifier.Kind.UNREADABLE, relative(bag, file), String.valueOf(e.getMessage()));
                    return FileVisitResult.CONTINUE;
                }
            });
        }

        private static String relative(Path root, Path file) {
            List<String> parts = new ArrayList<>();
            for (Path p : root.relativize(file)) {
                parts.add(Names.nfc(p.toString()));
            }
            return String.join("/", parts);
        }

        @Override
        InputStream open(Entry entry) throws IOException {
            Path file = (Path) entry.handle();
            if (Files.isSymbolicLink(file) || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                throw new IOException("not a regular file: " + entry.path());
            }
            return capped(Files.newInputStream(file), entry.size(), entry.path());
        }

        @Override
        public void close() {
        }
    }
}

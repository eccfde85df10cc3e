package zjlearn.archive;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * The private temporary folder where compressed archive entries are decompressed: one per run, in the
 * system's temporary folder (never in the input), named by a counter (never by a name from the archive),
 * deleted when the run ends.
 */
final class TempArea {
    private static final Pattern SAFE_EXTENSION = Pattern.compile("[A-Za-z0-9]{1,8}");
    private static final AtomicLong COUNTER = new AtomicLong();
    private static final AtomicLong EXTRACTED = new AtomicLong();
    private static Path folder;

    private TempArea() {
    }

    private static synchronized Path folder() throws IOException {
        if (folder == null || !Files.isDirectory(folder)) {
            folder = Files.createTempDirectory("zjlearn-archives-");
            Path created = folder;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(created), "zjlearn-archives-cleanup"));
        }
        return folder;
    }

    /** A new empty file in the temporary folder, ending in the entry's extension when that is plain ASCII. */
    static Path newFile(String entryName) throws IOException {
        String extension = "";
        if (entryName != null) {
            int dot = entryName.lastIndexOf('.');
            int slash = entryName.lastIndexOf('/');
            if (dot > slash && SAFE_EXTENSION.matcher(entryName.substring(dot + 1)).matches()) {
                extension = entryName.substring(dot);
            }
        }
        Path file = folder().resolve("e" + COUNTER.incrementAndGet() + extension);
        Files.createFile(file);
        return file;
    }

    /** A new empty folder in the temporary folder (for a helper process), named by the counter. */
    static Path newFolder() throws IOException {
        return Files.createDirectory(folder().resolve("p" + COUNTER.incrementAndGet()));
    }

    /**
     * Copies {@code in} into a new temporary file, failing when it yields more than {@code size} bytes (a
     * zip bomb or a corrupt entry) or fewer (a truncated one). The partial file is deleted on failure.
     */
    static Path extract(InputStream in, long size, String entryName) throws IOException {
        Path file = newFile(entryName);
        boolean done = false;
        try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.WRITE)) {
            byte[] buffer = new byte[1 << 16];
            long total = 0;
            while (true) {
                int want = size < 0 ? buffer.length : (int) Math.min(buffer.length, size - total + 1);
                int n = in.read(buffer, 0, want);
                if (n < 0) {
                    break;
                }
                total += n;
                if (size >= 0 && total > size) {
                    throw new IOException("the entry holds more data than its header declares (" + size
                            + " bytes): corrupt, or a zip bomb");
                }
                out.write(buffer, 0, n);
                EXTRACTED.addAndGet(n);
            }
            if (size >= 0 && total < size) {
                throw new IOException("the entry ends after " + total + " of " + size + " bytes (truncated)");
            }
            done = true;
            return file;
        } finally {
            if (!done) {
                Files.deleteIfExists(file);
            }
        }
    }

    /** Bytes decompressed or copied into the temporary folder since the program started. */
    static long extractedBytes() {
        return EXTRACTED.get();
    }

    /** Deletes the temporary folder now (tests; the shutdown hook does it at the end of a run). */
    static synchronized void clear() {
        if (folder != null) {
            deleteQuietly(folder);
            folder = null;
        }
    }

    /** Deletes a folder of the temporary folder with what it holds (a helper process's files once it has ended). */
    static void delete(Path folder) {
        deleteQuietly(folder);
    }

    private static void deleteQuietly(Path root) {
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                    Files.deleteIfExists(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException ignored) {
            // best effort: the system cleans its temporary folder eventually
        }
    }
}

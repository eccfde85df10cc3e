package zjlearn;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The part files ({@code .part}) this run is writing, so that an interrupted run (Ctrl-C, a closed window,
 * {@code kill}) removes them: {@link #abandonAll()} runs in a shutdown hook. A part file is created under the
 * same lock as the clean-up, so none can appear after it ran; later attempts fail as interrupted.
 */
public final class PartialFiles {
    /** Creates (opens) a part file. */
    @FunctionalInterface
    public interface Opener<T> {
        T open() throws IOException;
    }

    /** {@code .<name>.<pid>.<hex>.part}: AtomicFiles' hidden part files, with the process that wrote them. */
    private static final Pattern HIDDEN_PART = Pattern.compile("\\.(.+)\\.(\\d+)\\.[0-9a-f]+\\.part");

    private static final Set<Path> OPEN = new LinkedHashSet<>();
    private static final Set<Process> PROCESSES = new LinkedHashSet<>();
    private static boolean stopping;

    private PartialFiles() {
    }

    /** Registers {@code part}, then creates it with {@code opener}. */
    public static <T> T create(Path part, Opener<T> opener) throws IOException {
        Path absolute = part.toAbsolutePath();
        synchronized (OPEN) {
            if (stopping) {
                throw new InterruptedIOException("stopping: " + part);
            }
            OPEN.add(absolute);
            try {
                return opener.open();
            } catch (IOException | RuntimeException | Error e) {
                OPEN.remove(absolute);
                throw e;
            }
        }
    }

    /** Whether the clean-up has run: the process is stopping and its output no longer matters. */
    public static boolean stopping() {
        synchronized (OPEN) {
            return stopping;
        }
    }

    /** The part file was renamed to its final name or deleted: nothing to clean up any more. */
    public static void done(Path part) {
        synchronized (OPEN) {
            OPEN.remove(part.toAbsolutePath());
        }
    }

    /**
     * Starts a helper process (ffmpeg) that an interrupt must stop before the part files it writes are removed;
     * call {@link #finished(Process)} when it has ended.
     */
    public static Process start(ProcessBuilder builder) throws IOException {
        synchronized (OPEN) {
            if (stopping) {
                throw new InterruptedIOException("stopping");
            }
            Process p = builder.start();
            PROCESSES.add(p);
            return p;
        }
    }

    public static void finished(Process process) {
        synchronized (OPEN) {
            PROCESSES.remove(process);
        }
    }

    /**
     * Stops every helper process, then deletes every part file or part folder (with its contents) still
     * registered and refuses new ones; returns those deleted.
     */
    public static List<Path> abandonAll() {
        List<Path> deleted = new ArrayList<>();
        synchronized (OPEN) {
            stopping = true;
            for (Process p : PROCESSES) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
            }
            for (Process p : PROCESSES) {
                try {
                    p.waitFor(5, java.util.concurrent.TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            PROCESSES.clear();
            for (Path p : OPEN) {
                try {
                    if (Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                        deleteTree(p);
                        deleted.add(p);
                    } else if (Files.deleteIfExists(p)) {
                        deleted.add(p);
                    }
                } catch (IOException | RuntimeException ignored) {
                    // the next run with --force removes it (staleParts)
                }
            }
            OPEN.clear();
        }
        return deleted;
    }

    /** Deletes a folder with everything in it (links are removed, never followed). */
    public static void deleteTree(Path dir) throws IOException {
        Files.walkFileTree(dir, new java.nio.file.SimpleFileVisitor<>() {
            @Override
            public java.nio.file.FileVisitResult visitFile(Path file, java.nio.file.attribute.BasicFileAttributes attrs) throws IOException {
                Files.deleteIfExists(file);
                return java.nio.file.FileVisitResult.CONTINUE;
            }

            @Override
            public java.nio.file.FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                Files.deleteIfExists(d);
                return java.nio.file.FileVisitResult.CONTINUE;
            }
        });
    }

    /**
     * Part files in {@code dir} left by an earlier run that ended without cleaning up (a crash, a power cut,
     * {@code kill -9}): AtomicFiles' hidden part files of {@code names} whose process is gone, and
     * {@code <name>.part} for the names given (archives, written by one run at a time).
     */
    public static List<Path> staleParts(Path dir, Set<String> names) throws IOException {
        List<Path> stale = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return stale;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, "*.part")) {
            for (Path p : entries) {
                String file = p.getFileName().toString();
                Matcher m = HIDDEN_PART.matcher(file);
                boolean ours;
                if (m.matches()) {
                    long pid = Long.parseLong(m.group(2));
                    ours = names.contains(m.group(1)) && ProcessHandle.of(pid).map(h -> !h.isAlive()).orElse(true);
                } else {
                    ours = names.contains(file.substring(0, file.length() - ".part".length()));
                }
                synchronized (OPEN) {
                    if (ours && !OPEN.contains(p.toAbsolutePath())) {
                        stale.add(p);
                    }
                }
            }
        }
        return stale;
    }

    /** For AtomicFiles: stale hidden part files of {@code target} itself (their process is gone). */
    static void removeStale(Path target) {
        try {
            for (Path p : staleParts(target.getParent(), Set.of(target.getFileName().toString()))) {
                if (HIDDEN_PART.matcher(p.getFileName().toString()).matches()) {
                    Files.deleteIfExists(p);
                }
            }
        } catch (IOException | RuntimeException ignored) {
            // a leftover that cannot be listed or deleted does not stop the write
        }
    }
}

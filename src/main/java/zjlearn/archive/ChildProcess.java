package zjlearn.archive;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A Java process running {@code mainClass} with this program's Java and class path, talked to in JSON lines
 * over its standard input and output. It runs in a folder of the private temporary area, so whatever it
 * leaves there (a crash log) goes with the area; a crash writes no memory dump. Each answer is awaited no
 * longer than the time given: a process that says nothing for that long is ended.
 */
final class ChildProcess implements Closeable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNode END = JSON.createObjectNode();
    private static final int STDERR_KEPT = 4000;

    /** The process stopped (crashed, or ended early) or said nothing for too long. */
    static final class StoppedException extends IOException {
        StoppedException(String message) {
            super(message);
        }
    }

    private final Process process;
    private final BlockingQueue<JsonNode> lines = new LinkedBlockingQueue<>();
    private final StringBuilder stderr = new StringBuilder();
    private final OutputStream stdin;

    ChildProcess(String mainClass, Path folder) throws IOException {
        Files.createDirectories(folder);
        List<String> command = new ArrayList<>();
        command.add(javaExecutable());
        command.addAll(List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:-UsePerfData",
                "-Xshare:auto", "-XX:-CreateCoredumpOnCrash", "-XX:ErrorFile=" + folder.resolve("crash-%p.log"),
                "-Djava.io.tmpdir=" + folder, "-cp", absolute(System.getProperty("java.class.path")), mainClass));
        ProcessBuilder builder = new ProcessBuilder(command).directory(folder.toFile());
        builder.environment().remove("JAVA_TOOL_OPTIONS"); // its "Picked up" line and options are the parent's
        builder.environment().remove("_JAVA_OPTIONS");
        process = builder.start();
        stdin = process.getOutputStream();
        Thread out = new Thread(() -> readLines(process.getInputStream()), "zjlearn-child-out");
        Thread err = new Thread(() -> keepTail(process.getErrorStream()), "zjlearn-child-err");
        out.setDaemon(true);
        err.setDaemon(true);
        out.start();
        err.start();
    }

    /** A class path with every entry absolute: the child runs in another folder (think of {@code java -jar zjlearn.jar}). */
    static String absolute(String classPath) {
        List<String> entries = new ArrayList<>();
        for (String entry : classPath.split(java.util.regex.Pattern.quote(java.io.File.pathSeparator))) {
            if (!entry.isEmpty()) {
                entries.add(Path.of(entry).toAbsolutePath().toString());
            }
        }
        return String.join(java.io.File.pathSeparator, entries);
    }

    private static String javaExecutable() {
        boolean windows = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
        return Path.of(System.getProperty("java.home"), "bin", windows ? "java.exe" : "java").toString();
    }

    private void readLines(InputStream in) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                try {
                    lines.add(JSON.readTree(line));
                } catch (IOException e) {
                    synchronized (stderr) {
                        stderr.append("unreadable answer: ").append(line, 0, Math.min(200, line.length())).append('\n');
                    }
                }
            }
        } catch (IOException ignored) {
            // the process ended
        }
        lines.add(END);
    }

    private void keepTail(InputStream in) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                synchronized (stderr) {
                    stderr.append(line).append('\n');
                    if (stderr.length() > STDERR_KEPT) {
                        stderr.delete(0, stderr.length() - STDERR_KEPT);
                    }
                }
            }
        } catch (IOException ignored) {
            // the process ended
        }
    }

    /** Sends one JSON line. */
    void send(Object message) throws IOException {
        try {
            stdin.write(JSON.writeValueAsBytes(message));
            stdin.write('\n');
            stdin.flush();
        } catch (IOException e) {
            throw stopped();
        }
    }

    /** The next JSON line, waiting no longer than {@code timeout}; the process is ended when it does not answer. */
    JsonNode next(Duration timeout) throws IOException {
        JsonNode line;
        try {
            line = lines.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new StoppedException("interrupted");
        }
        if (line == null) {
            close();
            throw new StoppedException("no answer for " + timeout.toSeconds() + " s (hung), ended");
        }
        if (line == END) {
            lines.add(END);
            throw stopped();
        }
        return line;
    }

    private StoppedException stopped() {
        String exit;
        try {
            exit = process.waitFor(5, TimeUnit.SECONDS) ? "exit code " + process.exitValue() : "still running";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exit = "interrupted";
        }
        close();
        String tail;
        synchronized (stderr) {
            tail = stderr.toString().strip();
        }
        int firstLine = tail.indexOf('\n');
        String shown = firstLine < 0 ? tail : tail.substring(0, firstLine);
        return new StoppedException("stopped (" + exit + ")" + (shown.isEmpty() ? "" : ": " + shown));
    }

    /** Ends the process if it still runs. */
    @Override
    public void close() {
        try {
            stdin.close();
        } catch (IOException ignored) {
            // the process is gone
        }
        if (process.isAlive()) {
            try {
                if (!process.waitFor(2, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }
}

package zjlearn.fix;

import zjlearn.PartialFiles;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * One ffmpeg executable: runs a conversion with {@code -progress pipe:1}, turning its key=value lines into
 * {@link Progress} calls (time done, speed), and registers the process with {@link PartialFiles} so that Ctrl-C
 * stops it before its part file is removed.
 *
 * @param executable the program
 * @param version    the first line of {@code ffmpeg -version}
 * @param origin     where it was found
 */
public record Ffmpeg(Path executable, String version, Origin origin) {
    /** Where an ffmpeg came from, in the order they are tried. */
    public enum Origin { OPTION, ENVIRONMENT, PATH, BROUGHT }

    /** What a running conversion has done: seconds of output written, and ffmpeg's speed (1.0 = real time). */
    @FunctionalInterface
    public interface Progress {
        Progress NONE = (seconds, speed) -> { };

        void update(double secondsDone, double speed);
    }

    /** How a run ended: exit code 0 is success; {@code log} holds ffmpeg's last error lines. */
    public record Outcome(int exitCode, String log) {
        public boolean ok() {
            return exitCode == 0;
        }
    }

    /** Runs ffmpeg with {@code args} (after its own {@code -hide_banner -nostdin -progress pipe:1 -nostats}). */
    public Outcome run(List<String> args, Progress progress) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(executable.toString(), "-hide_banner", "-nostdin", "-y",
                "-loglevel", "error", "-progress", "pipe:1", "-nostats"));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command);
        Process process = PartialFiles.start(builder);
        try {
            process.getOutputStream().close();
            StringBuilder log = new StringBuilder();
            Thread errors = new Thread(() -> drain(process.getErrorStream(), log), "ffmpeg-stderr");
            errors.setDaemon(true);
            errors.start();
            readProgress(process.getInputStream(), progress);
            int code = process.waitFor();
            errors.join(TimeUnit.SECONDS.toMillis(5));
            synchronized (log) {
                return new Outcome(code, log.toString().strip());
            }
        } finally {
            if (process.isAlive()) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
            PartialFiles.finished(process);
        }
    }

    /** Parses {@code out_time_us=…}, {@code speed=1.23x} blocks, each closed by {@code progress=continue|end}. */
    static void readProgress(InputStream in, Progress progress) throws IOException {
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        double seconds = 0;
        double speed = 0;
        String line;
        while ((line = r.readLine()) != null) {
            int eq = line.indexOf('=');
            if (eq < 0) {
                continue;
            }
            String key = line.substring(0, eq).strip();
            String value = line.substring(eq + 1).strip();
            switch (key) {
                case "out_time_us", "out_time_ms" -> seconds = parseLong(value) / 1e6; // both are microseconds
                case "speed" -> speed = parseSpeed(value);
                case "progress" -> progress.update(Math.max(0, seconds), speed);
                default -> { }
            }
        }
    }

    private static long parseLong(String v) {
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    static double parseSpeed(String v) {
        String s = v.endsWith("x") ? v.substring(0, v.length() - 1).strip() : v;
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Keeps ffmpeg's error output (the last 4000 characters). */
    private static void drain(InputStream in, StringBuilder log) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                synchronized (log) {
                    log.append(line).append('\n');
                    if (log.length() > 4000) {
                        log.delete(0, log.length() - 4000);
                    }
                }
            }
        } catch (IOException ignored) {
            // the process ended
        }
    }

    /** Output of a short query ({@code -version}, {@code -encoders}), or null when it does not run. */
    static String query(Path executable, String... args) {
        List<String> command = new ArrayList<>(List.of(executable.toString(), "-hide_banner"));
        command.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return null;
            }
            return p.exitValue() == 0 ? new String(out, StandardCharsets.UTF_8) : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** Whether this ffmpeg has the encoder named (libx264, aac). */
    static boolean hasEncoder(String encoders, String name) {
        return encoders.lines().anyMatch(l -> {
            String[] parts = l.strip().split("\\s+");
            return parts.length >= 2 && parts[1].toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT));
        });
    }
}

package zjlearn.fix;

import zjlearn.rules.Rules;
import zjlearn.rules.RulesLoader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Inputs for fix tests: ffmpeg-made videos (lavfi test sources), a rules file for short clips, and a CLI run. */
final class FixFixtures {
    private FixFixtures() {
    }

    /** The ffmpeg on PATH that makes the test inputs, or null (the tests that need it are then skipped). */
    static String ffmpeg() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path p = Path.of(dir, "ffmpeg");
            if (Files.isExecutable(p)) {
                return p.toString();
            }
        }
        return null;
    }

    /** Runs ffmpeg to make {@code out} from lavfi sources: {@code args} go between the global options and the output. */
    static void make(Path out, String... args) {
        List<String> command = new ArrayList<>(List.of(ffmpeg(), "-hide_banner", "-loglevel", "error", "-y", "-nostdin"));
        command.addAll(List.of(args));
        command.add(out.toString());
        try {
            Files.createDirectories(out.getParent());
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("ffmpeg failed: " + command + "\n" + log);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A test source of {@code size} at {@code rate} for {@code seconds}, with a 440 Hz tone unless {@code silent}. */
    static List<String> source(String size, String rate, double seconds, boolean sound) {
        List<String> a = new ArrayList<>(List.of("-f", "lavfi", "-i", "testsrc2=size=" + size + ":rate=" + rate));
        if (sound) {
            a.addAll(List.of("-f", "lavfi", "-i", "sine=frequency=440:sample_rate=44100"));
        }
        a.addAll(List.of("-t", String.valueOf(seconds)));
        return a;
    }

    /** The built-in rules with the video's length set to 1–10 s, so that short test clips can pass; written to {@code dir}. */
    static Path shortVideoRules(Path dir) {
        try {
            Path repo = Path.of("").toAbsolutePath();
            String yaml = Files.readString(repo.resolve("rules.yaml"), StandardCharsets.UTF_8)
                    .replace("minSeconds: 240", "minSeconds: 1").replace("maxSeconds: 300", "maxSeconds: 10");
            Files.createDirectories(dir);
            Path rules = dir.resolve("rules.yaml");
            Files.writeString(rules, yaml, StandardCharsets.UTF_8);
            Files.copy(repo.resolve("previous-winners.csv"), dir.resolve("previous-winners.csv"));
            return rules;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Rules load(Path rulesFile) {
        try {
            return RulesLoader.load(rulesFile);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** One command line run in this JVM. */
}

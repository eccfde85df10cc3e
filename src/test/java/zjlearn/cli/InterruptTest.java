package zjlearn.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import zjlearn.testing.BenchProvince;
import zjlearn.testing.Cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ctrl-C and kill during a real {@code package} run in a child JVM: every part file it created is gone, the
 * exit code is the documented one, and a later {@code --force} run removes what a crash (kill -9) left.
 */
class InterruptTest {
    @TempDir
    static Path shared;
    static Path province;

    @TempDir
    Path tmp;

    /** A province whose one archive takes a while to write: a 400 MiB video of random bytes. */
    @BeforeAll
    static void bigProvince() throws IOException {
        province = shared.resolve("全省材料");
        BenchProvince.main(new String[] {province.toString(), "400", "0", "0"});
    }

    @Test
    void ctrlCRemovesThePartialArchiveAndExits130() throws Exception {
        Path out = tmp.resolve("打包结果");
        Process p = start(out);
        Path part = awaitPart(p, out);
        new ProcessBuilder("kill", "-INT", String.valueOf(p.pid())).start().waitFor();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String err = Files.readString(out.resolveSibling("stderr.txt"), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).isEqualTo(ExitCode.INTERRUPTED.code());
        assertThat(err).contains("已中断").contains("已删除 1 个写了一半的文件").contains(part.getFileName().toString());
        assertThat(parts(out)).isEmpty();
        assertThat(out.resolve("杭州市.zip")).doesNotExist();
    }

    @Test
    void sigtermRemovesThePartialArchiveAndExits143() throws Exception {
        Path out = tmp.resolve("打包结果");
        Process p = start(out, "--lang", "en");
        awaitPart(p, out);
        p.destroy(); // SIGTERM, as when the console window is closed
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String err = Files.readString(out.resolveSibling("stderr.txt"), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).isEqualTo(ExitCode.TERMINATED.code());
        assertThat(err).contains("interrupted").contains("Deleted 1 unfinished file(s)").doesNotContain("已中断");
        assertThat(parts(out)).isEmpty();
    }

    @Test
    void aKilledRunsLeftoversAreNamedAndForceRemovesThem() throws Exception {
        Path out = tmp.resolve("打包结果");
        Process p = start(out);
        awaitPart(p, out);
        p.destroyForcibly(); // kill -9: no clean-up can run
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        // AtomicFiles' hidden part of the workbook from a process that is gone, as a crash leaves it
        Path hidden = Files.writeString(out.resolve(".汇总表.xlsx." + deadPid() + ".1a2b.part"), "half");
        assertThat(parts(out)).hasSize(2);

        Cli.Run refused = Cli.run("package", province.toString(), "-o", out.toString(), "-q");
        assertThat(refused.code()).isEqualTo(ExitCode.USAGE.code());
        assertThat(refused.err()).contains("杭州市.zip.part（上次中断留下的未完成文件）").contains(hidden.getFileName().toString());

        Cli.Run forced = Cli.run("package", province.toString(), "-o", out.toString(), "--force", "--date", "2021-09-01");
        assertThat(forced.code()).isZero();
        assertThat(forced.err()).contains("已删除上次中断留下的未完成文件 杭州市.zip.part");
        assertThat(parts(out)).isEmpty();
        assertThat(out.resolve("杭州市.zip")).exists();
    }

    @Test
    void aHiddenPartOfALiveProcessIsLeftAlone() throws Exception {
        Path out = Files.createDirectories(tmp.resolve("out"));
        Path live = Files.writeString(out.resolve(".report.json." + ProcessHandle.current().pid() + ".ff.part"), "x");
        Files.setLastModifiedTime(live, FileTime.from(Instant.now()));
        Cli.Run r = Cli.run("package", province.toString(), "-o", out.toString(), "--dry-run");
        assertThat(r.err()).doesNotContain(live.getFileName().toString());
        assertThat(live).exists();
    }

    private static Process start(Path out, String... more) throws IOException {
        // A job started in the background by a shell without job control (`mvn verify &`) inherits SIGINT
        // ignored, and a JVM started so keeps ignoring Ctrl-C, as it should; perl restores the default first.
        List<String> command = new java.util.ArrayList<>(List.of("perl", "-e", "$SIG{INT} = 'DEFAULT'; exec @ARGV or die",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), "zjlearn.cli.Main",
                "package", province.toString(), "-o", out.toString(), "--date", "2021-09-01"));
        command.addAll(List.of(more));
        // stderr into a file: destroy() closes the pipes
        return new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(out.resolveSibling("stderr.txt").toFile()).start();
    }

    /** Waits until the archive's part file exists (the run is writing it). */
    private static Path awaitPart(Process p, Path out) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            Optional<Path> part = parts(out).stream().filter(f -> f.getFileName().toString().equals("杭州市.zip.part")).findFirst();
            if (part.isPresent() && Files.size(part.get()) > 0) {
                return part.get();
            }
            assertThat(p.isAlive()).as("the run is still going").isTrue();
            Thread.sleep(5);
        }
        throw new AssertionError("no part file appeared in " + out);
    }

    private static List<Path> parts(Path out) throws IOException {
        if (!Files.isDirectory(out)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(out)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".part")).toList();
        }
    }

    /** A process id that is not running. */
    private static long deadPid() throws Exception {
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        return p.pid();
    }
}

package zjlearn.pack;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import zjlearn.cli.CliTest;
import zjlearn.testing.Province;
import zjlearn.testing.Cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** A full disk or an output path that cannot be a folder: a clear message, no half-written file. */
class OutputFailureTest {
    @TempDir
    Path tmp;

    Path province() throws IOException {
        Province p = new Province(tmp.resolve("省"));
        Path dir = p.star("杭州市", "张三").write();
        PackageCommandTest.national(dir, 2 << 20);
        return p.root();
    }

    @Test
    void anOutputPathThroughAFileIsAClearError() throws IOException {
        Path root = province();
        Path file = Files.writeString(tmp.resolve("文件.txt"), "x");
        Cli.Run run = Cli.run("package", root.toString(), "-o", file.resolve("输出").toString(), "--date", "2021-09-01");
        assertThat(run.code()).isIn(1, 2);
        assertThat(run.err()).doesNotContain("内部错误").doesNotContain("at java.");
        assertThat(run.err() + run.out()).containsAnyOf("同名文件", "不是文件夹", "无法");
    }

    @Test
    void aFullDiskLeavesNoPartialFileAndSaysSo() throws Exception {
        Path mount = Files.createDirectories(tmp.resolve("小磁盘"));
        Process p = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=512k", "tmpfs", mount.toString())
                .redirectErrorStream(true).start();
        boolean mounted = p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
        Assumptions.assumeTrue(mounted, "cannot mount a small tmpfs here (needs root): the full-disk case is skipped");
        try {
            Path root = province();
            Cli.Run run = Cli.run("package", root.toString(), "-o", mount.resolve("out").toString(), "--date", "2021-09-01");
            assertThat(run.code()).isEqualTo(1);
            assertThat(run.err()).contains("磁盘空间不足").doesNotContain("内部错误").doesNotContain("at java.");
            try (Stream<Path> left = Files.list(mount.resolve("out"))) {
                assertThat(left.map(f -> f.getFileName().toString()))
                        .noneMatch(n -> n.endsWith(".part") || n.equals("杭州市.zip"));
            }
        } finally {
            new ProcessBuilder("umount", mount.toString()).start().waitFor(20, TimeUnit.SECONDS);
        }
    }
}

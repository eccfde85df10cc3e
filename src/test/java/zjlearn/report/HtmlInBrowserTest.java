package zjlearn.report;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import zjlearn.cli.CliTest;
import zjlearn.testing.Cli;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The HTML report of samples/ as a clerk's browser shows it: headless Chromium (Debian's chromium
 * package, which .ci/run installs) loads the page without console errors, its DOM has every
 * section, and the screenshot shows the coloured status of passed and failed submissions.
 */
class HtmlInBrowserTest {
    @TempDir
    Path tmp;

    static String chromium() {
        for (String candidate : new String[] {System.getenv("ZJLEARN_CHROMIUM"), "/usr/bin/chromium", "/usr/bin/chromium-browser",
                "/usr/bin/google-chrome"}) {
            if (candidate != null && new File(candidate).canExecute()) {
                return candidate;
            }
        }
        return null;
    }

    @Test
    void theSamplesReportRendersInChromium() throws Exception {
        String chromium = chromium();
        Assumptions.assumeTrue(chromium != null,
                "Chromium is not installed (apt-get install chromium, or set ZJLEARN_CHROMIUM): the browser rendering check is skipped");
        Path report = tmp.resolve("报告.html");
        Cli.Run run = Cli.run("validate", Path.of("samples").toString(), "--format", "html", "-o", report.toString());
        assertThat(run.code()).isEqualTo(1);

        Result dom = chromium(chromium, "--dump-dom", report.toUri().toString());
        assertThat(dom.exit()).isZero();
        assertThat(dom.stdout()).contains("推荐材料检查报告").contains("<h2>杭州市</h2>").contains("<h2>温州市</h2>")
                .contains("超出名额").contains("视频：视频.mp4");
        assertThat(dom.stderr()).doesNotContain("Uncaught").doesNotContainPattern("CONSOLE.*(Error|error)");

        Path png = tmp.resolve("report.png");
        Result shot = chromium(chromium, "--screenshot=" + png, "--window-size=1200,1600", "--hide-scrollbars",
                report.toUri().toString());
        assertThat(shot.exit()).isZero();
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(1200);
        assertThat(pixelsNear(image, 0x1f5fa8)).as("the blue header rule and links").isGreaterThan(500);
        assertThat(pixelsNear(image, 0xc0392b)).as("red marks of failed submissions").isGreaterThan(200);
        assertThat(pixelsNear(image, 0x1e8449)).as("green marks of passed submissions").isGreaterThan(200);
    }

    record Result(int exit, String stdout, String stderr) {
    }

    private Result chromium(String binary, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(binary, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--enable-logging=stderr", "--v=0", "--user-data-dir=" + Files.createTempDirectory(tmp, "profile")));
        command.addAll(List.of(args));
        Path out = tmp.resolve("out.txt");
        Path err = tmp.resolve("err.txt");
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(90, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("chromium did not finish in 90 s");
        }
        return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    private static int pixelsNear(BufferedImage image, int rgb) {
        int count = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int p = image.getRGB(x, y);
                if (Math.abs(((p >> 16) & 0xff) - ((rgb >> 16) & 0xff)) < 24 && Math.abs(((p >> 8) & 0xff) - ((rgb >> 8) & 0xff)) < 24
                        && Math.abs((p & 0xff) - (rgb & 0xff)) < 24) {
                    count++;
                }
            }
        }
        return count;
    }
}

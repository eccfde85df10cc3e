package zjlearn.cli;

import org.junit.jupiter.api.Test;
import zjlearn.pack.Packager;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

class ProgressBarTest {
    @Test
    void theBarShowsTheShareWrittenTheBytesAndTheSpeed() {
        long gib = 1L << 30;
        assertThat(ProgressBar.render("杭州市.zip", gib, 2 * gib, 1.0, false))
                .isEqualTo("杭州市.zip ████████████░░░░░░░░░░░░  50%  1.0 GB / 2.0 GB  1.0 GB/秒");
        assertThat(ProgressBar.render("hz.zip", 0, 2 * gib, 0.1, true))
                .isEqualTo("hz.zip ░░░░░░░░░░░░░░░░░░░░░░░░   0%  0 B / 2.0 GB");
        assertThat(ProgressBar.render("hz.zip", 2 * gib - 1, 2 * gib, 2.0, true))
                .startsWith("hz.zip ████████████████████████  99%").endsWith("/s");
        assertThat(ProgressBar.render("empty.zip", 0, 0, 0, false)).contains("100%");
    }

    @Test
    void withoutATerminalOrWhenQuietNothingIsDrawn() {
        StringWriter text = new StringWriter();
        Packager.Meter meter = ProgressBar.forTerminal(new PrintWriter(text), true, false);
        meter.payload("杭州市.zip", 5, 10);
        ProgressBar.beforeLine(meter);
        assertThat(meter).isSameAs(Packager.Meter.NONE);
        assertThat(text.toString()).isEmpty();
    }
}

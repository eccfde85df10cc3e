package zjlearn.cli;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

class TerminalLineTest {
    @Test
    void rewritesAtMostTenTimesASecondUnlessForcedAndWipesOnce() {
        StringWriter text = new StringWriter();
        TerminalLine line = new TerminalLine(new PrintWriter(text));
        line.show(() -> "1/3", false);
        line.show(() -> "2/3", false); // too soon after the first: skipped
        line.show(() -> "新的压缩包", true);
        line.clear();
        line.clear(); // nothing left to wipe
        assertThat(text.toString()).isEqualTo("\r\u001B[K1/3\r\u001B[K新的压缩包\r\u001B[K");
    }
}

package zjlearn.cli;

import org.junit.jupiter.api.Test;

import zjlearn.testing.Cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The exit codes are one enum: README's table, the help and the launchers agree with it. */
class ExitCodeTest {
    @Test
    void readmeTableListsExactlyTheEnumsCodes() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("README.md"), StandardCharsets.UTF_8);
        int start = lines.indexOf("| 码 | 含义 |");
        assertThat(start).isNotNegative();
        List<Integer> documented = new ArrayList<>();
        Matcher m;
        for (int i = start + 2; i < lines.size() && (m = Pattern.compile("^\\| (\\d+) \\|").matcher(lines.get(i))).find(); i++) {
            documented.add(Integer.parseInt(m.group(1)));
        }
        assertThat(documented).containsExactlyElementsOf(Stream.of(ExitCode.values()).map(ExitCode::code).toList());
    }

    @Test
    void everyCodeHasAMeaningInBothLanguagesAndTheHelpListsThem() {
        for (ExitCode c : ExitCode.values()) {
            assertThat(c.meaning(Locale.CHINA)).containsPattern("\\p{IsHan}");
            assertThat(c.meaning(Locale.ENGLISH)).doesNotContainPattern("\\p{IsHan}").isNotBlank();
        }
        Cli.Run help = Cli.run("--help");
        for (ExitCode c : ExitCode.values()) {
            assertThat(help.out()).contains(c.code() + "   " + c.meaning(Locale.CHINA).substring(0, 6));
        }
        assertThat(Cli.run("package", "--help", "--lang", "en").out()).contains("Exit codes:").contains("every submission was packaged")
                .doesNotContain("Examples:\n  0");
        assertThat(Cli.run("verify", "--help").out()).contains("退出码：").contains("全部完好").doesNotContain("130");
    }

    @Test
    void theLaunchersUseTheLaunchCode() throws IOException {
        assertThat(Files.readString(Path.of("src/dist/zjlearn"), StandardCharsets.UTF_8)).contains("exit " + ExitCode.LAUNCH.code());
        assertThat(Files.readString(Path.of("src/dist/zjlearn.cmd"), StandardCharsets.UTF_8)).contains("ZJ_CODE=" + ExitCode.LAUNCH.code());
    }
}

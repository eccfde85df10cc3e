package zjlearn.rules;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * README's rules table is {@code zjlearn rules list --markdown} for the built-in rules file, between its two marker
 * lines: every rule, its default severity, its meaning in the rules file's words and its settings, from the one
 * definition. When this fails, run {@code scripts/readme-rules-table.sh}.
 */
class ReadmeRulesTableTest {
    @Test
    void theTableIsTheOneTheRuleDefinitionsMake() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("README.md"), StandardCharsets.UTF_8);
        int begin = indexOf(lines, "<!-- rules-table:begin");
        int end = indexOf(lines, "<!-- rules-table:end");
        assertThat(begin).as("README's rules-table markers").isNotNegative().isLessThan(end);
        List<String> expected = RuleTable.markdown(RulesLoader.loadDefault(), Locale.SIMPLIFIED_CHINESE);
        assertThat(lines.subList(begin + 1, end)).as("README's rules table; run scripts/readme-rules-table.sh")
                .containsExactlyElementsOf(expected);
        assertThat(expected).hasSize(Rule.values().length + 2);
    }

    @Test
    void everyRuleHasItsRowWithItsDefaultSeverity() {
        List<String> table = RuleTable.markdown(RulesLoader.loadDefault(), Locale.SIMPLIFIED_CHINESE);
        assertThat(table).anySatisfy(row -> assertThat(row).startsWith("| `video.bitrate` | 警告 | 视频平均码率低于 300 kbit/s")
                .endsWith("| `video.minKbps` |"));
        assertThat(table).anySatisfy(row -> assertThat(row).startsWith("| `quota.exceeded` | 错误 |"));
        List<String> english = RuleTable.markdown(RulesLoader.loadDefault(), Locale.ENGLISH);
        assertThat(english.get(0)).startsWith("| Rule |");
        assertThat(english).anySatisfy(row -> assertThat(row).startsWith("| `video.bitrate` | warning |"));
    }

    private static int indexOf(List<String> lines, String prefix) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(prefix)) {
                return i;
            }
        }
        return -1;
    }
}

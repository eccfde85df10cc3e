package zjlearn.rules;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** README's rules table names every rule the program knows, and marks as （警告） exactly those that are warnings by default. */
class ReadmeRulesTableTest {
    private static final Pattern ID = Pattern.compile("`([a-z]+\\.[a-z-]+)`(（警告）)?");
    /** Rules whose severity depends on a band the rules file sets (text.length: warning band and error band). */
    private static final Set<String> MIXED = Set.of("text.length");

    @Test
    void theTableMatchesTheCatalogAndTheDefaultRules() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("README.md"), StandardCharsets.UTF_8);
        int start = lines.indexOf("| 规则 | 含义 |");
        assertThat(start).as("README has the rules table").isNotNegative();
        Map<String, Boolean> marked = new LinkedHashMap<>();
        for (int i = start + 2; i < lines.size() && lines.get(i).startsWith("|"); i++) {
            String firstCell = lines.get(i).split("\\|")[1];
            Matcher m = ID.matcher(firstCell);
            while (m.find()) {
                marked.put(m.group(1), m.group(2) != null);
            }
        }
        Set<String> catalog = new java.util.LinkedHashSet<>();
        for (Rule rule : Rule.values()) {
            catalog.add(rule.id());
        }
        assertThat(marked.keySet()).containsExactlyInAnyOrderElementsOf(catalog);
        Rules rules = RulesLoader.loadDefault();
        List<String> wrong = marked.entrySet().stream()
                .filter(e -> !MIXED.contains(e.getKey()))
                .filter(e -> e.getValue() != (Rule.byId(e.getKey()).orElseThrow().effective(rules) == Severity.WARNING))
                .map(e -> e.getKey() + (e.getValue() ? " is marked （警告） but is " : " is not marked but is ")
                        + Rule.byId(e.getKey()).orElseThrow().effective(rules).id())
                .collect(Collectors.toList());
        assertThat(wrong).isEmpty();
    }
}

package zjlearn.rules;

import zjlearn.i18n.Bundles;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * {@code zjlearn rules list}: every rule with its severity in force and its meaning, as aligned text or as a
 * Markdown table (README's rules table is this table for the built-in rules file, written by
 * {@code scripts/readme-rules-table.sh} and held to it by a test), all from {@link Rule}'s one definition.
 */
public final class RuleTable {
    private RuleTable() {
    }

    public static List<String> text(Rules rules, Locale locale) {
        List<String> lines = new ArrayList<>();
        for (Rule rule : Rule.values()) {
            lines.add(String.format("%-32s %-8s %s", rule.id(), severity(rules, rule, locale), rule.meaning(rules, locale)));
        }
        return lines;
    }

    public static List<String> markdown(Rules rules, Locale locale) {
        List<String> lines = new ArrayList<>();
        lines.add(Bundles.format("rule.table.header", locale));
        lines.add("|---|---|---|---|");
        for (Rule rule : Rule.values()) {
            String params = rule.params().stream().map(p -> "`" + p + "`").collect(Collectors.joining(Bundles.format("rule.table.and", locale)));
            lines.add("| `" + rule.id() + "` | " + severity(rules, rule, locale) + " | " + cell(rule.meaning(rules, locale))
                    + " | " + params + " |");
        }
        return lines;
    }

    private static String severity(Rules rules, Rule rule, Locale locale) {
        return Bundles.format("rule.list." + rule.effective(rules).id(), locale);
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}

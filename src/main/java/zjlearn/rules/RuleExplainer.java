package zjlearn.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import zjlearn.i18n.Bundles;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * {@code zjlearn rules explain ID}: what a rule checks, its severity in force, the rules-file entries it
 * reads with their values in the file in force, and how a finding of it is usually fixed — all from the
 * rule's one definition ({@link Rule}) and the rules file, so another year's file explains itself.
 */
public final class RuleExplainer {
    private static final ObjectMapper TREE = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private RuleExplainer() {
    }

    public static List<String> explain(Rules rules, Rule rule, Locale locale) {
        List<String> lines = new ArrayList<>();
        lines.add(Bundles.format("rule.explain.title", locale, rule.id(), rule.meaning(rules, locale)));
        Severity severity = rule.effective(rules);
        lines.add(Bundles.format("rule.explain.severity", locale, Bundles.format("rule.severity." + severity.id(), locale),
                Bundles.format(rules.severityOverride(rule.id()).isPresent() ? "rule.explain.set-in-file" : "rule.explain.default", locale)));
        lines.add(Bundles.format("rule.explain.params", locale));
        JsonNode tree = TREE.valueToTree(rules);
        int before = lines.size();
        for (String param : rule.params()) {
            List<Map.Entry<String, JsonNode>> found = rules.param(param).map(v -> List.of(Map.entry(param, v)))
                    .orElseGet(() -> values(tree, param.split("\\."), 0, ""));
            for (Map.Entry<String, JsonNode> e : found) {
                JsonNode value = e.getValue();
                if (value.isArray() && value.size() > 1 && value.get(0).isContainerNode()) {
                    lines.add("  " + e.getKey() + ":");
                    value.forEach(item -> lines.add("    - " + flow(item)));
                } else {
                    lines.add("  " + e.getKey() + ": " + flow(value));
                }
            }
        }
        if (lines.size() == before) {
            lines.add("  " + Bundles.format("rule.explain.none", locale));
        }
        lines.add(Bundles.format("rule.explain.fix", locale, rule.fix(rules, locale)));
        return lines;
    }

    /** The nodes at a dotted path, {@code *} standing for every key of a map; absent entries give nothing. */
    private static List<Map.Entry<String, JsonNode>> values(JsonNode node, String[] path, int at, String prefix) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return List.of();
        }
        if (at == path.length) {
            return List.of(Map.entry(prefix, node));
        }
        List<Map.Entry<String, JsonNode>> out = new ArrayList<>();
        String dot = prefix.isEmpty() ? "" : prefix + ".";
        if (path[at].equals("*")) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> child = it.next();
                out.addAll(values(child.getValue(), path, at + 1, dot + child.getKey()));
            }
        } else {
            out.addAll(values(node.get(path[at]), path, at + 1, dot + path[at]));
        }
        return out;
    }

    /** A value as it could be written in YAML's flow style: 25, [isom, mp42], {name: 杭州市, quotaPerCategory: 4}. */
    static String flow(JsonNode node) {
        if (node.isArray()) {
            StringJoiner j = new StringJoiner(", ", "[", "]");
            node.forEach(n -> j.add(flow(n)));
            return j.toString();
        }
        if (node.isObject()) {
            StringJoiner j = new StringJoiner(", ", "{", "}");
            node.fields().forEachRemaining(e -> {
                if (!e.getValue().isNull() && !(e.getValue().isContainerNode() && e.getValue().isEmpty())) {
                    j.add(e.getKey() + ": " + flow(e.getValue()));
                }
            });
            return j.toString();
        }
        return node.isNumber() ? Words.number(node.asDouble()) : node.asText();
    }
}

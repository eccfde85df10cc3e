package zjlearn.check;

import zjlearn.i18n.Msg;
import zjlearn.rules.Rule;
import zjlearn.rules.Rules;
import zjlearn.rules.Severity;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Collects findings, applies the rules file's severity overrides (dropping rules set to off) and
 * merges repeated identical findings. Thread-safe.
 */
public final class FindingSink {
    private final Rules rules;
    private final Set<String> seen = new LinkedHashSet<>();
    private final List<Finding> findings = new ArrayList<>();

    public FindingSink(Rules rules) {
        this.rules = rules;
    }

    /** A finding at the rule's configured severity. */
    public void add(Rule rule, String submission, String file, Msg message, Msg expected, Msg actual, Msg fix) {
        add(rule, null, submission, file, message, expected, actual, fix);
    }

    /**
     * A finding at a severity the check proposes (e.g. a summary in the warning band), unless the
     * rules file overrides the rule's severity.
     */
    public void add(Rule rule, Severity proposed, String submission, String file, Msg message,
                    Msg expected, Msg actual, Msg fix) {
        add(rule, proposed, submission, file, message, expected, actual, fix, List.of());
    }

    /**
     * A finding that belongs to no single submission but is about several ({@link Finding#concerns}), e.g.
     * the submissions counted against an exceeded quota.
     */
    public synchronized void add(Rule rule, Severity proposed, String submission, String file, Msg message,
                                 Msg expected, Msg actual, Msg fix, List<String> concerns) {
        Severity severity = rules.severityOverride(rule.id())
                .orElse(proposed != null ? proposed : rule.defaultSeverity());
        if (severity == Severity.OFF) {
            return;
        }
        String key = String.join("\u0000", rule.id(), String.valueOf(submission), String.valueOf(file),
                message.render(Locale.ROOT), render(expected), render(actual));
        if (seen.add(key)) {
            findings.add(new Finding(rule, severity, submission, file, message, expected, actual, fix, concerns));
        }
    }

    private static String render(Msg msg) {
        return msg == null ? "" : msg.render(Locale.ROOT);
    }

    public synchronized List<Finding> findings() {
        return List.copyOf(findings);
    }
}

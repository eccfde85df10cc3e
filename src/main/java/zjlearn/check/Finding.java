package zjlearn.check;

import zjlearn.i18n.Msg;
import zjlearn.rules.Rule;
import zjlearn.rules.Severity;

import java.util.List;

/**
 * One problem found.
 *
 * @param rule       the rule, e.g. {@link Rule#FORM_FIELD_MISSING}
 * @param severity   error or warning (never off: those are dropped)
 * @param submission path of the submission it belongs to, or null for province/unit/category level
 * @param file       the file's path relative to the root given, or null
 * @param message    what is wrong
 * @param expected   what the rules ask for (may be null)
 * @param actual     what was found (may be null)
 * @param fix        how to fix it
 * @param concerns   paths of the submissions a finding that belongs to no single submission is about, so that
 *                   what follows (packaging) needs only the finding: for {@code quota.exceeded}, every
 *                   submission counted against the quota; empty for most findings
 */
public record Finding(Rule rule, Severity severity, String submission, String file,
                      Msg message, Msg expected, Msg actual, Msg fix, List<String> concerns) {
    public Finding {
        concerns = concerns == null ? List.of() : List.copyOf(concerns);
    }

    public Finding(Rule rule, Severity severity, String submission, String file,
                   Msg message, Msg expected, Msg actual, Msg fix) {
        this(rule, severity, submission, file, message, expected, actual, fix, List.of());
    }

    /** Whether this finding is about the submission at {@code path}: its own, or one it concerns. */
    public boolean concerns(String path) {
        return path.equals(submission) || concerns.contains(path);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }
}

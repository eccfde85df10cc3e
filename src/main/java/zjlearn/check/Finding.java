package zjlearn.check;

import zjlearn.rules.Rule;
import zjlearn.rules.Severity;

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
 */
public record Finding(Rule rule, Severity severity, String submission, String file,
                      Msg message, Msg expected, Msg actual, Msg fix) {
    public boolean isError() {
        return severity == Severity.ERROR;
    }
}

package zjlearn.testing;

import zjlearn.ValidationResult;
import zjlearn.Validator;
import zjlearn.check.Finding;
import zjlearn.rules.Rules;
import zjlearn.rules.RulesLoader;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** Runs the whole validation on a folder and looks at its findings. */
public final class Runs {
    private Runs() {
    }

    public static ValidationResult validate(Path root) {
        return validate(RulesLoader.loadDefault(), root);
    }

    public static ValidationResult validate(Rules rules, Path root) {
        try {
            return new Validator(rules, 2).validate(root);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    public static List<Finding> findings(ValidationResult result, String rule) {
        return result.findings().stream().filter(f -> f.rule().equals(rule)).toList();
    }

    public static String zh(Finding f) {
        return f.message().render(Locale.SIMPLIFIED_CHINESE);
    }

    /** Every finding as "rule file: message", for readable assertion failures. */
    public static List<String> describe(ValidationResult result) {
        return result.findings().stream()
                .map(f -> f.rule() + " " + f.file() + ": " + zh(f)).toList();
    }
}

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

    /**
     * The built-in rules with a list of earlier recognitions, as the secretariat would configure them: the
     * shipped list is empty (no invented people), and a run without a list says so in a finding that most
     * tests need not see. The two entries are test data only.
     */
    public static Rules rules() {
        List<Rules.PreviousWinner> winners = List.of(
                new Rules.PreviousWinner(2020, "star", "周建平", "嘉兴市", "", "测试名单.csv", 2),
                new Rules.PreviousWinner(2019, "project", "书香邻里读书会", "宁波市", "", "测试名单.csv", 3));
        return RulesLoader.loadDefault().withPreviousWinners(winners);
    }

    public static ValidationResult validate(Path root) {
        return validate(rules(), root);
    }

    public static ValidationResult validate(Rules rules, Path root) {
        try {
            return new Validator(rules, 2).validate(root);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    public static List<Finding> findings(ValidationResult result, String rule) {
        return result.findings().stream().filter(f -> f.rule().id().equals(rule)).toList();
    }

    public static String zh(Finding f) {
        return f.message().render(Locale.SIMPLIFIED_CHINESE);
    }

    /** Every finding as "rule file: message", for readable assertion failures. */
    public static List<String> describe(ValidationResult result) {
        return result.findings().stream()
                .map(f -> f.rule().id() + " " + f.file() + ": " + zh(f)).toList();
    }
}

package zjlearn.check;

import zjlearn.i18n.Msg;
import zjlearn.rules.Rule;
import zjlearn.probe.ProbedFile;
import zjlearn.rules.Rules;
import zjlearn.rules.Severity;
import zjlearn.scan.Submission;

import java.util.Set;

/**
 * {@code text.length}: the work summary's 字数 (counted as Word does, DESIGN.md) within the bands of
 * rules.yaml — a warning outside the warning band, an error outside the error band.
 */
public final class SummaryLengthCheck implements Check {
    @Override
    public Set<Rule> emits() {
        return Set.of(Rule.TEXT_LENGTH);
    }

    @Override
    public void run(Validation v, FindingSink sink) {
        for (Submission s : v.scan().submissions()) {
            Rules.SummaryRule rule = v.rules().category(s.category()).summary();
            if (rule == null) {
                continue;
            }
            for (ProbedFile f : v.files(s)) {
                if (!(f.facts() instanceof ProbedFile.TextFacts text) || f.file().national() || !rule.role().equals(f.role())) {
                    continue;
                }
                int words = text.words();
                if (rule.warning().contains(words)) {
                    continue;
                }
                Severity severity = rule.error().contains(words) ? Severity.WARNING : Severity.ERROR;
                Rules.Range band = severity == Severity.WARNING ? rule.warning() : rule.error();
                boolean tooShort = words < band.min();
                Msg summary = Texts.role(v.rules(), rule.role());
                String counted = String.valueOf(words);
                String characters = String.valueOf(text.nonWhitespaceCodePoints());
                sink.add(Rule.TEXT_LENGTH, severity, s.path(), f.file().relPath(),
                        Msg.key(tooShort ? "text.length.short.message" : "text.length.long.message",
                                summary, counted, characters),
                        Msg.key("text.length.expected", String.valueOf(mid(rule.warning())),
                                String.valueOf(rule.warning().min()), String.valueOf(rule.warning().max())),
                        Msg.key("text.length.actual", counted),
                        tooShort
                                ? Msg.key("text.length.short.fix", summary, String.valueOf(rule.warning().min()))
                                : Msg.key("text.length.long.fix", summary, String.valueOf(rule.warning().max())));
            }
        }
    }

    private static int mid(Rules.Range range) {
        return (range.min() + range.max()) / 2;
    }
}

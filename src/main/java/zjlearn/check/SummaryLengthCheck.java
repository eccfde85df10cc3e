package zjlearn.check;

import zjlearn.rules.Rule;
import zjlearn.probe.ProbedFile;
import zjlearn.rules.Rules;
import zjlearn.rules.Severity;
import zjlearn.scan.Submission;

/**
 * {@code text.length}: the work summary's 字数 (counted as Word does, DESIGN.md) within the bands of
 * rules.yaml — a warning outside the warning band, an error outside the error band.
 */
public final class SummaryLengthCheck implements Check {
    @Override
    public void run(Validation v, FindingSink sink) {
        for (Submission s : v.scan().submissions()) {
            Rules.SummaryRule rule = v.rules().category(s.category()).summary();
            if (rule == null) {
                continue;
            }
            for (ProbedFile f : v.files(s)) {
                if (f.text() == null || f.file().national() || !rule.role().equals(f.role())) {
                    continue;
                }
                int words = f.text().words();
                if (rule.warning().contains(words)) {
                    continue;
                }
                Severity severity = rule.error().contains(words) ? Severity.WARNING : Severity.ERROR;
                Rules.Range band = severity == Severity.WARNING ? rule.warning() : rule.error();
                boolean tooShort = words < band.min();
                sink.add(Rule.TEXT_LENGTH, severity, s.path(), f.file().relPath(),
                        tooShort
                                ? Msg.of("工作总结字数偏少：{0} 字（按 Word“字数”统计，不计空格的字符数为 {1}）",
                                "the work summary is short: {0} words as Word counts them ({1} non-space characters)",
                                String.valueOf(words), String.valueOf(f.text().nonWhitespaceCodePoints()))
                                : Msg.of("工作总结字数偏多：{0} 字（按 Word“字数”统计，不计空格的字符数为 {1}）",
                                "the work summary is long: {0} words as Word counts them ({1} non-space characters)",
                                String.valueOf(words), String.valueOf(f.text().nonWhitespaceCodePoints())),
                        Msg.of("约 {0} 字（{1}–{2} 字）", "about {0} ({1}–{2})", String.valueOf(mid(rule.warning())),
                                String.valueOf(rule.warning().min()), String.valueOf(rule.warning().max())),
                        Msg.of("{0} 字", "{0}", String.valueOf(words)),
                        tooShort
                                ? Msg.of("补充工作总结内容，使字数达到 {0} 字以上", "extend the summary to at least {0} words",
                                String.valueOf(rule.warning().min()))
                                : Msg.of("精简工作总结，使字数不超过 {0} 字", "shorten the summary to at most {0} words",
                                String.valueOf(rule.warning().max())));
            }
        }
    }

    private static int mid(Rules.Range range) {
        return (range.min() + range.max()) / 2;
    }
}

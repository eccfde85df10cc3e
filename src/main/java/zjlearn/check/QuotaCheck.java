package zjlearn.check;

import zjlearn.rules.Rules;
import zjlearn.scan.ScanResult;
import zjlearn.scan.Submission;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code quota.exceeded}: no unit sends more than its quota — per category, or in total for units
 * whose quota covers both categories. Judged only on what the scan could see.
 */
public final class QuotaCheck implements Check {
    @Override
    public void run(Validation v, FindingSink sink) {
        if (v.scan().level() == ScanResult.Level.SUBMISSION) {
            return;
        }
        for (Rules.UnitDef unit : v.rules().units()) {
            List<Submission> sent = v.scan().submissions().stream()
                    .filter(s -> unit.name().equals(s.unit())).toList();
            if (sent.isEmpty()) {
                continue;
            }
            if (unit.quotaPerCategory() != null) {
                for (String category : v.rules().categories().keySet()) {
                    List<Submission> inCategory = sent.stream().filter(s -> s.category().equals(category)).toList();
                    report(v, unit, Optional.of(category), inCategory, unit.quotaPerCategory(), sink);
                }
            } else if (unit.quotaTotal() != null) {
                report(v, unit, Optional.empty(), sent, unit.quotaTotal(), sink);
            }
        }
    }

    private static void report(Validation v, Rules.UnitDef unit, Optional<String> category, List<Submission> sent,
                               int quota, FindingSink sink) {
        if (sent.size() <= quota) {
            return;
        }
        String titles = sent.stream().map(Submission::title).collect(Collectors.joining("、"));
        Msg scope = category.map(c -> Msg.of("“{0}”", "{0}", Texts.category(v.rules(), c)))
                .orElse(Msg.of("两类合计", "both categories together"));
        String folder = sent.get(0).path();
        int slash = folder.lastIndexOf('/');
        String where = category.isPresent() && slash > 0 ? folder.substring(0, slash) : null;
        sink.add("quota.exceeded", null, where,
                Msg.of("{0}{1}推荐了 {2} 个，超过名额 {3} 个（{4}）", "{0} sent {2} in {1}, over its quota of {3} ({4})",
                        unit.name(), scope, String.valueOf(sent.size()), String.valueOf(quota), titles),
                Msg.of("不超过 {0} 个", "at most {0}", String.valueOf(quota)),
                Msg.of("{0} 个", "{0}", String.valueOf(sent.size())),
                Msg.of("由本单位择优确定，删去 {0} 个推荐对象的文件夹；秘书处不会代为取舍，超额的类别整体不予打包",
                        "choose which to keep and remove {0} submission folder(s); the secretariat will not choose, and an over-quota category is not packaged",
                        String.valueOf(sent.size() - quota)));
    }
}

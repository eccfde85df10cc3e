package zjlearn.check;

import zjlearn.i18n.Msg;
import zjlearn.rules.Rule;
import zjlearn.rules.Rules;
import zjlearn.scan.ScanResult;
import zjlearn.scan.Submission;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code quota.exceeded}: no unit sends more than its quota — per category, or in total for units
 * whose quota covers all categories together. Judged only on what the scan could see.
 */
public final class QuotaCheck implements Check {
    /**
     * A unit that sent more than its quota.
     *
     * @param unit     the unit's canonical name
     * @param category the category id, or null when the quota covers all categories together
     * @param sent     the submissions counted against the quota
     * @param quota    the quota
     * @param folder   the category folder (per-category quota) or the unit folder (total quota), relative to
     *                 the root given; null when it cannot be told
     */
    public record Excess(String unit, String category, List<Submission> sent, int quota, String folder) {
        public Excess {
            sent = List.copyOf(sent);
        }

        /** Whether this excess keeps the submission out of the package. */
        public boolean covers(Submission s) {
            return unit.equals(s.unit()) && (category == null || category.equals(s.category()));
        }
    }

    @Override
    public Set<Rule> emits() {
        return Set.of(Rule.QUOTA_EXCEEDED);
    }

    @Override
    public void run(Validation v, FindingSink sink) {
        for (Excess e : excesses(v)) {
            report(v, e, sink);
        }
    }

    /** Every unit and category (or unit, for a total quota) over its quota, in rules.yaml order. */
    public static List<Excess> excesses(Validation v) {
        List<Excess> excesses = new ArrayList<>();
        if (v.scan().level() == ScanResult.Level.SUBMISSION) {
            return excesses;
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
                    if (inCategory.size() > unit.quotaPerCategory()) {
                        excesses.add(new Excess(unit.name(), category, inCategory, unit.quotaPerCategory(),
                                parent(inCategory.get(0).path())));
                    }
                }
            } else if (unit.quotaTotal() != null && sent.size() > unit.quotaTotal()) {
                String categoryFolder = parent(sent.get(0).path());
                excesses.add(new Excess(unit.name(), null, sent, unit.quotaTotal(),
                        categoryFolder == null ? null : parentOrRoot(categoryFolder)));
            }
        }
        return excesses;
    }

    /** The quota finding's message for an excess (shared with the packager's list of what was left out). */
    public static Msg message(Rules rules, Excess e) {
        List<String> titles = e.sent().stream().map(Submission::title).toList();
        Msg scope = e.category() == null ? Msg.key("quota.scope.all", Texts.allCategories(rules))
                : Msg.key("quota.scope.category", Texts.category(rules, e.category()));
        return Msg.key("quota.exceeded.message", e.unit(), scope, String.valueOf(e.sent().size()),
                String.valueOf(e.quota()), titles);
    }

    /** How the unit mends an excess (shared with the packager's list of what was left out). */
    public static Msg fix(Excess e) {
        return Msg.key("quota.exceeded.fix", String.valueOf(e.sent().size() - e.quota()));
    }

    private static void report(Validation v, Excess e, FindingSink sink) {
        sink.add(Rule.QUOTA_EXCEEDED, null, null, e.folder(), message(v.rules(), e),
                Msg.key("quota.exceeded.expected", String.valueOf(e.quota())),
                Msg.key("quota.exceeded.actual", String.valueOf(e.sent().size())), fix(e),
                e.sent().stream().map(Submission::path).toList());
    }

    /** The parent folder of a relative path, or null when it has none ("张三" at submission level). */
    private static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash > 0 ? path.substring(0, slash) : null;
    }

    private static String parentOrRoot(String path) {
        int slash = path.lastIndexOf('/');
        return slash > 0 ? path.substring(0, slash) : ".";
    }
}

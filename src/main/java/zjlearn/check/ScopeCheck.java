package zjlearn.check;

import zjlearn.i18n.Msg;
import zjlearn.rules.Rule;
import zjlearn.scan.ScanResult;

import java.util.Set;

/**
 * {@code check.not-run}, once: a run below the province root cannot judge what needs the whole province (the
 * same nominee sent by another unit; below a unit, the unit's quota). Said once, rather than passed silently.
 * A submission's own verdict does not depend on the level: the category's list form above the folder given is
 * read as in a province run (see the scanner).
 */
public final class ScopeCheck implements Check {
    @Override
    public Set<Rule> emits() {
        return Set.of(Rule.CHECK_NOT_RUN);
    }

    @Override
    public void run(Validation v, FindingSink sink) {
        ScanResult.Level level = v.scan().level();
        if (level == ScanResult.Level.PROVINCE) {
            return;
        }
        boolean totalQuota = v.rules().units().stream().anyMatch(u -> u.quotaTotal() != null);
        Msg skipped = switch (level) {
            case UNIT -> Msg.key("scope.skipped.unit");
            case CATEGORY -> totalQuota ? Msg.key("scope.skipped.category", Texts.allCategories(v.rules()))
                    : Msg.key("scope.skipped.unit");
            default -> Msg.key("scope.skipped.submission");
        };
        sink.add(Rule.CHECK_NOT_RUN, null, null, Msg.key("scope.not-run.message", skipped),
                Msg.key("scope.not-run.expected"), Msg.key("scope.not-run.actual"), Msg.key("scope.not-run.fix"));
    }
}

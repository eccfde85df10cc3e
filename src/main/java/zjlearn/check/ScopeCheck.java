package zjlearn.check;

import zjlearn.rules.Rule;
import zjlearn.scan.ScanResult;

/**
 * {@code check.not-run}, once: a run below the province root cannot judge what needs the whole province (the
 * same nominee sent by another unit; below a unit, the unit's quota). Said once, rather than passed silently.
 * A submission's own verdict does not depend on the level: the category's list form above the folder given is
 * read as in a province run (see the scanner).
 */
public final class ScopeCheck implements Check {
    @Override
    public void run(Validation v, FindingSink sink) {
        ScanResult.Level level = v.scan().level();
        if (level == ScanResult.Level.PROVINCE) {
            return;
        }
        Msg skipped = switch (level) {
            case UNIT -> Msg.of("与其他单位重复报送的检查", "the check for nominees also sent by other units");
            case CATEGORY -> Msg.of("与其他单位重复报送的检查，以及两类合计的名额", "the check for nominees also sent by other units, and quotas that cover both categories");
            default -> Msg.of("名额检查和与其他推荐对象重复报送的检查", "the quota check and the check for nominees sent twice");
        };
        sink.add(Rule.CHECK_NOT_RUN, null, null,
                Msg.of("只检查了所给的文件夹，{0}没有进行：这些检查需要全省的材料", "only the folder given was checked; {0} did not run, as it needs the whole province", skipped),
                Msg.of("在全省根目录运行", "a run over the province root"), Msg.of("只检查了一部分", "a part only"),
                Msg.of("秘书处汇总全省材料后，在全省根目录运行 zjlearn validate 或 zjlearn package", "once the province's material is together, run zjlearn validate or package on the province root"));
    }
}

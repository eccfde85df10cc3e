package zjlearn.check;

import zjlearn.rules.Rule;
import zjlearn.probe.ProbedFile;
import zjlearn.rules.Names;
import zjlearn.rules.Rules;
import zjlearn.scan.Submission;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code eligibility.previous-winner}: “往年参加过征集并已被认定推介的原则上不再推荐”. A nominee certainly
 * recognised before — the same ID number, or the same name from the same unit — is an error; the same
 * name alone is a warning (同名，请核实) that the unit clears by writing in the nomination form that it is
 * a different person or project. Without a list nothing can be checked, and the report says so once.
 */
public final class PreviousWinnerCheck implements Check {
    @Override
    public void run(Validation v, FindingSink sink) {
        Rules.Eligibility el = v.rules().eligibility();
        if (el == null || el.previousWinners() == null || v.scan().submissions().isEmpty()) {
            return;
        }
        if (v.rules().previousWinners().isEmpty()) {
            sink.add(Rule.CHECK_NOT_RUN, null, null,
                    Msg.of("没有配置往年认定名单（{0} 中没有名单行），未核对推荐对象是否往年已被认定推介",
                            "no list of earlier recognitions is configured ({0} holds no entries): nobody was checked against earlier years",
                            el.previousWinners().file()),
                    Msg.of("往年认定名单", "the list of earlier recognitions"), Msg.of("无", "none"),
                    Msg.of("向秘书处索取往年认定名单（列：年份,类别,名称,单位,身份证号码），保存为规则文件旁的 {0}，或运行时加 --previous-winners 名单.csv",
                            "ask the secretariat for the list (columns 年份,类别,名称,单位,身份证号码) and save it as {0} beside the rules file, or pass --previous-winners LIST.csv",
                            el.previousWinners().file()));
            return;
        }
        for (Submission s : v.scan().submissions()) {
            check(v, el.previousWinners(), s, sink);
        }
    }

    private static void check(Validation v, Rules.PreviousWinnersFile config, Submission s, FindingSink sink) {
        String title = ConsistencyCheck.title(v, s);
        String key = Names.key(title);
        Optional<String> id = ConsistencyCheck.idNumber(v, s);
        Optional<ProbedFile> form = v.form(s, v.nominationRole(s.category()));
        Map<String, String> fields = form.map(f -> f.form().allFields()).orElse(Map.of());
        Rules.PreviousWinner nameOnly = null;
        for (Rules.PreviousWinner w : v.rules().previousWinners()) {
            if (!w.category().equals(s.category())) {
                continue;
            }
            boolean bothIds = id.isPresent() && !w.idNumber().isEmpty();
            if (bothIds) {
                if (id.get().equals(w.idNumber())) {
                    certain(v, s, title, w, Msg.of("身份证号码相同", "the same ID number"), sink);
                    return;
                }
                continue; // different ID numbers: certainly another person
            }
            if (!Names.key(w.name()).equals(key)) {
                continue;
            }
            Optional<Boolean> sameUnit = sameUnit(v, s, fields, w.unit());
            if (sameUnit.isPresent() && sameUnit.get()) {
                certain(v, s, title, w, Msg.of("名称和单位都相同", "the same name and unit"), sink);
                return;
            }
            if (sameUnit.isEmpty() && nameOnly == null) {
                nameOnly = w;
            }
        }
        if (nameOnly != null && !declaredDifferent(config, s, fields)) {
            Rules.PreviousWinner w = nameOnly;
            sink.add(Rule.ELIGIBILITY_PREVIOUS_WINNER_NAME, s.path(), null,
                    Msg.of("“{0}”与 {1} 年认定推介的“{2}”（{3}）同名，请核实是否为同一{4}",
                            "\"{0}\" has the same name as \"{2}\", recognised in {1} ({3}); please check whether it is the same {4}",
                            title, String.valueOf(w.year()), w.name(), where(w), Texts.category(v.rules(), s.category())),
                    Msg.of("往年未被认定推介", "not recognised before"),
                    Msg.of("{0} 年名单中有同名者", "a namesake in the {0} list", String.valueOf(w.year())),
                    Msg.of("若是同一推荐对象，按通知“原则上不再推荐”更换推荐对象；若只是同名，在推荐表“{0}”中写明“{1}”，本提示即消除",
                            "if it is the same, the notice says not to nominate again; if it is only a namesake, write \"{1}\" in the form's \"{0}\" and this hint disappears",
                            config.verifiedField() == null ? "推荐单位意见" : config.verifiedField(), phrase(v, config, s)));
        }
    }

    private static void certain(Validation v, Submission s, String title, Rules.PreviousWinner w, Msg how, FindingSink sink) {
        sink.add(Rule.ELIGIBILITY_PREVIOUS_WINNER, s.path(), null,
                Msg.of("“{0}”已在 {1} 年被认定推介（{2}；{3}），按通知原则上不再推荐",
                        "\"{0}\" was recognised in {1} ({2}; {3}); the notice says not to nominate again",
                        title, String.valueOf(w.year()), where(w), how),
                Msg.of("往年未被认定推介", "not recognised before"),
                Msg.of("{0} 年已认定", "recognised in {0}", String.valueOf(w.year())),
                Msg.of("更换推荐对象；若认为名单有误，请与秘书处核对往年认定名单", "nominate someone else; if the list is wrong, check it with the secretariat"));
    }

    private static Msg where(Rules.PreviousWinner w) {
        return w.unit().isEmpty()
                ? Msg.of("{0} 第 {1} 行", "{0} line {1}", w.source(), String.valueOf(w.line()))
                : Msg.literal(w.unit());
    }

    /**
     * Whether the list's unit is this submission's: empty when it cannot be told (no unit in the list,
     * or one that names neither a known unit nor the form's 推荐单位/申报单位).
     */
    private static Optional<Boolean> sameUnit(Validation v, Submission s, Map<String, String> fields, String listed) {
        if (listed.isEmpty()) {
            return Optional.empty();
        }
        List<String> named = new ArrayList<>();
        Rules.FormDef form = v.rules().form(v.rules().category(s.category()).nominationForm());
        form.unitFields().forEach(f -> Optional.ofNullable(fields.get(f)).ifPresent(named::add));
        Rules.ProjectName pn = v.rules().eligibility().projectName();
        if (pn != null && pn.unitField() != null && s.category().equals(pn.category())) {
            Optional.ofNullable(fields.get(pn.unitField())).ifPresent(named::add);
        }
        if (named.stream().anyMatch(n -> !n.isBlank() && Names.key(n).equals(Names.key(listed)))) {
            return Optional.of(true);
        }
        Optional<String> unit = exactUnit(v, listed);
        if (unit.isPresent() && s.unit() != null) {
            return Optional.of(unit.get().equals(s.unit()));
        }
        return Optional.empty();
    }

    private static Optional<String> exactUnit(Validation v, String text) {
        String key = Names.key(text);
        return v.rules().units().stream().filter(u -> key.equals(Names.key(u.name()))
                || u.aliases().stream().anyMatch(a -> key.equals(Names.key(a)))).map(Rules.UnitDef::name).findFirst();
    }

    /** The phrase the fix suggests: the first one the rules file gives for the category. */
    private static String phrase(Validation v, Rules.PreviousWinnersFile config, Submission s) {
        return config.phrases(s.category()).stream().findFirst().orElse("");
    }

    private static boolean declaredDifferent(Rules.PreviousWinnersFile config, Submission s, Map<String, String> fields) {
        if (config.verifiedField() == null) {
            return false;
        }
        String text = Names.key(fields.getOrDefault(config.verifiedField(), ""));
        return config.phrases(s.category()).stream().anyMatch(p -> text.contains(Names.key(p)));
    }
}

package zjlearn.check;

import zjlearn.i18n.Msg;
import zjlearn.rules.Rule;
import zjlearn.probe.ProbedFile;
import zjlearn.rules.Names;
import zjlearn.rules.Rules;
import zjlearn.scan.Submission;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code eligibility.previous-winner} (the 2021 notice: “往年参加过征集并已被认定推介的原则上不再推荐”; the words the
 * messages quote are the rules file's {@code eligibility.previousWinners.noticeWords}). A nominee certainly
 * recognised before — the same ID number, or the same name from the same unit — is an error; the same
 * name alone is a warning (同名，请核实) that the unit clears by writing in the nomination form that it is
 * a different person or project. Without a list nothing can be checked, and the report says so once.
 */
public final class PreviousWinnerCheck implements Check {
    @Override
    public Set<Rule> emits() {
        return Set.of(Rule.ELIGIBILITY_PREVIOUS_WINNER, Rule.ELIGIBILITY_PREVIOUS_WINNER_NAME, Rule.CHECK_NOT_RUN);
    }

    @Override
    public void run(Validation v, FindingSink sink) {
        Rules.Eligibility el = v.rules().eligibility();
        if (el == null || el.previousWinners() == null || v.scan().submissions().isEmpty()) {
            return;
        }
        if (v.rules().previousWinners().isEmpty()) {
            String file = el.previousWinners().file() == null ? "" : el.previousWinners().file();
            sink.add(Rule.CHECK_NOT_RUN, null, null, Msg.key("eligibility.previous-winners.none.message", file),
                    Msg.key("eligibility.previous-winners.none.expected"), Msg.key("eligibility.previous-winners.none.actual"),
                    Msg.key("eligibility.previous-winners.none.fix", file));
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
        Optional<ProbedFile.FormFile> form = v.form(s, v.nominationRole(s.category()));
        Map<String, String> fields = form.map(f -> f.form().allFields()).orElse(Map.of());
        Rules.PreviousWinner nameOnly = null;
        for (Rules.PreviousWinner w : v.rules().previousWinners()) {
            if (!w.category().equals(s.category())) {
                continue;
            }
            boolean bothIds = id.isPresent() && !w.idNumber().isEmpty();
            if (bothIds) {
                if (id.get().equals(w.idNumber())) {
                    certain(v, s, title, w, Msg.key("eligibility.previous-winner.same-id"), sink);
                    return;
                }
                continue; // different ID numbers: certainly another person
            }
            if (!Names.key(w.name()).equals(key)) {
                continue;
            }
            Optional<Boolean> sameUnit = sameUnit(v, s, fields, w.unit());
            if (sameUnit.isPresent() && sameUnit.get()) {
                certain(v, s, title, w, Msg.key("eligibility.previous-winner.same-unit"), sink);
                return;
            }
            if (sameUnit.isEmpty() && nameOnly == null) {
                nameOnly = w;
            }
        }
        if (nameOnly != null && !declaredDifferent(config, s, fields)) {
            Rules.PreviousWinner w = nameOnly;
            String phrase = phrase(v, config, s);
            sink.add(Rule.ELIGIBILITY_PREVIOUS_WINNER_NAME, s.path(), null,
                    Msg.key("eligibility.previous-winner-name.message", title, String.valueOf(w.year()), w.name(), where(w),
                            Texts.category(v.rules(), s.category())),
                    Msg.key("eligibility.previous-winner.expected"),
                    Msg.key("eligibility.previous-winner-name.actual", String.valueOf(w.year())),
                    config.verifiedField() == null || phrase.isEmpty()
                            ? Texts.noticed("eligibility.previous-winner-name.fix.ask", config.noticeWords())
                            : Texts.noticed("eligibility.previous-winner-name.fix", config.noticeWords(), config.verifiedField(), phrase,
                            Texts.role(v.rules(), v.nominationRole(s.category()))));
        }
    }

    private static void certain(Validation v, Submission s, String title, Rules.PreviousWinner w, Msg how, FindingSink sink) {
        sink.add(Rule.ELIGIBILITY_PREVIOUS_WINNER, s.path(), null,
                Texts.noticed("eligibility.previous-winner.message", v.rules().eligibility().previousWinners().noticeWords(),
                        title, String.valueOf(w.year()), where(w), how),
                Msg.key("eligibility.previous-winner.expected"),
                Msg.key("eligibility.previous-winner.actual", String.valueOf(w.year())),
                Msg.key("eligibility.previous-winner.fix"));
    }

    private static Msg where(Rules.PreviousWinner w) {
        return w.unit().isEmpty()
                ? Msg.key("eligibility.previous-winner.line", w.source(), String.valueOf(w.line()))
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

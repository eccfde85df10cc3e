package zjlearn.check;

import zjlearn.i18n.Msg;
import zjlearn.rules.Names;
import zjlearn.rules.Rule;
import zjlearn.rules.Rules;
import zjlearn.scan.Submission;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The same nominee or project sent twice, by one unit or by two. Certain — the same ID number, or
 * for a project the same name and the same 申报单位 — is an error ({@code consistency.duplicate});
 * the same name alone, with different or missing ID numbers, is a warning ({@code consistency.duplicate-name}).
 */
public final class DuplicateCheck implements Check {
    @Override
    public Set<Rule> emits() {
        return Set.of(Rule.CONSISTENCY_DUPLICATE, Rule.CONSISTENCY_DUPLICATE_NAME);
    }

    @Override
    public void run(Validation v, FindingSink sink) {
        Map<String, List<Submission>> byName = new LinkedHashMap<>();
        Map<String, List<Submission>> byId = new LinkedHashMap<>();
        Map<Submission, Optional<String>> ids = new LinkedHashMap<>();
        for (Submission s : v.scan().submissions()) {
            byName.computeIfAbsent(s.category() + "\u0000" + Names.key(ConsistencyCheck.title(v, s)),
                    k -> new ArrayList<>()).add(s);
            Optional<String> id = ConsistencyCheck.idNumber(v, s);
            ids.put(s, id);
            id.ifPresent(n -> byId.computeIfAbsent(n, k -> new ArrayList<>()).add(s));
        }
        for (List<Submission> group : byId.values()) {
            if (group.size() < 2) {
                continue;
            }
            for (Submission s : group) {
                sink.add(Rule.CONSISTENCY_DUPLICATE, s.path(), null,
                        Msg.key("consistency.same-id.message", ConsistencyCheck.title(v, s), others(group, s)),
                        Msg.key("consistency.once.expected"), Msg.key("consistency.times.actual", String.valueOf(group.size())),
                        Msg.key("consistency.same-id.fix"));
            }
        }
        for (List<Submission> group : byName.values()) {
            if (group.size() < 2) {
                continue;
            }
            for (Submission s : group) {
                Optional<String> id = ids.get(s);
                List<Submission> sameApplicant = group.stream().filter(o -> o != s && ids.get(o).isEmpty() && id.isEmpty()
                        && sameApplicant(v, s, o)).toList();
                List<Submission> uncertain = group.stream().filter(o -> o != s && !sameApplicant.contains(o)
                        && !(id.isPresent() && id.equals(ids.get(o)))).toList();
                if (!sameApplicant.isEmpty()) {
                    sink.add(Rule.CONSISTENCY_DUPLICATE, s.path(), null,
                            Msg.key("consistency.same-applicant.message", ConsistencyCheck.title(v, s),
                                    Texts.category(v.rules(), s.category()), others(sameApplicant, s),
                                    v.rules().eligibility().projectName().unitField()),
                            Msg.key("consistency.once.expected"),
                            Msg.key("consistency.times.actual", String.valueOf(sameApplicant.size() + 1)),
                            Msg.key("consistency.same-applicant.fix"));
                }
                if (uncertain.isEmpty()) {
                    continue;
                }
                boolean differentIds = id.isPresent() && uncertain.stream().allMatch(o -> ids.get(o).isPresent());
                Msg nominationForm = Texts.role(v.rules(), v.nominationRole(s.category()));
                sink.add(Rule.CONSISTENCY_DUPLICATE_NAME, s.path(), null,
                        differentIds
                                ? Msg.key("consistency.namesake-other-id.message", ConsistencyCheck.title(v, s), others(uncertain, s))
                                : Msg.key("consistency.namesake.message", ConsistencyCheck.title(v, s), others(uncertain, s),
                                Texts.category(v.rules(), s.category())),
                        Msg.key("consistency.once.expected"),
                        Msg.key("consistency.namesake.actual", String.valueOf(uncertain.size() + 1)),
                        differentIds
                                ? Msg.key("consistency.namesake-other-id.fix", nominationForm)
                                : Msg.key("consistency.namesake.fix", Texts.category(v.rules(), s.category()),
                                differentHint(v, s)));
            }
        }
    }

    /** How two submissions of the same name show they are different: the ID numbers, or a place in the name. */
    private static Msg differentHint(Validation v, Submission s) {
        Rules.CategoryDef category = v.rules().category(s.category());
        Rules.FormDef form = v.rules().form(category.nominationForm());
        Optional<Rules.FieldDef> id = form.fields().stream().filter(d -> d.type() == Rules.ValueType.ID_NUMBER).findFirst();
        if (id.isPresent()) {
            return Msg.key("consistency.different.id", Texts.role(v.rules(), form.role()), id.get().name());
        }
        return Msg.key("consistency.different.name", category.titleField());
    }

    private static String others(List<Submission> group, Submission s) {
        return group.stream().filter(o -> o != s).map(Submission::path).collect(Collectors.joining("、"));
    }

    /** Both projects name the same 申报单位 (the projectName rule's unitField), written in the form. */
    private static boolean sameApplicant(Validation v, Submission a, Submission b) {
        Rules.ProjectName pn = v.rules().eligibility() == null ? null : v.rules().eligibility().projectName();
        if (pn == null || pn.unitField() == null || !a.category().equals(pn.category())) {
            return false;
        }
        String ua = v.form(a, v.nominationRole(a.category())).map(f -> f.form().allFields().get(pn.unitField())).orElse(null);
        String ub = v.form(b, v.nominationRole(b.category())).map(f -> f.form().allFields().get(pn.unitField())).orElse(null);
        return ua != null && ub != null && !Names.key(ua).isEmpty() && Names.key(ua).equals(Names.key(ub));
    }
}

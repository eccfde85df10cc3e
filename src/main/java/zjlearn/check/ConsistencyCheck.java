package zjlearn.check;

import zjlearn.rules.Rule;
import zjlearn.probe.ProbedFile;
import zjlearn.rules.Names;
import zjlearn.rules.Rules;
import zjlearn.scan.CategoryFolder;
import zjlearn.scan.Submission;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code consistency.*}: the forms agree with the folder and with each other; the category's list
 * form lists exactly the submissions sent; no form names another unit; nobody is sent twice.
 */
public final class ConsistencyCheck implements Check {
    @Override
    public Set<Rule> emits() {
        return Set.of(Rule.CONSISTENCY_NAME_MISMATCH, Rule.CONSISTENCY_REGISTRATION_LIST, Rule.CONSISTENCY_UNIT_MISMATCH,
                Rule.CONSISTENCY_DUPLICATE, Rule.CONSISTENCY_DUPLICATE_NAME);
    }

    @Override
    public void run(Validation v, FindingSink sink) {
        for (Submission s : v.scan().submissions()) {
            nominationMatchesFolder(v, s, sink);
            ownRegistrationForm(v, s, sink);
            unitNamed(v, s, sink);
        }
        for (CategoryFolder c : v.scan().categoryFolders()) {
            categoryList(v, c, sink);
        }
        duplicates(v, sink);
    }

    /** The nominee's citizen ID number, when the nomination form has a field of that type holding one. */
    static Optional<String> idNumber(Validation v, Submission s) {
        Rules.FormDef form = v.rules().form(v.rules().category(s.category()).nominationForm());
        return v.form(s, form.role()).flatMap(f -> form.fields().stream()
                .filter(d -> d.type() == Rules.ValueType.ID_NUMBER)
                .map(d -> f.form().allFields().get(d.name()))
                .filter(id -> id != null && Values.birthDateOf(id).isPresent())
                .map(id -> Names.key(id).toUpperCase(java.util.Locale.ROOT))
                .findFirst());
    }

    /** The title of a submission as its nomination form gives it, else its folder name. */
    static String title(Validation v, Submission s) {
        Rules.CategoryDef category = v.rules().category(s.category());
        return v.form(s, v.nominationRole(s.category()))
                .map(f -> f.form().allFields().get(category.titleField()))
                .filter(t -> !t.isBlank()).orElse(s.title());
    }

    static boolean sameName(String a, String b) {
        String ka = Names.key(a);
        String kb = Names.key(b);
        return !ka.isEmpty() && !kb.isEmpty() && (ka.contains(kb) || kb.contains(ka));
    }

    private static void nominationMatchesFolder(Validation v, Submission s, FindingSink sink) {
        Rules.CategoryDef category = v.rules().category(s.category());
        Optional<ProbedFile> form = v.form(s, v.nominationRole(s.category()));
        if (form.isEmpty()) {
            return;
        }
        String value = form.get().form().allFields().get(category.titleField());
        if (value == null || value.isBlank() || sameName(value, s.title())) {
            return;
        }
        sink.add(Rule.CONSISTENCY_NAME_MISMATCH, s.path(), form.get().file().relPath(),
                Msg.key("consistency.folder-name.message", Texts.role(v.rules(), v.nominationRole(s.category())),
                        category.titleField(), value, s.title()),
                Msg.literal(s.title()), Msg.literal(value), Msg.key("consistency.folder-name.fix", value));
    }

    /** A per-submission 登记表: its record names this submission and agrees with the nomination form. */
    private static void ownRegistrationForm(Validation v, Submission s, FindingSink sink) {
        Optional<String> role = v.registrationRole(s.category());
        if (role.isEmpty()) {
            return;
        }
        Optional<ProbedFile> list = v.form(s, role.get());
        if (list.isEmpty() || list.get().form().records().isEmpty()) {
            return;
        }
        Rules.FormDef form = v.rules().form(v.rules().category(s.category()).registrationForm());
        String title = title(v, s);
        Optional<Map<String, String>> record = list.get().form().records().stream()
                .filter(r -> sameName(r.getOrDefault(form.keyField(), ""), title)).findFirst();
        if (record.isEmpty()) {
            String listed = list.get().form().records().stream().map(r -> r.getOrDefault(form.keyField(), ""))
                    .filter(n -> !n.isBlank()).collect(Collectors.joining("、"));
            Msg listForm = Texts.role(v.rules(), role.get());
            sink.add(Rule.CONSISTENCY_NAME_MISMATCH, s.path(), list.get().file().relPath(),
                    Msg.key("consistency.own-list.message", listForm, title,
                            listed.isEmpty() ? Msg.key("consistency.listed.none") : listed),
                    Msg.literal(title), Msg.literal(listed), Msg.key("consistency.own-list.fix", listForm, title));
            return;
        }
        compareWithNomination(v, s, record.get(), list.get(), sink);
    }

    /** Fields the list record shares with the nomination form must say the same thing. */
    private static void compareWithNomination(Validation v, Submission s, Map<String, String> record,
                                              ProbedFile listFile, FindingSink sink) {
        Optional<ProbedFile> nomination = v.form(s, v.nominationRole(s.category()));
        if (nomination.isEmpty()) {
            return;
        }
        Rules.CategoryDef category = v.rules().category(s.category());
        Rules.FormDef nominationForm = v.rules().form(category.nominationForm());
        Map<String, String> fields = nomination.get().form().allFields();
        for (Map.Entry<String, String> e : record.entrySet()) {
            String field = e.getKey();
            String listed = e.getValue();
            String nominated = fields.get(field);
            Optional<Rules.FieldDef> def = nominationForm.field(field);
            if (def.isEmpty() || nominated == null || nominated.isBlank() || listed == null || listed.isBlank()
                    || field.equals(category.titleField()) || nominationForm.unitFields().contains(field)) {
                continue;
            }
            if (!sameValue(def.get(), nominated, listed)) {
                sink.add(Rule.CONSISTENCY_NAME_MISMATCH, s.path(), listFile.file().relPath(),
                        Msg.key("consistency.field-differs.message", Texts.role(v.rules(), listFile.role()),
                                Texts.role(v.rules(), v.nominationRole(s.category())), field, listed, nominated),
                        Msg.literal(nominated), Msg.literal(listed), Msg.key("consistency.field-differs.fix", field));
            }
        }
    }

    private static boolean sameValue(Rules.FieldDef def, String a, String b) {
        return switch (def.type()) {
            case MONTH, DATE -> {
                Optional<Values.PartialDate> da = Values.date(a);
                Optional<Values.PartialDate> db = Values.date(b);
                yield da.isEmpty() || db.isEmpty() || da.get().year() == db.get().year()
                        && (da.get().month() == null || db.get().month() == null || da.get().month().equals(db.get().month()));
            }
            case CHOICE -> Objects.equals(Values.choice(a, def.choices()), Values.choice(b, def.choices()));
            case PHONE -> Values.phone(a).isEmpty() || Values.phone(b).isEmpty()
                    || Values.phone(a).equals(Values.phone(b)) || sameName(a, b);
            case COUNT -> Values.counts(a).isEmpty() || Values.counts(b).isEmpty()
                    || Values.counts(a).stream().anyMatch(x -> Values.counts(b).stream().anyMatch(y -> y.value() == x.value()));
            default -> sameName(a, b);
        };
    }

    /** The category folder's list form names every submission of the folder, and nobody else. */
    private static void categoryList(Validation v, CategoryFolder c, FindingSink sink) {
        Optional<String> role = v.registrationRole(c.category());
        if (role.isEmpty()) {
            return;
        }
        List<ProbedFile> lists = v.files(c).stream()
                .filter(f -> role.get().equals(f.role()) && f.form() != null && !f.form().records().isEmpty()).toList();
        if (lists.size() != 1) {
            return;
        }
        ProbedFile list = lists.get(0);
        Rules.FormDef form = v.rules().form(v.rules().category(c.category()).registrationForm());
        List<Submission> submissions = v.scan().submissions().stream()
                .filter(s -> Validation.parentPath(s.path()).equals(c.path())).toList();
        Set<Integer> matched = new HashSet<>();
        List<Map<String, String>> records = list.form().records();
        for (Submission s : submissions) {
            String title = title(v, s);
            int index = -1;
            for (int i = 0; i < records.size(); i++) {
                if (sameName(records.get(i).getOrDefault(form.keyField(), ""), title)) {
                    index = i;
                    break;
                }
            }
            if (index < 0) {
                sink.add(Rule.CONSISTENCY_REGISTRATION_LIST, s.path(), list.file().relPath(),
                        Msg.key("consistency.list-lacks.message", title, Texts.category(v.rules(), c.category()),
                                list.file().name(), Texts.role(v.rules(), role.get())),
                        Msg.key("consistency.list-lacks.expected", title), Msg.key("consistency.none"),
                        Msg.key("consistency.list-lacks.fix", list.file().name(), title));
            } else {
                matched.add(index);
                compareWithNomination(v, s, records.get(index), list, sink);
            }
        }
        if (v.scan().level() == zjlearn.scan.ScanResult.Level.SUBMISSION) {
            return; // the list names the category's other submissions too, which were not given
        }
        for (int i = 0; i < records.size(); i++) {
            String name = records.get(i).getOrDefault(form.keyField(), "");
            if (matched.contains(i) || name.isBlank()) {
                continue;
            }
            Msg listForm = Texts.role(v.rules(), role.get());
            sink.add(Rule.CONSISTENCY_REGISTRATION_LIST, null, list.file().relPath(),
                    Msg.key("consistency.no-folder.message", listForm, name),
                    Msg.key("consistency.no-folder.expected", name), Msg.key("consistency.none"),
                    Msg.key("consistency.no-folder.fix", listForm, name));
        }
    }

    /** A form's unit fields (推荐单位) should not name a unit other than the one whose folder it is in. */
    private static void unitNamed(Validation v, Submission s, FindingSink sink) {
        if (s.unit() == null) {
            return;
        }
        Rules.CategoryDef category = v.rules().category(s.category());
        for (String formId : new String[] {category.nominationForm(), category.registrationForm()}) {
            if (formId == null) {
                continue;
            }
            Rules.FormDef form = v.rules().form(formId);
            Optional<ProbedFile> file = v.form(s, form.role());
            if (file.isEmpty()) {
                continue;
            }
            List<Map.Entry<String, String>> values = new ArrayList<>();
            for (String field : form.unitFields()) {
                Optional.ofNullable(file.get().form().allFields().get(field)).ifPresent(x -> values.add(Map.entry(field, x)));
                if (form.kind() == Rules.FormKind.LIST) {
                    String title = title(v, s);
                    file.get().form().records().stream()
                            .filter(r -> sameName(r.getOrDefault(form.keyField(), ""), title))
                            .map(r -> r.get(field)).filter(Objects::nonNull).forEach(x -> values.add(Map.entry(field, x)));
                }
            }
            for (Map.Entry<String, String> e : values) {
                Optional<String> named = v.vocabulary().unit(e.getValue());
                if (named.isPresent() && !named.get().equals(s.unit())) {
                    sink.add(Rule.CONSISTENCY_UNIT_MISMATCH, s.path(), file.get().file().relPath(),
                            Msg.key("consistency.unit.message", form.title(), e.getKey(), e.getValue(), named.get(), s.unit()),
                            Msg.literal(s.unit()), Msg.literal(e.getValue()), Msg.key("consistency.unit.fix", e.getKey()));
                }
            }
        }
    }

    /**
     * The same nominee or project sent twice, by one unit or by two. Certain — the same ID number, or
     * for a project the same name and the same 申报单位 — is an error ({@code consistency.duplicate});
     * the same name alone, with different or missing ID numbers, is a warning ({@code consistency.duplicate-name}).
     */
    private static void duplicates(Validation v, FindingSink sink) {
        Map<String, List<Submission>> byName = new LinkedHashMap<>();
        Map<String, List<Submission>> byId = new LinkedHashMap<>();
        Map<Submission, Optional<String>> ids = new LinkedHashMap<>();
        for (Submission s : v.scan().submissions()) {
            byName.computeIfAbsent(s.category() + "\u0000" + Names.key(title(v, s)), k -> new ArrayList<>()).add(s);
            Optional<String> id = idNumber(v, s);
            ids.put(s, id);
            id.ifPresent(n -> byId.computeIfAbsent(n, k -> new ArrayList<>()).add(s));
        }
        for (List<Submission> group : byId.values()) {
            if (group.size() < 2) {
                continue;
            }
            for (Submission s : group) {
                sink.add(Rule.CONSISTENCY_DUPLICATE, s.path(), null,
                        Msg.key("consistency.same-id.message", title(v, s), others(group, s)),
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
                            Msg.key("consistency.same-applicant.message", title(v, s),
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
                                ? Msg.key("consistency.namesake-other-id.message", title(v, s), others(uncertain, s))
                                : Msg.key("consistency.namesake.message", title(v, s), others(uncertain, s),
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

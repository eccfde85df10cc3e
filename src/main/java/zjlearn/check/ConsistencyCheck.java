package zjlearn.check;

import zjlearn.i18n.Msg;
import zjlearn.rules.Rule;
import zjlearn.probe.ProbedFile;
import zjlearn.rules.Names;
import zjlearn.rules.Rules;
import zjlearn.scan.CategoryFolder;
import zjlearn.scan.Submission;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code consistency.*}: the forms agree with the folder and with each other; the category's list
 * form lists exactly the submissions sent; no form names another unit. Nobody sent twice: {@link DuplicateCheck}.
 */
public final class ConsistencyCheck implements Check {
    @Override
    public Set<Rule> emits() {
        return Set.of(Rule.CONSISTENCY_NAME_MISMATCH, Rule.CONSISTENCY_REGISTRATION_LIST, Rule.CONSISTENCY_UNIT_MISMATCH);
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
        Optional<ProbedFile.FormFile> form = v.form(s, v.nominationRole(s.category()));
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
        Optional<ProbedFile.FormFile> list = v.form(s, role.get());
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
                                              ProbedFile.FormFile listFile, FindingSink sink) {
        Optional<ProbedFile.FormFile> nomination = v.form(s, v.nominationRole(s.category()));
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
        List<ProbedFile.FormFile> lists = v.files(c).stream().flatMap(f -> f.formFile().stream())
                .filter(f -> role.get().equals(f.role()) && !f.form().records().isEmpty()).toList();
        if (lists.size() != 1) {
            return;
        }
        ProbedFile.FormFile list = lists.get(0);
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
                        Msg.key("consistency.list-lacks.expected", title, Texts.role(v.rules(), role.get())), Msg.key("consistency.none"),
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
            Optional<ProbedFile.FormFile> file = v.form(s, form.role());
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
}

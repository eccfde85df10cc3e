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
                Msg.of("推荐表的“{0}”是“{1}”，与文件夹名“{2}”不一致", "the {0} in the nomination form is \"{1}\" but the folder is \"{2}\"",
                        category.titleField(), value, s.title()),
                Msg.literal(s.title()), Msg.literal(value),
                Msg.of("确认是否放错了文件；若文件无误，把文件夹改名为“{0}”", "check whether the file belongs to another folder; if not, rename the folder to \"{0}\"", value));
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
            sink.add(Rule.CONSISTENCY_NAME_MISMATCH, s.path(), list.get().file().relPath(),
                    Msg.of("推荐登记表中没有“{0}”（登记表列出的是：{1}）", "the registration form does not list \"{0}\" (it lists: {1})",
                            title, listed.isEmpty() ? "无" : listed),
                    Msg.literal(title), Msg.literal(listed),
                    Msg.of("在推荐登记表中填写“{0}”的信息，或换成该推荐对象的登记表", "add \"{0}\" to the registration form, or use this submission's own form", title));
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
                        Msg.of("推荐登记表与推荐表的“{0}”不一致：登记表写“{1}”，推荐表写“{2}”",
                                "the registration form and the nomination form disagree on \"{0}\": \"{1}\" versus \"{2}\"",
                                field, listed, nominated),
                        Msg.literal(nominated), Msg.literal(listed),
                        Msg.of("核对后把两张表的“{0}”改为一致", "check and make \"{0}\" the same in both forms", field));
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
                        Msg.of("{1}的推荐登记表（{2}）中没有“{0}”", "the {1} registration list ({2}) does not list \"{0}\"", title,
                                Texts.category(v.rules(), c.category()), list.file().name()),
                        Msg.of("登记表中有“{0}”一行", "a row for \"{0}\"", title), Msg.of("没有", "none"),
                        Msg.of("在“{0}”中为“{1}”补填一行", "add a row for \"{1}\" to \"{0}\"", list.file().name(), title));
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
            sink.add(Rule.CONSISTENCY_REGISTRATION_LIST, null, list.file().relPath(),
                    Msg.of("推荐登记表列出了“{0}”，但没有该推荐对象的文件夹", "the registration list names \"{0}\" but there is no folder for it", name),
                    Msg.of("“{0}”的文件夹", "a folder for \"{0}\"", name), Msg.of("没有", "none"),
                    Msg.of("补交“{0}”的材料文件夹，或从登记表中删去这一行", "add the folder for \"{0}\", or remove the row from the list", name));
        }
    }

    /** A form's 推荐单位 should not name a unit other than the one whose folder it is in. */
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
            List<String> values = new ArrayList<>();
            for (String field : form.unitFields()) {
                Optional.ofNullable(file.get().form().allFields().get(field)).ifPresent(values::add);
                if (form.kind() == Rules.FormKind.LIST) {
                    String title = title(v, s);
                    file.get().form().records().stream()
                            .filter(r -> sameName(r.getOrDefault(form.keyField(), ""), title))
                            .map(r -> r.get(field)).filter(Objects::nonNull).forEach(values::add);
                }
            }
            for (String value : values) {
                Optional<String> named = v.vocabulary().unit(value);
                if (named.isPresent() && !named.get().equals(s.unit())) {
                    sink.add(Rule.CONSISTENCY_UNIT_MISMATCH, s.path(), file.get().file().relPath(),
                            Msg.of("{0}的推荐单位是“{1}”，属于{2}，但材料放在{3}的文件夹中",
                                    "the {0} names \"{1}\" ({2}) as recommending unit, but it lies in the folder of {3}",
                                    form.title(), value, named.get(), s.unit()),
                            Msg.literal(s.unit()), Msg.literal(value),
                            Msg.of("确认材料是否放错了单位；若推荐单位填错，请改正后重新盖章",
                                    "check whether the material belongs to another unit; if the form is wrong, correct it and have it stamped again"));
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
                        Msg.of("“{0}”的身份证号码与 {1} 的相同，可能是同一人重复报送", "\"{0}\" has the same ID number as {1}: probably the same person sent twice",
                                title(v, s), others(group, s)),
                        Msg.of("每个推荐对象只报送一次", "each nominee or project sent once"),
                        Msg.of("{0} 次", "{0} times", String.valueOf(group.size())),
                        Msg.of("核对身份证号码是否填错；若确是同一人，与相关单位核实后只保留一份", "check the ID numbers; if it is the same person, agree with the other unit and keep one"));
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
                            Msg.of("“{0}”重复报送：同名同申报单位的{1}也出现在 {2}", "\"{0}\" is sent more than once: the same {1} of the same applicant is also in {2}",
                                    title(v, s), Texts.category(v.rules(), s.category()), others(sameApplicant, s)),
                            Msg.of("每个推荐对象只报送一次", "each nominee or project sent once"),
                            Msg.of("{0} 次", "{0} times", String.valueOf(sameApplicant.size() + 1)),
                            Msg.of("与相关单位核实，只保留一份材料", "agree with the other unit(s) and keep only one"));
                }
                if (uncertain.isEmpty()) {
                    continue;
                }
                boolean differentIds = id.isPresent() && uncertain.stream().allMatch(o -> ids.get(o).isPresent());
                sink.add(Rule.CONSISTENCY_DUPLICATE_NAME, s.path(), null,
                        differentIds
                                ? Msg.of("“{0}”与 {1} 同名，但身份证号码不同，应是同名的两个人", "\"{0}\" has the same name as {1} but a different ID number: probably two people",
                                title(v, s), others(uncertain, s))
                                : Msg.of("“{0}”与 {1} 同名，请核实是否为同一{2}", "\"{0}\" has the same name as {1}; please check whether it is the same {2}",
                                title(v, s), others(uncertain, s), Texts.category(v.rules(), s.category())),
                        Msg.of("每个推荐对象只报送一次", "each nominee or project sent once"),
                        Msg.of("同名 {0} 处", "{0} of that name", String.valueOf(uncertain.size() + 1)),
                        differentIds
                                ? Msg.of("核对两份推荐表中的身份证号码无误即可，本提示不影响通过；若确是同一人，与相关单位核实后只保留一份",
                                "check that both ID numbers are right (this hint does not fail the submission); if it is the same person, agree with the other unit and keep one")
                                : Msg.of("与相关单位核实：若是同一{0}，只保留一份；若不是，{1}", "agree with the other unit(s): if it is the same, keep only one; otherwise {2}",
                                Texts.category(v.rules(), s.category()), differentHint(v, s, false), differentHint(v, s, true)));
            }
        }
    }

    private static String differentHint(Validation v, Submission s, boolean en) {
        Rules.FormDef form = v.rules().form(v.rules().category(s.category()).nominationForm());
        boolean hasId = form.fields().stream().anyMatch(d -> d.type() == Rules.ValueType.ID_NUMBER);
        if (hasId) {
            return en ? "fill in the ID number in both nomination forms (different numbers show they are two people)"
                    : "在两份推荐表中填写身份证号码（号码不同即可确认是两个人）";
        }
        return en ? "make the names distinct, e.g. add the place to the project name" : "在项目名称中加上地名等以示区别";
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

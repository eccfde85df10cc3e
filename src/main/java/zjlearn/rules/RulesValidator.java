package zjlearn.rules;


import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Checks that a bound rules file makes sense: references resolve, ranges are ordered, names are unique. */
final class RulesValidator {
    record Issue(String pointer, String message) {
    }

    private final Rules rules;
    private final List<Issue> issues = new ArrayList<>();

    private RulesValidator(Rules rules) {
        this.rules = rules;
    }

    static List<Issue> validate(Rules rules) {
        RulesValidator v = new RulesValidator(rules);
        v.units();
        v.roles();
        v.layout();
        v.forms();
        v.categories();
        v.severities();
        v.eligibility();
        v.limits();
        v.images();
        return v.issues;
    }

    private void add(String pointer, String message) {
        issues.add(new Issue(pointer, message));
    }

    private void units() {
        if (rules.units().isEmpty()) {
            add("/units", "至少需要一个推荐单位");
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < rules.units().size(); i++) {
            Rules.UnitDef unit = rules.units().get(i);
            String at = "/units/" + i;
            boolean perCategory = unit.quotaPerCategory() != null;
            boolean total = unit.quotaTotal() != null;
            if (perCategory == total) {
                add(at, "推荐单位“" + unit.name() + "”须且只能设置 quotaPerCategory 或 quotaTotal 之一");
            }
            if (perCategory && unit.quotaPerCategory() < 0 || total && unit.quotaTotal() < 0) {
                add(at, "推荐单位“" + unit.name() + "”的名额不能为负数");
            }
            for (String name : concat(unit.name(), unit.aliases())) {
                if (!names.add(Names.key(name))) {
                    add(at, "单位名称或别名“" + name + "”重复出现");
                }
            }
        }
    }

    private void layout() {
        List<String> documents = rules.layout().unitDocuments();
        for (int i = 0; i < documents.size(); i++) {
            if (!rules.roles().containsKey(documents.get(i))) {
                add("/layout/unitDocuments/" + i, "layout.unitDocuments 中的“" + documents.get(i) + "”不是 roles 中定义的角色");
            }
        }
    }

    private void roles() {
        for (Map.Entry<String, Rules.RoleDef> e : rules.roles().entrySet()) {
            String at = "/roles/" + e.getKey();
            Rules.RoleDef role = e.getValue();
            if (role.patterns().isEmpty() && role.detectTypes().isEmpty()) {
                add(at, "文件角色“" + e.getKey() + "”须有 patterns 或 detectTypes，否则无法识别");
            }
            fileTypes(at + "/types", role.types());
            fileTypes(at + "/detectTypes", role.detectTypes());
        }
    }

    private void fileTypes(String at, List<String> ids) {
        for (int i = 0; i < ids.size(); i++) {
            try {
                FileType.fromId(ids.get(i));
            } catch (IllegalArgumentException ex) {
                add(at + "/" + i, "未知的文件类型“" + ids.get(i) + "”；可用：" + knownTypes());
            }
        }
    }

    private static String knownTypes() {
        List<String> ids = new ArrayList<>();
        for (FileType t : FileType.values()) {
            if (t != FileType.EMPTY && t != FileType.UNKNOWN) {
                ids.add(t.id());
            }
        }
        return String.join("、", ids);
    }

    private void forms() {
        for (Map.Entry<String, Rules.FormDef> e : rules.forms().entrySet()) {
            String at = "/forms/" + e.getKey();
            Rules.FormDef form = e.getValue();
            if (!rules.roles().containsKey(form.role())) {
                add(at + "/role", "表格的 role“" + form.role() + "”不在 roles 中");
            }
            Map<String, String> labelOwner = new java.util.HashMap<>();
            for (int i = 0; i < form.fields().size(); i++) {
                Rules.FieldDef field = form.fields().get(i);
                String fat = at + "/fields/" + i;
                for (String label : concat(field.name(), field.aliases())) {
                    String owner = labelOwner.putIfAbsent(Names.label(label), field.name());
                    if (owner != null && !owner.equals(field.name())) {
                        add(fat, "表格“" + form.title() + "”中栏目名或别名“" + label + "”与栏目“" + owner + "”重复");
                    }
                }
                if (field.type() == Rules.ValueType.CHOICE && field.choices().isEmpty()) {
                    add(fat, "栏目“" + field.name() + "”的类型为 choice，但没有列出 choices");
                }
                if (field.pattern() != null) {
                    try {
                        Pattern.compile(field.pattern());
                    } catch (PatternSyntaxException ex) {
                        add(fat + "/pattern", "栏目“" + field.name() + "”的 pattern 不是有效的正则表达式：" + ex.getDescription());
                    }
                }
                if (field.minLength() != null && field.maxLength() != null && field.minLength() > field.maxLength()) {
                    add(fat, "栏目“" + field.name() + "”的 minLength 大于 maxLength");
                }
            }
            if (form.kind() == Rules.FormKind.LIST && (form.keyField() == null || form.field(form.keyField()).isEmpty())) {
                add(at, "名单表“" + form.title() + "”须用 keyField 指明以哪一栏识别每条记录（须是其中一个栏目）");
            }
            for (int u = 0; u < form.unitFields().size(); u++) {
                if (form.field(form.unitFields().get(u)).isEmpty()) {
                    add(at + "/unitFields/" + u, "unitFields 中的“" + form.unitFields().get(u) + "”不是该表格的栏目");
                }
            }
            for (int g = 0; g < form.requireOneOf().size(); g++) {
                for (String name : form.requireOneOf().get(g)) {
                    if (form.field(name).isEmpty()) {
                        add(at + "/requireOneOf/" + g, "requireOneOf 中的“" + name + "”不是该表格的栏目");
                    }
                }
            }
        }
    }

    private void categories() {
        if (rules.categories().isEmpty()) {
            add("/categories", "至少需要一个类别");
        }
        for (Map.Entry<String, Rules.CategoryDef> e : rules.categories().entrySet()) {
            String at = "/categories/" + e.getKey();
            Rules.CategoryDef cat = e.getValue();
            Rules.FormDef nomination = rules.forms().get(cat.nominationForm());
            if (nomination == null) {
                add(at + "/nominationForm", "nominationForm“" + cat.nominationForm() + "”不在 forms 中");
            } else {
                if (nomination.field(cat.titleField()).isEmpty()) {
                    add(at + "/titleField", "titleField“" + cat.titleField() + "”不是推荐表“" + nomination.title() + "”的栏目");
                }
                List<String> columns = cat.summaryColumns() == null ? List.of() : cat.summaryColumns();
                for (int i = 0; i < columns.size(); i++) {
                    if (nomination.field(columns.get(i)).isEmpty()) {
                        add(at + "/summaryColumns/" + i, "summaryColumns 中的“" + columns.get(i) + "”不是推荐表“"
                                + nomination.title() + "”的栏目");
                    }
                }
            }
            if (cat.registrationForm() != null && !rules.forms().containsKey(cat.registrationForm())) {
                add(at + "/registrationForm", "registrationForm“" + cat.registrationForm() + "”不在 forms 中");
            }
            fileCounts(at + "/files", cat.files());
            if (cat.national() != null) {
                fileCounts(at + "/national/files", cat.national().files());
            }
            if (cat.summary() != null) {
                Rules.SummaryRule s = cat.summary();
                if (!rules.roles().containsKey(s.role())) {
                    add(at + "/summary/role", "summary.role“" + s.role() + "”不在 roles 中");
                }
                range(at + "/summary/warning", s.warning());
                range(at + "/summary/error", s.error());
                if (s.error().min() > s.warning().min() || s.error().max() < s.warning().max()) {
                    add(at + "/summary", "字数的 error 区间应包含 warning 区间");
                }
            }
        }
    }

    private void fileCounts(String at, List<Rules.FileCount> counts) {
        for (int i = 0; i < counts.size(); i++) {
            Rules.FileCount count = counts.get(i);
            for (String role : count.roles()) {
                if (!rules.roles().containsKey(role)) {
                    add(at + "/" + i + "/roles", "文件角色“" + role + "”不在 roles 中");
                }
            }
            if (count.min() != null && count.min() < 0 || count.max() != null && count.max() < 0) {
                add(at + "/" + i, "份数不能为负数");
            }
            if (count.min() != null && count.max() != null && count.min() > count.max()) {
                add(at + "/" + i, "min 大于 max");
            }
        }
    }

    private void range(String at, Rules.Range range) {
        if (range.min() > range.max()) {
            add(at, "min 大于 max");
        }
    }

    private void images() {
        Rules.Images images = rules.images();
        if (images == null) {
            return;
        }
        if (images.idPhoto() != null && images.idPhoto().clearlyNot() != null) {
            Rules.ClearlyNot c = images.idPhoto().clearlyNot();
            if (c.maxAspect() <= 0 || c.minShortSide() < 0) {
                add("/images/idPhoto/clearlyNot", "maxAspect 应为正数，minShortSide 不能为负数");
            }
        }
        if (images.screenshot() != null) {
            Rules.Screenshot sc = images.screenshot();
            for (String role : sc.roles()) {
                if (!rules.roles().containsKey(role)) {
                    add("/images/screenshot/roles", "文件角色“" + role + "”不在 roles 中");
                }
            }
            for (String size : sc.screenSizes()) {
                if (!size.strip().matches("\\d+\\s*[×xX*]\\s*\\d+")) {
                    add("/images/screenshot/screenSizes", "“" + size + "”不是“宽×高”形式的像素尺寸，如 1080×2340");
                }
            }
        }
    }

    private void severities() {
        for (String id : rules.severity().keySet()) {
            if (!Rule.byId(id).isPresent()) {
                add("/severity/" + id, "未知的规则“" + id + "”；zjlearn rules list 列出所有规则");
            }
        }
    }

    private void eligibility() {
        Rules.Eligibility el = rules.eligibility();
        if (el == null) {
            return;
        }
        String at = "/eligibility";
        if (el.participants() != null) {
            Rules.Participants p = el.participants();
            nominationFields(at + "/participants", p.category(), p.peopleField(), p.participationsField());
        }
        if (el.projectAge() != null) {
            nominationFields(at + "/projectAge", el.projectAge().category(), el.projectAge().field());
            if (el.projectAge().minYears() < 0) {
                add(at + "/projectAge/minYears", "minYears 不能为负数");
            }
        }
        if (el.projectName() != null) {
            Rules.ProjectName pn = el.projectName();
            if (pn.unitField() != null) {
                nominationFields(at + "/projectName", pn.category(), pn.unitField());
            } else {
                nominationFields(at + "/projectName", pn.category());
            }
        }
        if (el.cadre() != null) {
            nominationFields(at + "/cadre", el.cadre().category(), el.cadre().field());
            if (el.cadre().explainField() != null) {
                nominationFields(at + "/cadre", el.cadre().category(), el.cadre().explainField());
            }
        }
        if (el.previousWinners() != null) {
            for (String category : el.previousWinners().differentPhrases().keySet()) {
                if (!rules.categories().containsKey(category)) {
                    add(at + "/previousWinners/differentPhrases/" + category, "类别“" + category + "”不在 categories 中");
                } else if (el.previousWinners().verifiedField() != null) {
                    nominationFields(at + "/previousWinners", category, el.previousWinners().verifiedField());
                }
            }
        }
        if (el.idBirthDate() != null) {
            nominationFields(at + "/idBirthDate", el.idBirthDate().category(), el.idBirthDate().idField(),
                    el.idBirthDate().dateField());
        }
    }

    private void limits() {
        Rules.Limits limits = rules.limits();
        for (Map.Entry<String, Integer> e : limits.maxFileSizeMB().entrySet()) {
            if (!rules.roles().containsKey(e.getKey())) {
                add("/limits/maxFileSizeMB/" + e.getKey(), "文件角色“" + e.getKey() + "”不在 roles 中");
            }
            if (e.getValue() == null || e.getValue() <= 0) {
                add("/limits/maxFileSizeMB/" + e.getKey(), "上限应为正整数（MB）");
            }
        }
        Rules.ArchiveLimits a = limits.archives();
        for (Object[] e : new Object[][] {{"maxEntries", a.maxEntries()}, {"maxTotalMB", a.maxTotalMB()},
                {"maxRatio", a.maxRatio()}}) {
            if (e[1] != null && (Integer) e[1] <= 0) {
                add("/limits/archives/" + e[0], e[0] + " 应为正整数");
            }
        }
        if (a.maxNesting() != null && a.maxNesting() < 0) {
            add("/limits/archives/maxNesting", "maxNesting 应为 0 或正整数");
        }
        if (limits.maxFilesPerSubmission() != null && limits.maxFilesPerSubmission() <= 0) {
            add("/limits/maxFilesPerSubmission", "maxFilesPerSubmission 应为正整数");
        }
        positive("/limits/maxCellChars", limits.maxCellChars());
        positive("/limits/maxTableCells", limits.maxTableCells());
        positive("/limits/maxFormChars", limits.maxFormChars());
        positive("/limits/maxPdfPages", limits.maxPdfPages());
    }

    private void positive(String at, Integer value) {
        if (value != null && value <= 0) {
            add(at, at.substring(at.lastIndexOf('/') + 1) + " 应为正整数");
        }
    }

    /** The category exists and each field is a field of its nomination form. */
    private void nominationFields(String at, String category, String... fields) {
        Rules.CategoryDef cat = rules.categories().get(category);
        if (cat == null) {
            add(at + "/category", "类别“" + category + "”不在 categories 中");
            return;
        }
        Rules.FormDef form = rules.forms().get(cat.nominationForm());
        if (form == null) {
            return;
        }
        for (String field : fields) {
            if (form.field(field).isEmpty()) {
                add(at, "“" + field + "”不是推荐表“" + form.title() + "”的栏目");
            }
        }
    }

    private static List<String> concat(String first, List<String> rest) {
        List<String> all = new ArrayList<>();
        all.add(first);
        all.addAll(rest);
        return all;
    }
}

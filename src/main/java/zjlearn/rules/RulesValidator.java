package zjlearn.rules;


import zjlearn.i18n.Msg;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Checks that a bound rules file makes sense: references resolve, ranges are ordered, names are unique. */
final class RulesValidator {
    /** A problem at a JSON pointer into the rules file, its text by key (area {@code rulesfile}). */
    record Issue(String pointer, Msg text) {
        /** A problem whose text is the same in every language. */
        Issue(String pointer, String message) {
            this(pointer, Msg.literal(message));
        }
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

    private void add(String pointer, String key, Object... args) {
        issues.add(new Issue(pointer, Msg.key(key, args)));
    }

    private void units() {
        if (rules.units().isEmpty()) {
            add("/units", "rulesfile.units.none");
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < rules.units().size(); i++) {
            Rules.UnitDef unit = rules.units().get(i);
            String at = "/units/" + i;
            boolean perCategory = unit.quotaPerCategory() != null;
            boolean total = unit.quotaTotal() != null;
            if (perCategory == total) {
                add(at, "rulesfile.unit.quota-one-of", unit.name());
            }
            if (perCategory && unit.quotaPerCategory() < 0 || total && unit.quotaTotal() < 0) {
                add(at, "rulesfile.unit.quota-negative", unit.name());
            }
            for (String name : concat(unit.name(), unit.aliases())) {
                if (!names.add(Names.key(name))) {
                    add(at, "rulesfile.unit.duplicate", name);
                }
            }
        }
    }

    private void layout() {
        List<String> documents = rules.layout().unitDocuments();
        for (int i = 0; i < documents.size(); i++) {
            if (!rules.roles().containsKey(documents.get(i))) {
                add("/layout/unitDocuments/" + i, "rulesfile.layout.unit-document", documents.get(i));
            }
        }
    }

    private void roles() {
        for (Map.Entry<String, Rules.RoleDef> e : rules.roles().entrySet()) {
            String at = "/roles/" + e.getKey();
            Rules.RoleDef role = e.getValue();
            if (role.patterns().isEmpty() && role.detectTypes().isEmpty()) {
                add(at, "rulesfile.role.unrecognisable", e.getKey());
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
                add(at + "/" + i, "rulesfile.file-type.unknown", ids.get(i), knownTypes());
            }
        }
    }

    private static List<String> knownTypes() {
        List<String> ids = new ArrayList<>();
        for (FileType t : FileType.values()) {
            if (t != FileType.EMPTY && t != FileType.UNKNOWN) {
                ids.add(t.id());
            }
        }
        return ids;
    }

    private void forms() {
        for (Map.Entry<String, Rules.FormDef> e : rules.forms().entrySet()) {
            String at = "/forms/" + e.getKey();
            Rules.FormDef form = e.getValue();
            if (!rules.roles().containsKey(form.role())) {
                add(at + "/role", "rulesfile.form.role", form.role());
            }
            Map<String, String> labelOwner = new java.util.HashMap<>();
            for (int i = 0; i < form.fields().size(); i++) {
                Rules.FieldDef field = form.fields().get(i);
                String fat = at + "/fields/" + i;
                for (String label : concat(field.name(), field.aliases())) {
                    String owner = labelOwner.putIfAbsent(Names.label(label), field.name());
                    if (owner != null && !owner.equals(field.name())) {
                        add(fat, "rulesfile.form.label-twice", form.title(), label, owner);
                    }
                }
                if (field.type() == Rules.ValueType.CHOICE && field.choices().isEmpty()) {
                    add(fat, "rulesfile.field.no-choices", field.name());
                }
                if (field.pattern() != null) {
                    try {
                        Pattern.compile(field.pattern());
                    } catch (PatternSyntaxException ex) {
                        add(fat + "/pattern", "rulesfile.field.bad-pattern", field.name(), ex.getDescription());
                    }
                }
                if (field.minLength() != null && field.maxLength() != null && field.minLength() > field.maxLength()) {
                    add(fat, "rulesfile.field.length-range", field.name());
                }
            }
            if (form.kind() == Rules.FormKind.LIST && (form.keyField() == null || form.field(form.keyField()).isEmpty())) {
                add(at, "rulesfile.form.key-field", form.title());
            }
            for (int u = 0; u < form.unitFields().size(); u++) {
                if (form.field(form.unitFields().get(u)).isEmpty()) {
                    add(at + "/unitFields/" + u, "rulesfile.form.unit-field", form.unitFields().get(u));
                }
            }
            for (int g = 0; g < form.requireOneOf().size(); g++) {
                for (String name : form.requireOneOf().get(g)) {
                    if (form.field(name).isEmpty()) {
                        add(at + "/requireOneOf/" + g, "rulesfile.form.require-one-of", name);
                    }
                }
            }
        }
    }

    private void categories() {
        if (rules.categories().isEmpty()) {
            add("/categories", "rulesfile.categories.none");
        }
        for (Map.Entry<String, Rules.CategoryDef> e : rules.categories().entrySet()) {
            String at = "/categories/" + e.getKey();
            Rules.CategoryDef cat = e.getValue();
            Rules.FormDef nomination = rules.forms().get(cat.nominationForm());
            if (nomination == null) {
                add(at + "/nominationForm", "rulesfile.category.nomination-form", cat.nominationForm());
            } else {
                if (nomination.field(cat.titleField()).isEmpty()) {
                    add(at + "/titleField", "rulesfile.category.title-field", cat.titleField(), nomination.title());
                }
                List<String> columns = cat.summaryColumns() == null ? List.of() : cat.summaryColumns();
                for (int i = 0; i < columns.size(); i++) {
                    if (nomination.field(columns.get(i)).isEmpty()) {
                        add(at + "/summaryColumns/" + i, "rulesfile.category.summary-column", columns.get(i),
                                nomination.title());
                    }
                }
            }
            if (cat.registrationForm() != null && !rules.forms().containsKey(cat.registrationForm())) {
                add(at + "/registrationForm", "rulesfile.category.registration-form", cat.registrationForm());
            }
            fileCounts(at + "/files", cat.files());
            if (cat.national() != null) {
                fileCounts(at + "/national/files", cat.national().files());
            }
            if (cat.summary() != null) {
                Rules.SummaryRule s = cat.summary();
                if (!rules.roles().containsKey(s.role())) {
                    add(at + "/summary/role", "rulesfile.summary.role", s.role());
                }
                range(at + "/summary/warning", s.warning());
                range(at + "/summary/error", s.error());
                if (s.error().min() > s.warning().min() || s.error().max() < s.warning().max()) {
                    add(at + "/summary", "rulesfile.summary.ranges");
                }
            }
        }
    }

    private void fileCounts(String at, List<Rules.FileCount> counts) {
        for (int i = 0; i < counts.size(); i++) {
            Rules.FileCount count = counts.get(i);
            for (String role : count.roles()) {
                if (!rules.roles().containsKey(role)) {
                    add(at + "/" + i + "/roles", "rulesfile.role.unknown", role);
                }
            }
            if (count.min() != null && count.min() < 0 || count.max() != null && count.max() < 0) {
                add(at + "/" + i, "rulesfile.count.negative");
            }
            if (count.min() != null && count.max() != null && count.min() > count.max()) {
                add(at + "/" + i, "rulesfile.range.min-above-max");
            }
        }
    }

    private void range(String at, Rules.Range range) {
        if (range.min() > range.max()) {
            add(at, "rulesfile.range.min-above-max");
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
                add("/images/idPhoto/clearlyNot", "rulesfile.id-photo.clearly-not");
            }
        }
        if (images.screenshot() != null) {
            Rules.Screenshot sc = images.screenshot();
            for (String role : sc.roles()) {
                if (!rules.roles().containsKey(role)) {
                    add("/images/screenshot/roles", "rulesfile.role.unknown", role);
                }
            }
            for (String size : sc.screenSizes()) {
                if (!size.strip().matches("\\d+\\s*[×xX*]\\s*\\d+")) {
                    add("/images/screenshot/screenSizes", "rulesfile.screenshot.size", size);
                }
            }
        }
    }

    private void severities() {
        for (String id : rules.severity().keySet()) {
            if (!Rule.byId(id).isPresent()) {
                add("/severity/" + id, "rulesfile.severity.unknown-rule", id);
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
                add(at + "/projectAge/minYears", "rulesfile.not-negative", "minYears");
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
                    add(at + "/previousWinners/differentPhrases/" + category, "rulesfile.category.unknown", category);
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
                add("/limits/maxFileSizeMB/" + e.getKey(), "rulesfile.role.unknown", e.getKey());
            }
            if (e.getValue() == null || e.getValue() <= 0) {
                add("/limits/maxFileSizeMB/" + e.getKey(), "rulesfile.limits.size");
            }
        }
        Rules.ArchiveLimits a = limits.archives();
        for (Object[] e : new Object[][] {{"maxEntries", a.maxEntries()}, {"maxTotalMB", a.maxTotalMB()},
                {"maxRatio", a.maxRatio()}}) {
            if (e[1] != null && (Integer) e[1] <= 0) {
                add("/limits/archives/" + e[0], "rulesfile.positive", e[0]);
            }
        }
        if (a.maxNesting() != null && a.maxNesting() < 0) {
            add("/limits/archives/maxNesting", "rulesfile.zero-or-positive", "maxNesting");
        }
        if (limits.maxFilesPerSubmission() != null && limits.maxFilesPerSubmission() <= 0) {
            add("/limits/maxFilesPerSubmission", "rulesfile.positive", "maxFilesPerSubmission");
        }
        positive("/limits/maxCellChars", limits.maxCellChars());
        positive("/limits/maxTableCells", limits.maxTableCells());
        positive("/limits/maxFormChars", limits.maxFormChars());
        positive("/limits/maxPdfPages", limits.maxPdfPages());
    }

    private void positive(String at, Integer value) {
        if (value != null && value <= 0) {
            add(at, "rulesfile.positive", at.substring(at.lastIndexOf('/') + 1));
        }
    }

    /** The category exists and each field is a field of its nomination form. */
    private void nominationFields(String at, String category, String... fields) {
        Rules.CategoryDef cat = rules.categories().get(category);
        if (cat == null) {
            add(at + "/category", "rulesfile.category.unknown", category);
            return;
        }
        Rules.FormDef form = rules.forms().get(cat.nominationForm());
        if (form == null) {
            return;
        }
        for (String field : fields) {
            if (form.field(field).isEmpty()) {
                add(at, "rulesfile.nomination-field", field, form.title());
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

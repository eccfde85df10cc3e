package zjlearn.check;

import zjlearn.i18n.Msg;
import zjlearn.rules.Rule;
import zjlearn.probe.ProbedFile;
import zjlearn.probe.form.FormContent;
import zjlearn.rules.Rules;
import zjlearn.scan.CategoryFolder;
import zjlearn.scan.Submission;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code form.field-missing} and {@code form.field-invalid}: every required field of a form is filled
 * in, and every value fits its type (month, phone, ID number, choice …) as rules.yaml declares.
 */
public final class FormCheck implements Check {
    @Override
    public Set<Rule> emits() {
        return Set.of(Rule.FORM_FIELD_MISSING, Rule.FORM_FIELD_INVALID);
    }

    @Override
    public void run(Validation v, FindingSink sink) {
        for (Submission s : v.scan().submissions()) {
            for (ProbedFile f : v.files(s)) {
                if (!(f.facts() instanceof ProbedFile.Form read) || f.file().national()) {
                    continue;
                }
                v.rules().formFor(s.category(), f.role()).ifPresent(form -> checkForm(form, f, read.content(), s.path(), sink));
            }
        }
        for (CategoryFolder c : v.scan().categoryFolders()) {
            for (ProbedFile f : v.files(c)) {
                if (f.facts() instanceof ProbedFile.Form read) {
                    v.rules().formFor(c.category(), f.role()).ifPresent(form -> checkForm(form, f, read.content(), null, sink));
                }
            }
        }
    }

    private static void checkForm(Rules.FormDef form, ProbedFile f, FormContent content, String submission, FindingSink sink) {
        if (form.kind() == Rules.FormKind.FIELDS) {
            checkFields(form, f, content, submission, sink);
        } else {
            checkList(form, f, content, submission, sink);
        }
    }

    private static void checkFields(Rules.FormDef form, ProbedFile f, FormContent content, String submission, FindingSink sink) {
        Map<String, String> fields = content.allFields();
        String path = f.file().relPath();
        if (fields.isEmpty()) {
            String required = form.fields().stream().filter(Rules.FieldDef::required).map(Rules.FieldDef::name)
                    .collect(Collectors.joining("、"));
            sink.add(Rule.FORM_FIELD_MISSING, submission, path,
                    Msg.key("form.no-field.message", form.title()),
                    Msg.literal(required), Msg.key("form.no-field.actual"), Msg.key("form.no-field.fix", form.title()));
            return;
        }
        for (Rules.FieldDef field : form.fields()) {
            String value = fields.get(field.name());
            boolean empty = value == null || value.isBlank();
            if (empty && field.required()) {
                sink.add(Rule.FORM_FIELD_MISSING, submission, path,
                        value == null
                                ? Msg.key("form.field.absent.message", form.title(), field.name())
                                : Msg.key("form.field.empty.message", form.title(), field.name()),
                        Msg.key("form.field.expected", field.name()),
                        value == null ? Msg.key("form.field.absent.actual") : Msg.key("form.field.empty.actual"),
                        value == null
                                ? Msg.key("form.field.absent.fix", field.name())
                                : Msg.key("form.field.empty.fix", field.name()));
            } else if (!empty) {
                invalid(form, field, value, submission, path, null, sink);
            }
        }
        for (List<String> group : form.requireOneOf()) {
            boolean any = group.stream().map(fields::get).anyMatch(val -> val != null && !val.isBlank());
            if (!any) {
                Msg names = Texts.named(String.join("”或“", group), String.join("\" or \"", group));
                sink.add(Rule.FORM_FIELD_MISSING, submission, path,
                        Msg.key("form.one-of.message", form.title(), names),
                        Msg.key("form.one-of.expected", names), Msg.key("form.one-of.actual"),
                        Msg.key("form.one-of.fix", names));
            }
        }
    }

    private static void checkList(Rules.FormDef form, ProbedFile f, FormContent content, String submission, FindingSink sink) {
        List<Map<String, String>> records = content.records();
        String path = f.file().relPath();
        if (records.isEmpty()) {
            sink.add(Rule.FORM_FIELD_MISSING, submission, path,
                    Msg.key("form.no-list.message", form.title(),
                            form.fields().stream().map(Rules.FieldDef::name).collect(Collectors.joining("、"))),
                    Msg.key("form.no-list.expected"), Msg.key("form.no-list.actual"),
                    Msg.key("form.no-list.fix", form.title()));
            return;
        }
        for (int i = 0; i < records.size(); i++) {
            Map<String, String> record = records.get(i);
            String label = recordLabel(form, record, i);
            for (Rules.FieldDef field : form.fields()) {
                String value = record.get(field.name());
                if ((value == null || value.isBlank()) && field.required()) {
                    sink.add(Rule.FORM_FIELD_MISSING, submission, path,
                            Msg.key("form.record.empty.message", form.title(), String.valueOf(i + 1), label, field.name()),
                            Msg.key("form.field.expected", field.name()), Msg.key("form.field.empty.actual"),
                            Msg.key("form.record.empty.fix", field.name()));
                } else if (value != null && !value.isBlank()) {
                    invalid(form, field, value, submission, path,
                            Msg.key("form.record", String.valueOf(i + 1), label), sink);
                }
            }
        }
    }

    private static String recordLabel(Rules.FormDef form, Map<String, String> record, int index) {
        String key = form.keyField() == null ? null : record.get(form.keyField());
        return key == null || key.isBlank() ? "#" + (index + 1) : key;
    }

    private static void invalid(Rules.FormDef form, Rules.FieldDef field, String value, String submission,
                                String path, Msg record, FindingSink sink) {
        Optional<Msg> problem = Values.problem(field, value);
        if (problem.isEmpty()) {
            return;
        }
        String shown = value.length() > 60 ? value.substring(0, 60) + "…" : value;
        sink.add(Rule.FORM_FIELD_INVALID, submission, path,
                record == null
                        ? Msg.key("form.invalid.message", form.title(), field.name(), shown)
                        : Msg.key("form.invalid.record.message", form.title(), record, field.name(), shown),
                problem.get(), Msg.literal(shown),
                Msg.key("form.invalid.fix", field.name(), problem.get()));
    }
}

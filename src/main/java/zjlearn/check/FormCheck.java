package zjlearn.check;

import zjlearn.rules.Rule;
import zjlearn.probe.ProbedFile;
import zjlearn.rules.Rules;
import zjlearn.scan.CategoryFolder;
import zjlearn.scan.Submission;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code form.field-missing} and {@code form.field-invalid}: every required field of a form is filled
 * in, and every value fits its type (month, phone, ID number, choice …) as rules.yaml declares.
 */
public final class FormCheck implements Check {
    @Override
    public void run(Validation v, FindingSink sink) {
        for (Submission s : v.scan().submissions()) {
            for (ProbedFile f : v.files(s)) {
                if (f.form() == null || f.file().national()) {
                    continue;
                }
                v.rules().formFor(s.category(), f.role()).ifPresent(form -> checkForm(form, f, s.path(), sink));
            }
        }
        for (CategoryFolder c : v.scan().categoryFolders()) {
            for (ProbedFile f : v.files(c)) {
                if (f.form() != null) {
                    v.rules().formFor(c.category(), f.role()).ifPresent(form -> checkForm(form, f, null, sink));
                }
            }
        }
    }


    private static void checkForm(Rules.FormDef form, ProbedFile f, String submission, FindingSink sink) {
        if (form.kind() == Rules.FormKind.FIELDS) {
            checkFields(form, f, submission, sink);
        } else {
            checkList(form, f, submission, sink);
        }
    }

    private static void checkFields(Rules.FormDef form, ProbedFile f, String submission, FindingSink sink) {
        Map<String, String> fields = f.form().allFields();
        String path = f.file().relPath();
        if (fields.isEmpty()) {
            String required = form.fields().stream().filter(Rules.FieldDef::required).map(Rules.FieldDef::name)
                    .collect(Collectors.joining("、"));
            sink.add(Rule.FORM_FIELD_MISSING, submission, path,
                    Msg.of("在文件中没有找到“{0}”的任何栏目，可能不是这张表，或表格不是用表格（而是用空格、文本框）排版的",
                            "no field of \"{0}\" was found: it may be another form, or laid out with spaces or text boxes instead of a table",
                            form.title()),
                    Msg.literal(required), Msg.of("没有可识别的栏目", "no recognisable field"),
                    Msg.of("使用通知所附的“{0}”模板填写，栏目名称保持不变", "fill in the \"{0}\" template from the notice, keeping its labels",
                            form.title()));
            return;
        }
        for (Rules.FieldDef field : form.fields()) {
            String value = fields.get(field.name());
            boolean empty = value == null || value.isBlank();
            if (empty && field.required()) {
                sink.add(Rule.FORM_FIELD_MISSING, submission, path,
                        value == null
                                ? Msg.of("{0}中没有“{1}”一栏", "the {0} has no \"{1}\" field", form.title(), field.name())
                                : Msg.of("{0}的“{1}”一栏没有填写", "the \"{1}\" field of the {0} is empty", form.title(), field.name()),
                        Msg.of("填写“{0}”", "\"{0}\" filled in", field.name()),
                        value == null ? Msg.of("没有该栏目", "no such field") : Msg.of("空白", "empty"),
                        value == null
                                ? Msg.of("使用规定模板，保留“{0}”栏并填写", "use the official template, keep the \"{0}\" field and fill it in", field.name())
                                : Msg.of("在“{0}”右侧的格子里填写内容", "fill in the cell to the right of \"{0}\"", field.name()));
            } else if (!empty) {
                invalid(form, field, value, submission, path, null, sink);
            }
        }
        for (List<String> group : form.requireOneOf()) {
            boolean any = group.stream().map(fields::get).anyMatch(val -> val != null && !val.isBlank());
            if (!any) {
                String names = String.join("”或“", group);
                sink.add(Rule.FORM_FIELD_MISSING, submission, path,
                        Msg.of("{0}中“{1}”至少要填写一项", "the {0} needs at least one of \"{1}\"", form.title(), names),
                        Msg.of("“{0}”至少一项", "at least one of \"{0}\"", names), Msg.of("都没有填写", "none filled in"),
                        Msg.of("填写“{0}”", "fill in \"{0}\"", names));
            }
        }
    }

    private static void checkList(Rules.FormDef form, ProbedFile f, String submission, FindingSink sink) {
        List<Map<String, String>> records = f.form().records();
        String path = f.file().relPath();
        if (records.isEmpty()) {
            sink.add(Rule.FORM_FIELD_MISSING, submission, path,
                    Msg.of("{0}中没有找到名单：需要一行表头（{1}）和其下每行一条记录",
                            "no list found in the {0}: a header row ({1}) with one record per row below is needed",
                            form.title(), form.fields().stream().map(Rules.FieldDef::name).collect(Collectors.joining("、"))),
                    Msg.of("至少 1 条记录", "at least 1 record"), Msg.of("0 条", "0"),
                    Msg.of("使用通知所附的“{0}”模板，在表头下逐行填写", "fill in the \"{0}\" template row by row", form.title()));
            return;
        }
        for (int i = 0; i < records.size(); i++) {
            Map<String, String> record = records.get(i);
            String label = recordLabel(form, record, i);
            for (Rules.FieldDef field : form.fields()) {
                String value = record.get(field.name());
                if ((value == null || value.isBlank()) && field.required()) {
                    sink.add(Rule.FORM_FIELD_MISSING, submission, path,
                            Msg.of("{0}第 {1} 条记录（{2}）的“{3}”没有填写", "record {1} ({2}) of the {0} has no \"{3}\"",
                                    form.title(), String.valueOf(i + 1), label, field.name()),
                            Msg.of("填写“{0}”", "\"{0}\" filled in", field.name()), Msg.of("空白", "empty"),
                            Msg.of("在该行“{0}”一列填写", "fill in the \"{0}\" column of that row", field.name()));
                } else if (value != null && !value.isBlank()) {
                    invalid(form, field, value, submission, path,
                            Msg.of("第 {0} 条记录（{1}）", "record {0} ({1})", String.valueOf(i + 1), label), sink);
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
                        ? Msg.of("{0}的“{1}”填写不规范：{2}", "the \"{1}\" field of the {0} is not valid: {2}", form.title(), field.name(), shown)
                        : Msg.of("{0}{1}的“{2}”填写不规范：{3}", "{1} of the {0}: \"{2}\" is not valid: {3}", form.title(), record, field.name(), shown),
                problem.get(), Msg.literal(shown),
                Msg.of("把“{0}”改为：{1}", "write \"{0}\" as {1}", field.name(), problem.get()));
    }
}

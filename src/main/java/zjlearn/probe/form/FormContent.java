package zjlearn.probe.form;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a form file says, keyed by canonical field names.
 *
 * @param fields  label→value pairs (value = cell to the right, or below when there is none); first
 *                occurrence of a label wins; a label present with an empty value maps to "".
 * @param records list-form rows: for each header row found (≥ 3 label cells), one map per record
 *                row below it, canonical column name → cell text. Empty rows are skipped.
 * @param inlineFields "标签：值" pairs found in paragraphs outside tables or in cells that no label
 *                claimed (e.g. 推荐单位：XX above a list table); kept apart from {@code fields}.
 */
public record FormContent(Map<String, String> fields,
                          List<Map<String, String>> records,
                          Map<String, String> inlineFields) {
    public FormContent {
        fields = ordered(fields);
        records = records.stream().map(FormContent::ordered).toList();
        inlineFields = ordered(inlineFields);
    }

    private static Map<String, String> ordered(Map<String, String> map) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }

    /**
     * Table fields, completed by inline "标签：值" fields for labels the tables lack — forms often
     * carry 推荐单位（盖章）：… on a line above the table.
     */
    public Map<String, String> allFields() {
        Map<String, String> all = new LinkedHashMap<>(fields);
        inlineFields.forEach(all::putIfAbsent);
        return Collections.unmodifiableMap(all);
    }
}

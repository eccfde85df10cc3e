package zjlearn.rules;

import com.fasterxml.jackson.annotation.JsonCreator;

import java.util.Locale;

public enum Severity {
    ERROR, WARNING, OFF;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** YAML 1.1 reads a bare {@code off} as the boolean false; accept it as "off". */
    @JsonCreator
    public static Severity fromYaml(Object value) {
        if (Boolean.FALSE.equals(value)) {
            return OFF;
        }
        if (value instanceof String s) {
            for (Severity severity : values()) {
                if (severity.id().equalsIgnoreCase(s.strip())) {
                    return severity;
                }
            }
        }
        throw new IllegalArgumentException("“" + value + "”不是有效的严重程度，可用：error、warning、off");
    }
}

package zjlearn.rules;

import zjlearn.i18n.Msg;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.Locale;
import java.util.Optional;

/**
 * A rules-file value that belongs to one rule alone (such as {@code video.minKbps} for {@code video.bitrate}),
 * declared with that rule in {@link Rule} instead of as a field of a {@link Rules} record: the loader accepts the
 * key because a rule declares it, checks its kind and lower bound, and keeps its value for the check to read by
 * its path ({@link Rules#param}). So a new rule with a new setting needs no change to the records, the loader or
 * the validator. Values the whole program shares (units, categories, forms, roles, the video's size) stay typed
 * fields of {@link Rules}.
 *
 * <p>Every such value is optional: left out, the rule it belongs to is not checked.
 *
 * @param path  the dotted rules-file path, e.g. {@code video.minKbps}
 * @param kind  what the value must be
 * @param min   the smallest allowed value of a number, or null
 */
public record Param(String path, Kind kind, Double min) {
    public enum Kind {
        INTEGER, NUMBER, TEXT, FLAG
    }

    /** A whole number of at least {@code min}. */
    public static Param integer(String path, int min) {
        return new Param(path, Kind.INTEGER, (double) min);
    }

    public static Param number(String path, double min) {
        return new Param(path, Kind.NUMBER, min);
    }

    public static Param text(String path) {
        return new Param(path, Kind.TEXT, null);
    }

    public static Param flag(String path) {
        return new Param(path, Kind.FLAG, null);
    }

    /** The JSON pointer of the path ({@code /video/minKbps}), as the loader and the rules-file locations use it. */
    public String pointer() {
        return "/" + path.replace('.', '/');
    }

    /** Why {@code value} is not acceptable, or empty when it is. */
    Optional<Msg> problem(JsonNode value) {
        boolean fits = switch (kind) {
            case INTEGER -> value.isIntegralNumber() && value.canConvertToInt();
            case NUMBER -> value.isNumber();
            case TEXT -> value.isTextual() && !value.asText().isBlank();
            case FLAG -> value.isBoolean();
        };
        if (!fits) {
            return Optional.of(Msg.key("rulesfile.param.kind", path,
                    Msg.key("rulesfile.type." + kind.name().toLowerCase(Locale.ROOT)), value.isValueNode() ? value.asText() : value.toString()));
        }
        if (min != null && value.asDouble() < min) {
            return Optional.of(Msg.key("rulesfile.param.min", path, Words.number(min), value.asText()));
        }
        return Optional.empty();
    }
}

package zjlearn.rules;

import zjlearn.i18n.Bundles;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The rules file is wrong; each problem carries the file, line and column where it is, and its text by key
 * (area {@code rulesfile}), rendered in the run's language.
 */
public class RulesException extends Exception {
    /**
     * A problem's text: a key in {@code rulesfile_zh|en.properties} with its arguments. An argument may itself be a
     * Text (rendered in the same language) or a list (joined with the language's separator, “、” or “, ”).
     * A text with no key is literal, the same in both languages.
     */
    public record Text(String key, List<Object> args) {
        public Text {
            args = List.copyOf(args);
        }

        public static Text of(String key, Object... args) {
            return new Text(key, Arrays.asList(args));
        }

        public static Text literal(String text) {
            return new Text(null, List.of(text == null ? "" : text));
        }

        public String render(Locale locale) {
            if (key == null) {
                return String.valueOf(args.get(0));
            }
            Object[] rendered = args.stream().map(a -> a instanceof Text t ? t.render(locale)
                    : a instanceof List<?> list ? list.stream().map(String::valueOf)
                            .collect(Collectors.joining(Bundles.format("rulesfile.separator", locale)))
                    : a instanceof Number n ? n.toString() : a).toArray();
            return Bundles.format(key, locale, rendered);
        }
    }

    public record Problem(String file, int line, int column, Text text) {
        /** A problem whose text is the same in every language (prefer a {@link Text} by key). */
        public Problem(String file, int line, int column, String message) {
            this(file, line, column, Text.literal(message));
        }

        /** The text in Chinese. */
        public String message() {
            return text.render(Locale.CHINESE);
        }

        /** "file:line:column: text" (or "file: text" without a line) in the locale's language. */
        public String render(Locale locale) {
            String message = text.render(locale);
            return line > 0 ? file + ":" + line + ":" + column + ": " + message : file + ": " + message;
        }

        @Override
        public String toString() {
            return render(Locale.CHINESE);
        }
    }

    private final List<Problem> problems;

    public RulesException(List<Problem> problems) {
        super(problems.stream().map(Problem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}

package zjlearn.rules;

import zjlearn.i18n.Msg;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The rules file is wrong; each problem carries the file, line and column where it is, and its text by key
 * (area {@code rulesfile}), rendered in the run's language.
 */
public class RulesException extends Exception {
    public record Problem(String file, int line, int column, Msg text) {
        /** A problem whose text is the same in every language (prefer a {@link Msg} by key, area {@code rulesfile}). */
        public Problem(String file, int line, int column, String message) {
            this(file, line, column, Msg.literal(message));
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

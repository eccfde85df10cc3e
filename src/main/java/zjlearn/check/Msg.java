package zjlearn.check;

import java.text.MessageFormat;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A user-facing text in Chinese and English, rendered late so that one run can print either.
 * Patterns use {@link MessageFormat} placeholders ({0}, {1}); arguments may themselves be Msgs.
 * Numbers are passed as strings by callers that want no digit grouping.
 */
public record Msg(String zh, String en, List<Object> args) {
    public Msg {
        args = List.copyOf(args);
    }

    public static Msg of(String zh, String en, Object... args) {
        return new Msg(zh, en, Arrays.asList(args));
    }

    /** Text that is the same in both languages (a file name, a value typed into a form). */
    public static Msg literal(String text) {
        return new Msg(null, null, List.of(text == null ? "" : text));
    }

    public boolean isLiteral() {
        return zh == null;
    }

    public String render(Locale locale) {
        if (isLiteral()) {
            return String.valueOf(args.get(0));
        }
        String pattern = "en".equals(locale.getLanguage()) ? en : zh;
        if (args.isEmpty()) {
            return pattern;
        }
        Object[] rendered = args.stream()
                .map(a -> a instanceof Msg m ? m.render(locale) : a instanceof Number n ? n.toString() : a)
                .toArray();
        return new MessageFormat(pattern.replace("'", "''"), locale).format(rendered);
    }
}

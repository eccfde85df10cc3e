package zjlearn.i18n;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A user-facing text, rendered late so that one run can print either language: a bundle key with its
 * arguments ({@link #key}, the form every message takes — see {@link Bundles}), or a literal text that is
 * the same in both languages (a file name, a value typed into a form; {@link #literal}, with no key).
 * Arguments may themselves be Msgs (rendered in the same language) or lists (joined with the language's
 * separator, “、” or “, ”). Numbers are passed as strings by callers that want no digit grouping.
 */
public record Msg(String key, List<Object> args) {
    public Msg {
        args = List.copyOf(args);
    }

    /** The text under {@code key} in {@code zjlearn/i18n/<first segment>_zh|en.properties}, with its arguments. */
    public static Msg key(String key, Object... args) {
        return new Msg(key, Arrays.asList(args));
    }

    /** Text that is the same in both languages (a file name, a value typed into a form). */
    public static Msg literal(String text) {
        return new Msg(null, List.of(text == null ? "" : text));
    }

    public boolean isLiteral() {
        return key == null;
    }

    public String render(Locale locale) {
        if (isLiteral()) {
            return String.valueOf(args.get(0));
        }
        Object[] rendered = args.stream().map(a -> a instanceof Msg m ? m.render(locale)
                : a instanceof List<?> list ? list.stream().map(i -> i instanceof Msg m ? m.render(locale) : String.valueOf(i))
                        .collect(Collectors.joining(Bundles.format("list.separator", locale)))
                : a instanceof Number n ? n.toString() : a).toArray();
        return Bundles.format(key, locale, rendered);
    }
}

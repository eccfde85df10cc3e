package zjlearn.check;

import zjlearn.i18n.Bundles;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A user-facing text, rendered late so that one run can print either language: a bundle key with its
 * arguments ({@link #key}, the form every message takes — see {@link Bundles}), or a literal text that is
 * the same in both languages (a file name, a value typed into a form). Arguments may themselves be Msgs.
 * Numbers are passed as strings by callers that want no digit grouping.
 *
 * <p>{@link #of} (a Chinese and an English pattern written inline) is the older form, being replaced by keys.
 */
public record Msg(String key, String zh, String en, List<Object> args) {
    public Msg {
        args = List.copyOf(args);
    }

    public Msg(String zh, String en, List<Object> args) {
        this(null, zh, en, args);
    }

    /** The text under {@code key} in {@code zjlearn/i18n/<first segment>_zh|en.properties}, with its arguments. */
    public static Msg key(String key, Object... args) {
        return new Msg(key, null, null, Arrays.asList(args));
    }

    public static Msg of(String zh, String en, Object... args) {
        return new Msg(null, zh, en, Arrays.asList(args));
    }

    /** Text that is the same in both languages (a file name, a value typed into a form). */
    public static Msg literal(String text) {
        return new Msg(null, null, null, List.of(text == null ? "" : text));
    }

    public boolean isLiteral() {
        return key == null && zh == null;
    }

    public String render(Locale locale) {
        if (isLiteral()) {
            return String.valueOf(args.get(0));
        }
        Object[] rendered = args.stream()
                .map(a -> a instanceof Msg m ? m.render(locale) : a instanceof Number n ? n.toString() : a)
                .toArray();
        if (key != null) {
            return Bundles.format(key, locale, rendered);
        }
        String pattern = "en".equals(locale.getLanguage()) ? en : zh;
        return Bundles.fill(pattern, locale, rendered);
    }
}

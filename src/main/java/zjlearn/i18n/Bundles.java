package zjlearn.i18n;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The user-facing texts, by key, in Chinese and English: {@code zjlearn/i18n/<area>_zh.properties} and
 * {@code <area>_en.properties}, where the area is the key's first segment ({@code video.fps.meaning}
 * is in {@code video_*.properties}). Patterns use {@link MessageFormat} placeholders; an apostrophe is an
 * apostrophe (no MessageFormat quoting). Texts are looked up only when output is rendered.
 */
public final class Bundles {
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private Bundles() {
    }

    /** English for an English locale, Chinese for every other. */
    public static Locale language(Locale locale) {
        return "en".equals(locale.getLanguage()) ? Locale.ENGLISH : Locale.CHINESE;
    }

    /** The pattern for a key, or null when the key is in no bundle. */
    public static String pattern(String key, Locale locale) {
        int dot = key.indexOf('.');
        if (dot <= 0) {
            return null;
        }
        try {
            return ResourceBundle.getBundle("zjlearn.i18n." + key.substring(0, dot), language(locale), NO_FALLBACK)
                    .getString(key);
        } catch (MissingResourceException e) {
            return null;
        }
    }

    public static boolean has(String key, Locale locale) {
        return pattern(key, locale) != null;
    }

    /**
     * The text for a key with its arguments filled in. A key missing from the bundles renders as the key
     * itself with its arguments (a test guards that none is missing; output never fails on it).
     */
    public static String format(String key, Locale locale, Object... args) {
        String pattern = pattern(key, locale);
        if (pattern == null) {
            StringBuilder b = new StringBuilder(key);
            for (Object a : args) {
                b.append(' ').append(a);
            }
            return b.toString();
        }
        return fill(pattern, locale, args);
    }

    /** Fills {0}, {1} … in a pattern; an apostrophe is literal. */
    private static String fill(String pattern, Locale locale, Object... args) {
        if (args.length == 0) {
            return pattern;
        }
        return new MessageFormat(pattern.replace("'", "''"), locale).format(args);
    }
}

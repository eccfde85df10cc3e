package zjlearn.rules;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** How names typed by people are compared: NFC, full-width folded, no whitespace, case-insensitive. */
public final class Names {
    private static final Pattern SPACE = Pattern.compile("[\\s\\p{Z}\\u200B\\uFEFF]+");
    private static final Pattern NUMBER_PREFIX = Pattern.compile("^(?:\\d{1,3}|[一二三四五六七八九十]{1,3})[-_.、．\\s]+");

    private Names() {
    }

    /** NFC plus folding of full-width ASCII letters and digits (Ａ→A, １→1). */
    public static String nfc(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFC);
    }

    /** A comparison key for names: NFKC (folds full-width forms), no whitespace, lower case. */
    public static String key(String s) {
        if (s == null) {
            return "";
        }
        String folded = Normalizer.normalize(s, Normalizer.Form.NFKC);
        return SPACE.matcher(folded).replaceAll("").toLowerCase(Locale.ROOT);
    }

    /** A form label's comparison key: {@link #key} after removing colons, stars and a trailing note. */
    public static String label(String s) {
        return key(LabelText.normalize(s));
    }

    /** A folder name without a number prefix such as {@code 01-}, {@code 2.} or {@code 一、}. */
    public static String stripNumberPrefix(String folderName) {
        String stripped = NUMBER_PREFIX.matcher(nfc(folderName).strip()).replaceFirst("");
        return stripped.isEmpty() ? folderName : stripped;
    }
}

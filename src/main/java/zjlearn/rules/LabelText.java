package zjlearn.rules;

import java.text.Normalizer;
import java.util.regex.Pattern;

/** Normalisation of label text, shared by form reading and by label resolvers. */
public final class LabelText {
    private static final Pattern SPACES = Pattern.compile("[\\s\\p{Z}\\u200B\\uFEFF]+");
    private static final Pattern LEADING_STARS = Pattern.compile("^[*＊]+");
    private static final Pattern TRAILING_COLONS = Pattern.compile("[:：]+$");
    private static final Pattern TRAILING_NOTE = Pattern.compile("[（(][^（）()]*[）)]$");

    private LabelText() {
    }

    /**
     * Returns the text as a label key: NFC, without any whitespace (incl. U+3000, NBSP, zero-width),
     * without leading asterisks, trailing colons, and a trailing parenthesised note such as
     * （盖章）/(限1500字) when something remains without it. {@code null} gives "".
     */
    public static String normalize(String text) {
        if (text == null) {
            return "";
        }
        String s = Normalizer.normalize(text, Normalizer.Form.NFC);
        s = SPACES.matcher(s).replaceAll("");
        s = LEADING_STARS.matcher(s).replaceFirst("");
        // "推荐单位（盖章）：" and "姓名：（必填）" both need colon and note removed, in either order
        String before;
        do {
            before = s;
            s = TRAILING_COLONS.matcher(s).replaceFirst("");
            String withoutNote = TRAILING_NOTE.matcher(s).replaceFirst("");
            if (!withoutNote.isEmpty()) {
                s = withoutNote;
            }
        } while (!s.equals(before));
        return s;
    }
}

package zjlearn.report;

/** How wide a character is on a terminal or in a spreadsheet column: 2 for CJK and full-width forms. */
public final class Widths {
    private Widths() {
    }

    public static int of(int cp) {
        if (cp < 0x1100) {
            return 1;
        }
        boolean wide = cp <= 0x115F                      // Hangul Jamo
                || cp >= 0x2E80 && cp <= 0xA4CF && cp != 0x303F  // CJK radicals … Yi
                || cp >= 0xAC00 && cp <= 0xD7A3           // Hangul syllables
                || cp >= 0xF900 && cp <= 0xFAFF           // CJK compatibility ideographs
                || cp >= 0xFE30 && cp <= 0xFE4F           // CJK compatibility forms
                || cp >= 0xFF00 && cp <= 0xFF60           // full-width forms
                || cp >= 0xFFE0 && cp <= 0xFFE6
                || cp >= 0x20000 && cp <= 0x3FFFD;        // CJK extensions
        return wide ? 2 : 1;
    }

    public static int of(String s) {
        int w = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            w += of(cp);
            i += Character.charCount(cp);
        }
        return w;
    }

    /** {@code s} padded with spaces to {@code width} columns (left-aligned), or right-aligned when {@code right}. */
    public static String pad(String s, int width, boolean right) {
        int fill = Math.max(0, width - of(s));
        return right ? " ".repeat(fill) + s : s + " ".repeat(fill);
    }
}

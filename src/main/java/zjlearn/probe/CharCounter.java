package zjlearn.probe;

/**
 * Character counts of extracted text.
 *
 * <p>{@link #wordCount(String)} is the Word-like 字数 the campaign's "约2000字" means (DESIGN.md,
 * "Character counts"). Text is walked by code point:
 * <ul>
 *   <li><b>whitespace</b> separates and is not counted: Java whitespace, every Unicode space separator
 *       (incl. U+3000 ideographic space, NBSP, U+202F), control characters, U+200B zero-width space,
 *       U+2060 word joiner, U+180E and U+FEFF (BOM);</li>
 *   <li><b>counted one each</b> ("East-Asian" characters):
 *       <ul>
 *         <li>Han ideographs (script HAN: all CJK unified blocks and extensions, compatibility ideographs,
 *             radicals, 々 〇);</li>
 *         <li>kana, hangul, bopomofo;</li>
 *         <li>CJK symbols and punctuation U+3001–U+303F, CJK strokes, enclosed CJK letters and CJK
 *             compatibility (U+3200–U+33FF, e.g. ㈠ ㎡), vertical / compatibility / small forms
 *             (U+FE10–U+FE1F, U+FE30–U+FE6F), full-width and half-width forms U+FF01–U+FFEF (so
 *             full-width digits and letters count one each, as in Word);</li>
 *         <li>the general punctuation and symbols Chinese text is typed with: · ‘ ’ “ ” — ― ‖ ‥ … ‰ ′ ″ ※
 *             ℃ №, Roman numerals, enclosed numbers (①⑴⒈), geometric shapes, stars and check boxes
 *             (U+25A0–U+27BF: □ ■ ○ ★ ☑ ✓);</li>
 *       </ul></li>
 *   <li><b>every maximal run of other non-whitespace characters counts one</b> ({@code 56.3%},
 *       {@code 1,200}, {@code APP}, {@code (1)}). A run ends at whitespace and at an East-Asian
 *       character, so {@code 2021年} counts 2 and {@code Excel数据} counts 3. One exception: a right
 *       single quote U+2019 between two letters/digits of a run is an apostrophe and stays in the run
 *       ({@code don’t} counts 1).</li>
 *   <li>Other invisible format characters (soft hyphen, ZWJ/ZWNJ, direction marks), combining marks and
 *       variation selectors are ignored: they neither count nor break a run.</li>
 * </ul>
 *
 * <p>{@link #nonWhitespaceCodePoints(String)} is the other usual figure (Word's 字符数(不计空格),
 * LibreOffice's "Characters"): code points that are neither whitespace nor ignorable format characters,
 * with a surrogate pair counting once.
 */
public final class CharCounter {
    private CharCounter() {
    }

    /** Word-like 字数; see the class comment. */
    public static int wordCount(String text) {
        if (text == null || text.isEmpty()) {
            return 0;
        }
        int count = 0;
        boolean inRun = false;
        int prev = -1; // previous non-ignorable code point, -1 at a boundary
        int len = text.length();
        for (int i = 0; i < len; ) {
            int cp = text.codePointAt(i);
            int next = i + Character.charCount(cp);
            if (isWhitespace(cp)) {
                inRun = false;
                prev = -1;
            } else if (isIgnorable(cp)) {
                // neither counted nor a boundary
            } else if (cp == 0x2019 && inRun && Character.isLetterOrDigit(prev)
                    && next < len && isRunLetterOrDigit(text.codePointAt(next))) {
                prev = cp; // apostrophe inside a Latin word: part of the run
            } else if (isEastAsian(cp)) {
                count++;
                inRun = false;
                prev = cp;
            } else {
                if (!inRun) {
                    count++;
                    inRun = true;
                }
                prev = cp;
            }
            i = next;
        }
        return count;
    }

    /** Code points that are not whitespace (as defined for {@link #wordCount}) nor ignorable format characters. */
    public static int nonWhitespaceCodePoints(String text) {
        if (text == null || text.isEmpty()) {
            return 0;
        }
        int count = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (!isWhitespace(cp) && Character.getType(cp) != Character.FORMAT) {
                count++;
            }
            i += Character.charCount(cp);
        }
        return count;
    }

    /** {@code text} without any whitespace or ignorable format characters (for comparing extractions). */
    public static String stripWhitespace(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        text.codePoints()
                .filter(cp -> !isWhitespace(cp) && Character.getType(cp) != Character.FORMAT)
                .forEach(sb::appendCodePoint);
        return sb.toString();
    }

    static boolean isWhitespace(int cp) {
        return Character.isWhitespace(cp)
                || Character.isSpaceChar(cp)
                || Character.getType(cp) == Character.CONTROL
                || cp == 0x200B || cp == 0x2060 || cp == 0x180E || cp == 0xFEFF;
    }

    private static boolean isIgnorable(int cp) {
        int type = Character.getType(cp);
        return type == Character.FORMAT
                || type == Character.NON_SPACING_MARK
                || type == Character.ENCLOSING_MARK
                || (cp >= 0xFE00 && cp <= 0xFE0F)
                || (cp >= 0xE0100 && cp <= 0xE01EF);
    }

    private static boolean isRunLetterOrDigit(int cp) {
        return Character.isLetterOrDigit(cp) && !isEastAsian(cp);
    }

    /** Characters counted one each. */
    static boolean isEastAsian(int cp) {
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        if (script == Character.UnicodeScript.HAN
                || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA
                || script == Character.UnicodeScript.HANGUL
                || script == Character.UnicodeScript.BOPOMOFO) {
            return true;
        }
        if (cp >= 0x3001 && cp <= 0x303F) { // CJK symbols and punctuation (U+3000 is whitespace)
            return true;
        }
        if ((cp >= 0x3190 && cp <= 0x31FF)   // kanbun, bopomofo ext., CJK strokes, katakana ext.
                || (cp >= 0x3200 && cp <= 0x33FF) // enclosed CJK letters, CJK compatibility (㎡)
                || (cp >= 0xFE10 && cp <= 0xFE1F) // vertical forms
                || (cp >= 0xFE30 && cp <= 0xFE6F) // CJK compatibility forms, small form variants
                || (cp >= 0xFF01 && cp <= 0xFFEF) // full-width and half-width forms
                || (cp >= 0x1F200 && cp <= 0x1F2FF)) { // enclosed ideographic supplement
            return true;
        }
        switch (cp) {
            case 0x00B7: // · middle dot (阿依古丽·买买提)
            case 0x2014: // — em dash (——)
            case 0x2015: // ― horizontal bar (GBK's dash in some mappings)
            case 0x2016: // ‖
            case 0x2018: case 0x2019: case 0x201C: case 0x201D: // ‘ ’ “ ”
            case 0x2025: // ‥
            case 0x2026: // …
            case 0x2030: // ‰
            case 0x2032: case 0x2033: // ′ ″
            case 0x203B: // ※
            case 0x2103: // ℃
            case 0x2116: // №
                return true;
            default:
                break;
        }
        return (cp >= 0x2160 && cp <= 0x217F)    // Ⅰ Ⅱ Roman numerals
                || (cp >= 0x2460 && cp <= 0x24FF) // ① ⑴ ⒈ enclosed alphanumerics
                || (cp >= 0x25A0 && cp <= 0x27BF); // □ ■ ○ ◎ ★ ☆ ☑ ✓ shapes, symbols, dingbats
    }
}

package zjlearn.probe.form;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Turns raw cell or paragraph text into a value: tidy whitespace, one "\n" between paragraphs. */
final class TextCleaner {
    static final String CHECKED = "☑";
    static final String UNCHECKED = "□";

    private static final Pattern LINE_BREAKS = Pattern.compile("\\r\\n|[\\r\\u000B\\u000C\\u2028\\u2029\\u0085]");
    private static final Pattern INVISIBLE = Pattern.compile("[\\u200B\\u200C\\u200D\\u2060\\uFEFF\\u00AD]");
    private static final Pattern CONTROLS = Pattern.compile("[\\u0000-\\u0008\\u000E-\\u001F\\u007F]");
    private static final Pattern HORIZONTAL_SPACE = Pattern.compile("[\\t\\p{Zs}]+");

    private TextCleaner() {
    }

    /** NFC, checkbox glyphs mapped, every kind of line break as "\n", controls removed; spacing kept. */
    static String light(String raw) {
        if (raw == null || raw.isEmpty()) {
            return "";
        }
        String s = Normalizer.normalize(raw, Normalizer.Form.NFC);
        s = mapPrivateUseGlyphs(s);
        s = LINE_BREAKS.matcher(s).replaceAll("\n");
        s = INVISIBLE.matcher(s).replaceAll("");
        return CONTROLS.matcher(s).replaceAll("");
    }

    /** {@link #light} plus: runs of spaces (incl. U+3000, NBSP, tabs) as one space, lines trimmed, blank lines dropped. */
    static String clean(String raw) {
        String s = light(raw);
        if (s.isEmpty()) {
            return s;
        }
        List<String> lines = new ArrayList<>();
        for (String line : s.split("\n")) {
            String tidy = HORIZONTAL_SPACE.matcher(line).replaceAll(" ").strip();
            if (!tidy.isEmpty()) {
                lines.add(tidy);
            }
        }
        return String.join("\n", lines);
    }

    /**
     * The checkbox a Wingdings / Wingdings 2 symbol stands for, or {@code null}. Word writes
     * these as {@code w:sym} (docx) or symbol runs (doc) with codes in the private use area;
     * a code below 0x100 is the same glyph addressed without the F000 offset.
     */
    static String checkboxGlyph(int code) {
        int c = code < 0x100 ? code | 0xF000 : code;
        return switch (c) {
            case 0xF052, 0xF0FE, 0xF053 -> CHECKED;
            case 0xF0A3, 0xF06F, 0xF0A8 -> UNCHECKED;
            default -> null;
        };
    }

    /** Private-use checkbox codes typed as text in a symbol font; they mean nothing else. */
    private static String mapPrivateUseGlyphs(String s) {
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            String glyph = ch >= 0xF000 && ch <= 0xF0FF ? checkboxGlyph(ch) : null;
            if (glyph != null && out == null) {
                out = new StringBuilder(s.length()).append(s, 0, i);
            }
            if (out != null) {
                out.append(glyph != null ? glyph : String.valueOf(ch));
            }
        }
        return out == null ? s : out.toString();
    }
}

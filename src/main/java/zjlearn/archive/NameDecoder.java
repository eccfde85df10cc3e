package zjlearn.archive;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Decides how the entry names of a zip that carry no UTF-8 flag were written. Zip tools write such names in
 * the code page of the computer that made the archive: GBK on a Chinese Windows (the usual case), UTF-8 on
 * Linux and macOS, CP437 (the original DOS code page) on old or Western tools. The names of one archive are
 * judged together:
 * <ol>
 *   <li>all plain ASCII, or all valid UTF-8 → UTF-8 (GBK text is almost never valid UTF-8: its lead bytes
 *       are followed by bytes UTF-8 does not allow there);</li>
 *   <li>else all valid GB18030 (which contains GBK and GB2312) with at least half of the non-ASCII characters
 *       Chinese characters or full-width punctuation → GB18030;</li>
 *   <li>else CP437, which decodes any byte.</li>
 * </ol>
 */
final class NameDecoder {
    static final Charset GB18030 = Charset.forName("GB18030");
    static final Charset CP437 = Charset.forName("IBM437");

    private NameDecoder() {
    }

    static Charset detect(List<byte[]> names) {
        boolean ascii = true;
        boolean utf8 = true;
        for (byte[] name : names) {
            for (byte b : name) {
                if (b < 0) {
                    ascii = false;
                    break;
                }
            }
            if (utf8 && decode(name, StandardCharsets.UTF_8) == null) {
                utf8 = false;
            }
        }
        if (ascii || utf8) {
            return StandardCharsets.UTF_8;
        }
        long nonAscii = 0;
        long chinese = 0;
        for (byte[] name : names) {
            String s = decode(name, GB18030);
            if (s == null) {
                return CP437;
            }
            for (int i = 0; i < s.length(); ) {
                int cp = s.codePointAt(i);
                i += Character.charCount(cp);
                if (cp >= 0x80) {
                    nonAscii++;
                    if (isChinese(cp)) {
                        chinese++;
                    }
                }
            }
        }
        return chinese * 2 >= nonAscii ? GB18030 : CP437;
    }

    private static boolean isChinese(int cp) {
        return Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN
                || cp >= 0x3000 && cp <= 0x303F       // CJK punctuation: 、。《》「」【】
                || cp >= 0xFF00 && cp <= 0xFFEF       // full-width forms: （），：
                || cp >= 0x2010 && cp <= 0x2027;      // dashes, quotes and the ellipsis GBK holds
    }

    /** The bytes decoded strictly, or null when they are not valid in that charset. */
    static String decode(byte[] bytes, Charset charset) {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            CharBuffer chars = decoder.decode(ByteBuffer.wrap(bytes));
            return chars.toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}

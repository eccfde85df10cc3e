package zjlearn.check;

import zjlearn.rules.Names;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Counts as people type them into Chinese forms: {@code 2000人}, {@code 6000余人次}, {@code 1.2万人次},
 * {@code 3千人}, {@code 两万五千人}, {@code 一万二}, {@code 约3000人}, {@code 超过1万人次}, full-width digits,
 * and a cell holding people and participations at once ({@code 3000人/1.2万人次}, {@code 3000余人（1万人次）}).
 */
final class Counts {
    /** Words before a number that only qualify it (about, nearly, over, in total, a year). */
    private static final String BEFORE = "(?:大约|约|将近|近|超过|逾|多达|达到|达|共计|共|累计|年均|每年|全年|年|均)*";
    /** Words after the number or its unit that only qualify it. */
    private static final String AFTER = "(?:余|多|以上|左右|上下|\\+)*";
    private static final Pattern COUNT = Pattern.compile(
            "^" + BEFORE + "([0-9零〇一二两三四五六七八九十百千万亿.,]+?)" + AFTER + "(人次|人|次|名)?" + AFTER + "$");
    /** Separators between the parts of a cell holding several counts; a comma between digit groups is not one. */
    private static final Pattern PARTS = Pattern.compile("[/;；、（）()]|或|和|及|(?<![0-9])[,，]|[,，](?![0-9]{3})");
    private static final Pattern ARABIC = Pattern.compile("[0-9]+(?:\\.[0-9]+)?");

    private Counts() {
    }

    /** One count, or empty when the text is not exactly one. */
    static Optional<Values.Count> count(String text) {
        Matcher m = COUNT.matcher(Names.key(text));
        if (!m.matches()) {
            return Optional.empty();
        }
        String number = m.group(1).replaceAll("(?<=[0-9]),(?=[0-9]{3})", "");
        if (number.contains(",")) {
            return Optional.empty();
        }
        OptionalDouble value = number(number);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        String unit = m.group(2);
        Values.CountUnit kind = unit == null ? Values.CountUnit.UNSPECIFIED
                : unit.equals("人") || unit.equals("名") ? Values.CountUnit.PEOPLE : Values.CountUnit.PARTICIPATIONS;
        return Optional.of(new Values.Count(Math.round(value.getAsDouble()), kind));
    }

    /**
     * Every count in a cell that may hold several ({@code 3000人/1.2万人次}); empty when any part is not a
     * count. A single count comes back as a list of one.
     */
    static List<Values.Count> counts(String text) {
        Optional<Values.Count> single = count(text);
        if (single.isPresent()) {
            return List.of(single.get());
        }
        List<Values.Count> found = new ArrayList<>();
        for (String part : PARTS.split(Names.key(text))) {
            if (part.isBlank()) {
                continue;
            }
            Optional<Values.Count> c = count(part);
            if (c.isEmpty()) {
                return List.of();
            }
            found.add(c.get());
        }
        return found.size() >= 2 ? List.copyOf(found) : List.of();
    }

    /**
     * A number in Arabic or Chinese digits with the multipliers 十百千万亿, mixed as people write them:
     * 1.2万, 3千, 2.5亿, 一万二 (=12000), 三千五 (=3500), 1万2千, 一千零五.
     */
    static OptionalDouble number(String s) {
        if (s.isEmpty() || s.chars().filter(c -> c == '.').count() > 1) {
            return OptionalDouble.empty();
        }
        int yi = s.indexOf('亿');
        if (yi >= 0) {
            OptionalDouble high = below(s.substring(0, yi), 100_000_000);
            OptionalDouble low = s.substring(yi + 1).isEmpty() ? OptionalDouble.of(0) : wan(s.substring(yi + 1), 10_000_000);
            return high.isEmpty() || low.isEmpty() ? OptionalDouble.empty() : OptionalDouble.of(high.getAsDouble() + low.getAsDouble());
        }
        return wan(s, 0);
    }

    /** Up to 9999万…: the part before 万 times 10000 plus the rest; a bare digit after 万 means thousands (一万二). */
    private static OptionalDouble wan(String s, long elided) {
        int w = s.indexOf('万');
        if (w < 0) {
            return qian(s, elided);
        }
        OptionalDouble high = below(s.substring(0, w), 10_000);
        OptionalDouble low = s.substring(w + 1).isEmpty() ? OptionalDouble.of(0) : qian(s.substring(w + 1), 1000);
        return high.isEmpty() || low.isEmpty() ? OptionalDouble.empty() : OptionalDouble.of(high.getAsDouble() + low.getAsDouble());
    }

    /** The number before a big unit, times that unit (一 is implied: 万人 is 10000). */
    private static OptionalDouble below(String s, long unit) {
        if (s.isEmpty()) {
            return OptionalDouble.of(unit);
        }
        OptionalDouble v = qian(s, 0);
        return v.isEmpty() ? v : OptionalDouble.of(v.getAsDouble() * unit);
    }

    /**
     * Below 10000: digits with 千百十, e.g. 3千5百, 三千五 (=3500), 2.5千, 一千零五, 十二, 1200. {@code elided}:
     * what a lone digit means when it stands for a dropped unit (一万二: the 二 is 2000).
     */
    private static OptionalDouble qian(String s, long elided) {
        if (ARABIC.matcher(s).matches()) {
            return OptionalDouble.of(Double.parseDouble(s) * (s.length() == 1 && elided > 0 ? elided : 1));
        }
        double total = 0;
        double digit = -1;
        long lastUnit = 0;
        boolean zero = false;
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            Matcher m = ARABIC.matcher(s).region(i, s.length());
            if (m.lookingAt()) {
                if (digit >= 0) {
                    return OptionalDouble.empty();
                }
                digit = Double.parseDouble(m.group());
                i = m.end();
                continue;
            }
            int value = switch (c) {
                case '零', '〇' -> 0;
                case '一' -> 1;
                case '二', '两' -> 2;
                case '三' -> 3;
                case '四' -> 4;
                case '五' -> 5;
                case '六' -> 6;
                case '七' -> 7;
                case '八' -> 8;
                case '九' -> 9;
                default -> -1;
            };
            if (value >= 0) {
                if (digit > 0) {
                    return OptionalDouble.empty();
                }
                zero |= value == 0;
                digit = value;
                i++;
                continue;
            }
            long unit = switch (c) {
                case '十' -> 10;
                case '百' -> 100;
                case '千' -> 1000;
                default -> -1;
            };
            if (unit < 0 || lastUnit != 0 && unit >= lastUnit || digit < 0 && lastUnit != 0) {
                return OptionalDouble.empty();   // 千百: a unit without its digit only opens a number (十二, 千人)
            }
            total += (digit < 0 ? 1 : digit) * unit;
            lastUnit = unit;
            digit = -1;
            zero = false;
            i++;
        }
        if (digit >= 0) {
            long scale;
            if (lastUnit >= 100 && !zero) {
                scale = lastUnit / 10;          // 三千五: the 五 is 500
            } else if (lastUnit == 0 && elided > 0 && !zero) {
                scale = elided;                 // 一万二: the 二 is 2000
            } else {
                scale = 1;
            }
            total += digit * scale;
        }
        return OptionalDouble.of(total);
    }
}

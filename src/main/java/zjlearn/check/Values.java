package zjlearn.check;

import zjlearn.i18n.Msg;
import zjlearn.rules.Names;
import zjlearn.rules.Rules;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads values the way people type them into Chinese forms: dates such as 2018年5月 or 2018.05,
 * counts such as 6000余人次 or 1.5万人, phone numbers, citizen ID numbers and ticked choices.
 */
public final class Values {
    /** A year, optionally with month and day. */
    public record PartialDate(int year, Integer month, Integer day) {
        public LocalDate earliest() {
            return LocalDate.of(year, month == null ? 1 : month, day == null ? 1 : day);
        }

        public LocalDate latest() {
            LocalDate start = LocalDate.of(year, month == null ? 12 : month, 1);
            return day != null ? start.withDayOfMonth(day) : start.withDayOfMonth(start.lengthOfMonth());
        }
    }

    /** A count and what it counts. */
    public enum CountUnit { PEOPLE, PARTICIPATIONS, UNSPECIFIED }

    public record Count(long value, CountUnit unit) {
    }

    private static final Pattern DATE = Pattern.compile(
            "^(\\d{4})\\s*(?:(?:年|[.\\-/．])\\s*(\\d{1,2})\\s*(?:(?:月|[.\\-/．])\\s*(\\d{1,2})\\s*日?|月)?)?\\s*(?:年)?(?:份)?$");
    /** Excel's day 0 for serials after 1900-02-28 (its 1900 leap-year bug included). */
    private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);
    private static final long FIRST_SERIAL = 10_000;
    private static final long LAST_SERIAL = 73_050;
    private static final Pattern EXCEL_SERIAL = Pattern.compile("^(\\d{5})(?:\\.0+)?$");
    private static final Pattern COMPACT_DATE = Pattern.compile("^(\\d{4})(\\d{2})(\\d{2})?$");
    private static final Pattern MOBILE = Pattern.compile("^(?:\\+?86)?1[3-9]\\d{9}$");
    private static final Pattern LANDLINE = Pattern.compile("^(?:\\+?86)?(?:0\\d{2,3})?[2-9]\\d{6,7}(?:(?:转|ext|#)\\d{1,6})?$");
    private static final Pattern PHONE_SPLIT = Pattern.compile("[，,、;；/]|\\s{2,}|或");
    private static final Pattern PHONE_NOISE = Pattern.compile("[\\s\\-—()（）]");
    private static final Pattern ID_NUMBER = Pattern.compile("^\\d{17}[\\dXx]$");
    private static final Pattern CHECKED = Pattern.compile("[☑☒■√✓✔▣◼●]\\s*([^\\s☑☒■√✓✔▣◼●□☐○◻]+)");
    private static final Pattern NAME = Pattern.compile("^[\\p{IsHan}·•．.A-Za-z]{2,30}$");
    private static final int[] ID_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] ID_CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};

    private Values() {
    }

    /**
     * Whether a non-empty value fits its field; empty when it does, else what was expected with
     * an example.
     */
    public static Optional<Msg> problem(Rules.FieldDef field, String raw) {
        String value = raw.strip();
        Optional<Msg> typeProblem = switch (field.type()) {
            case TEXT -> Optional.empty();
            case NAME -> name(value).isPresent() ? Optional.empty()
                    : Optional.of(Msg.key("value.name.expected"));
            case CHOICE -> choice(value, field.choices()).isPresent() ? Optional.empty()
                    : Optional.of(Msg.key("value.choice.expected", String.join("、", field.choices())));
            case MONTH -> date(value).isPresent() ? Optional.empty()
                    : Optional.of(Msg.key("value.month.expected"));
            case DATE -> date(value).filter(d -> d.day() != null).isPresent() ? Optional.empty()
                    : Optional.of(Msg.key("value.date.expected"));
            case PHONE -> phone(value).isPresent() ? Optional.empty()
                    : Optional.of(Msg.key("value.phone.expected"));
            case ID_NUMBER -> idNumberProblem(value);
            case COUNT -> !counts(value).isEmpty() ? Optional.empty()
                    : Optional.of(Msg.key("value.count.expected"));
        };
        if (typeProblem.isPresent()) {
            return typeProblem;
        }
        int length = value.codePointCount(0, value.length());
        if (field.minLength() != null && length < field.minLength()) {
            return Optional.of(Msg.key("value.length.min", String.valueOf(field.minLength())));
        }
        if (field.maxLength() != null && length > field.maxLength()) {
            return Optional.of(Msg.key("value.length.max", String.valueOf(field.maxLength())));
        }
        if (field.pattern() != null && !Pattern.compile(field.pattern()).matcher(value).matches()) {
            return Optional.of(Msg.key("value.pattern.expected", field.pattern()));
        }
        return Optional.empty();
    }

    public static Optional<String> name(String value) {
        String compact = value.replaceAll("[\\s\\p{Z}]+", "");
        return NAME.matcher(compact).matches() ? Optional.of(compact) : Optional.empty();
    }

    /**
     * The chosen option: the value itself (汉 stands for 汉族: an option's trailing 族 may be left out),
     * or the option ticked in a checkbox list (☑男 □女).
     */
    public static Optional<String> choice(String value, List<String> choices) {
        String key = Names.key(value);
        for (String c : choices) {
            String option = Names.key(c);
            if (option.equals(key) || option.endsWith("族") && option.equals(key + "族")) {
                return Optional.of(c);
            }
        }
        Matcher m = CHECKED.matcher(value);
        String chosen = null;
        while (m.find()) {
            String ticked = Names.key(m.group(1));
            for (String c : choices) {
                if (ticked.equals(Names.key(c)) || ticked.startsWith(Names.key(c))) {
                    if (chosen != null && !chosen.equals(c)) {
                        return Optional.empty();
                    }
                    chosen = c;
                }
            }
        }
        return Optional.ofNullable(chosen);
    }

    /**
     * A date as people write it (2019年9月, 2019.9, 2019-09-01, 201909, full-width digits), or the serial
     * number Excel shows for a date cell formatted as a plain number (43344 is 2018-09-01): five digits
     * between {@value #FIRST_SERIAL} (1927) and {@value #LAST_SERIAL} (2099), which no year or yyyymm can be.
     */
    public static Optional<PartialDate> date(String value) {
        String v = Names.key(value).replace('．', '.');
        Matcher serial = EXCEL_SERIAL.matcher(v);
        if (serial.matches()) {
            long days = Long.parseLong(serial.group(1));
            if (days < FIRST_SERIAL || days > LAST_SERIAL) {
                return Optional.empty();
            }
            LocalDate d = EXCEL_EPOCH.plusDays(days);
            return Optional.of(new PartialDate(d.getYear(), d.getMonthValue(), d.getDayOfMonth()));
        }
        Matcher m = DATE.matcher(v);
        if (!m.matches()) {
            m = COMPACT_DATE.matcher(v);
            if (!m.matches()) {
                return Optional.empty();
            }
        }
        int year = Integer.parseInt(m.group(1));
        Integer month = m.group(2) == null ? null : Integer.valueOf(m.group(2));
        Integer day = m.group(3) == null ? null : Integer.valueOf(m.group(3));
        if (year < 1900 || year > 2100 || month != null && (month < 1 || month > 12)) {
            return Optional.empty();
        }
        if (day != null) {
            try {
                LocalDate.of(year, month, day);
            } catch (DateTimeException e) {
                return Optional.empty();
            }
        }
        return Optional.of(new PartialDate(year, month, day));
    }

    /** The first well-formed phone number in the value (several may be listed). */
    public static Optional<String> phone(String value) {
        for (String part : PHONE_SPLIT.split(value)) {
            String digits = PHONE_NOISE.matcher(part).replaceAll("");
            if (MOBILE.matcher(digits).matches() || LANDLINE.matcher(digits).matches() && digits.startsWith("0")) {
                return Optional.of(digits);
            }
        }
        return Optional.empty();
    }

    private static Optional<Msg> idNumberProblem(String value) {
        String v = Names.key(value).toUpperCase(java.util.Locale.ROOT);
        if (!ID_NUMBER.matcher(v).matches()) {
            return Optional.of(Msg.key("value.id-number.format"));
        }
        if (checkDigit(v) != v.charAt(17)) {
            return Optional.of(Msg.key("value.id-number.check-digit", String.valueOf(checkDigit(v))));
        }
        if (birthDateOf(v).isEmpty()) {
            return Optional.of(Msg.key("value.id-number.birth-date"));
        }
        return Optional.empty();
    }

    static char checkDigit(String id) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (id.charAt(i) - '0') * ID_WEIGHTS[i];
        }
        return ID_CHECK[sum % 11];
    }

    /** The birth date inside a well-formed 18-character ID number. */
    public static Optional<LocalDate> birthDateOf(String id) {
        String v = Names.key(id);
        if (v.length() != 18) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.of(Integer.parseInt(v.substring(6, 10)),
                    Integer.parseInt(v.substring(10, 12)), Integer.parseInt(v.substring(12, 14))));
        } catch (DateTimeException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** A count such as 2000人, 6000余人次, 1.5万人次, 三千人, 超过1万人次 or 12,000. */
    public static Optional<Count> count(String value) {
        return Counts.count(value);
    }

    /** Every count in a cell that may hold people and participations at once (3000人/1.2万人次); empty if not counts. */
    public static List<Count> counts(String value) {
        return Counts.counts(value);
    }
}

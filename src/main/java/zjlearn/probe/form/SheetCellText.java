package zjlearn.probe.form;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;

/**
 * The text of a spreadsheet cell as the person filling it in saw it. Numbers go through
 * {@link DataFormatter} (a phone number stored as a number must not become 1.39E10), but dates are
 * formatted here: DataFormatter keeps the quotes/backslashes of Chinese date formats such as
 * {@code yyyy"年"m"月"} and throws on {@code [DBNum1]}.
 */
final class SheetCellText {
    /** East-Asian built-in formats that POI does not know as dates (zh-CN meaning). */
    private static final Set<Integer> BUILTIN_CJK_DATES = Set.of(27, 28, 29, 30, 31, 36, 50, 51, 52, 53, 54, 57, 58);
    private static final Set<Integer> BUILTIN_CJK_YEAR_MONTH = Set.of(27, 36, 50, 52, 57);
    private static final Set<Integer> BUILTIN_CJK_TIMES = Set.of(32, 33, 34, 35, 55, 56);
    private static final Pattern QUOTED = Pattern.compile("\"[^\"]*\"|\\\\.|\\[[^]]*]");

    private final DataFormatter formatter = new DataFormatter(Locale.CHINA);

    String text(Cell cell) {
        CellType type = cell.getCellType();
        if (type == CellType.FORMULA) {
            type = cell.getCachedFormulaResultType(); // never evaluate formulas from an untrusted file
        }
        return switch (type) {
            case STRING -> cell.getStringCellValue();
            case NUMERIC -> number(cell);
            case BOOLEAN -> cell.getBooleanCellValue() ? "TRUE" : "FALSE";
            default -> "";
        };
    }

    private String number(Cell cell) {
        double value = cell.getNumericCellValue();
        CellStyle style = cell.getCellStyle();
        int index = style == null ? 0 : style.getDataFormat() & 0xFFFF;
        String format = style == null ? null : style.getDataFormatString();
        if (format == null) {
            format = "General";
        }
        DateKind kind = dateKind(index, format);
        if (kind != DateKind.NONE && DateUtil.isValidExcelDate(value)) {
            try {
                return formatDate(cell.getLocalDateTimeCellValue(), kind);
            } catch (RuntimeException e) {
                // fall through to the number
            }
        }
        try {
            return formatter.formatRawCellContents(value, index, format);
        } catch (RuntimeException e) {
            return plain(value);
        }
    }

    private enum DateKind { NONE, YEAR_MONTH, DAY, TIME }

    private static DateKind dateKind(int index, String format) {
        if (BUILTIN_CJK_YEAR_MONTH.contains(index)) {
            return DateKind.YEAR_MONTH;
        }
        if (BUILTIN_CJK_TIMES.contains(index)) {
            return DateKind.TIME;
        }
        String bare = QUOTED.matcher(format).replaceAll("").toLowerCase(Locale.ROOT);
        boolean isDate = BUILTIN_CJK_DATES.contains(index) || looksLikeDate(format, bare);
        if (!isDate) {
            try {
                isDate = DateUtil.isADateFormat(index, format);
            } catch (RuntimeException e) {
                isDate = false;
            }
        }
        if (!isDate) {
            return DateKind.NONE;
        }
        boolean day = bare.contains("d") || format.contains("日") || index == 14 || index == 22;
        boolean year = bare.contains("y") || bare.contains("e") || format.contains("年");
        if (day) {
            return DateKind.DAY;
        }
        return year ? DateKind.YEAR_MONTH : (bare.contains("h") || bare.contains("s") ? DateKind.TIME : DateKind.DAY);
    }

    /** A format with year or day letters outside literals, and no digit placeholders, is a date. */
    private static boolean looksLikeDate(String format, String bare) {
        if (bare.contains("0") || bare.contains("#") || bare.contains("?")) {
            return false;
        }
        return bare.contains("y") || bare.contains("d") || (bare.contains("m") && (format.contains("年") || format.contains("月")));
    }

    private static String formatDate(LocalDateTime t, DateKind kind) {
        return switch (kind) {
            case YEAR_MONTH -> t.getYear() + "年" + t.getMonthValue() + "月";
            case TIME -> String.format(Locale.ROOT, "%d:%02d", t.getHour(), t.getMinute());
            default -> t.getYear() + "年" + t.getMonthValue() + "月" + t.getDayOfMonth() + "日";
        };
    }

    private static String plain(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return "";
        }
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}

package zjlearn.pack;

import zjlearn.report.Widths;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import zjlearn.i18n.Msg;
import zjlearn.check.Validation;
import zjlearn.probe.ProbedFile;
import zjlearn.rules.Rules;
import zjlearn.scan.Submission;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code 汇总表.xlsx}: one sheet per category (named as in rules.yaml), one row per submission of
 * every unit, with the key fields of its nomination form ({@code summaryColumns} of the category in
 * rules.yaml) and its packaging status. Bold frozen header row, column widths fitted to the content,
 * 宋体 throughout, printed landscape on A4, one page wide, the header row repeated on every page.
 * Written with POI's streaming SXSSF, so rows do not accumulate in memory.
 */
public final class SummaryWorkbook {
    static final String FONT = "宋体";
    private static final int MAX_WIDTH = 60;
    private static final int DEFAULT_COLUMNS = 4;

    private SummaryWorkbook() {
    }

    /** The form fields listed for a category: its summaryColumns, else the nomination form's first short fields. */
    public static List<String> columns(Rules rules, String categoryId) {
        Rules.CategoryDef category = rules.category(categoryId);
        if (category.summaryColumns() != null) {
            return category.summaryColumns();
        }
        List<String> columns = new ArrayList<>();
        for (Rules.FieldDef field : rules.form(category.nominationForm()).fields()) {
            if (columns.size() < DEFAULT_COLUMNS && !field.name().equals(category.titleField()) && field.minLength() == null) {
                columns.add(field.name());
            }
        }
        return columns;
    }

    public static void write(PackagePlan plan, Locale locale, OutputStream out) throws IOException {
        Validation v = plan.result().validation();
        Rules rules = v.rules();
        try (SXSSFWorkbook wb = new SXSSFWorkbook(200)) {
            Styles styles = new Styles(wb);
            for (Map.Entry<String, Rules.CategoryDef> category : rules.categories().entrySet()) {
                List<String> fields = columns(rules, category.getKey());
                List<String> header = new ArrayList<>();
                header.add(t(locale, "pack.workbook.column.number"));
                header.add(t(locale, "pack.workbook.column.unit"));
                header.add(t(locale, "pack.workbook.column.name"));
                header.addAll(fields);
                header.add(t(locale, "pack.workbook.column.national"));
                header.add(t(locale, "pack.workbook.column.status"));
                header.add(t(locale, "pack.workbook.column.errors"));
                header.add(t(locale, "pack.workbook.column.warnings"));
                header.add(t(locale, "pack.workbook.column.main-problem"));

                List<List<Object>> rows = new ArrayList<>();
                String nominationRole = v.nominationRole(category.getKey());
                for (PackagePlan.UnitPlan unit : plan.units()) {
                    for (PackagePlan.Outcome o : unit.outcomes()) {
                        Submission s = o.submission();
                        if (!s.category().equals(category.getKey())) {
                            continue;
                        }
                        List<Object> row = new ArrayList<>();
                        row.add(rows.size() + 1);
                        row.add(unit.unit() == null ? t(locale, "pack.workbook.unknown-unit") : unit.unit());
                        row.add(s.title());
                        Map<String, String> form = v.form(s, nominationRole).map(ProbedFile.FormFile::form)
                                .map(f -> f.fields()).orElse(Map.of());
                        for (String field : fields) {
                            row.add(Optional.ofNullable(form.get(field)).orElse(""));
                        }
                        row.add(s.national() ? t(locale, "pack.workbook.yes") : t(locale, "pack.workbook.no"));
                        row.add(o.status().label().render(locale));
                        row.add(o.errors());
                        row.add(o.warnings());
                        row.add(o.problem() == null ? "" : o.problem().render(locale));
                        rows.add(row);
                    }
                }
                sheet(wb, styles, WorkbookUtil.createSafeSheetName(category.getValue().name()), header, rows,
                        rules.campaign().name(), locale);
            }
            wb.write(out);
        }
    }

    private static void sheet(SXSSFWorkbook wb, Styles styles, String name, List<String> header, List<List<Object>> rows,
                              String campaign, Locale locale) {
        SXSSFSheet sheet = wb.createSheet(name);
        int[] widths = new int[header.size()];
        for (int c = 0; c < header.size(); c++) {
            widths[c] = width(header.get(c));
        }
        for (List<Object> row : rows) {
            for (int c = 0; c < row.size(); c++) {
                widths[c] = Math.max(widths[c], width(String.valueOf(row.get(c))));
            }
        }
        for (int c = 0; c < widths.length; c++) {
            sheet.setColumnWidth(c, Math.min(MAX_WIDTH, Math.max(4, widths[c]) + 2) * 256);
        }
        Row head = sheet.createRow(0);
        head.setHeightInPoints(20);
        for (int c = 0; c < header.size(); c++) {
            Cell cell = head.createCell(c);
            cell.setCellValue(header.get(c));
            cell.setCellStyle(styles.header);
        }
        int last = header.size() - 1;
        for (int r = 0; r < rows.size(); r++) {
            Row row = sheet.createRow(r + 1);
            List<Object> values = rows.get(r);
            for (int c = 0; c < values.size(); c++) {
                Cell cell = row.createCell(c);
                Object value = values.get(c);
                if (value instanceof Number n) {
                    cell.setCellValue(n.doubleValue());
                    cell.setCellStyle(styles.number);
                } else {
                    cell.setCellValue(String.valueOf(value));
                    cell.setCellStyle(c == last ? styles.wrapped : styles.text);
                }
            }
        }
        sheet.createFreezePane(0, 1);
        if (!rows.isEmpty()) {
            sheet.setAutoFilter(new CellRangeAddress(0, rows.size(), 0, last));
        }
        sheet.setRepeatingRows(CellRangeAddress.valueOf("1:1"));
        PrintSetup print = sheet.getPrintSetup();
        print.setPaperSize(PrintSetup.A4_PAPERSIZE);
        print.setLandscape(true);
        print.setFitWidth((short) 1);
        print.setFitHeight((short) 0);
        sheet.setFitToPage(true);
        sheet.setHorizontallyCenter(true);
        sheet.setMargin(Sheet.LeftMargin, 0.4);
        sheet.setMargin(Sheet.RightMargin, 0.4);
        sheet.getHeader().setCenter(campaign + " — " + name);
        sheet.getFooter().setCenter(t(locale, "pack.workbook.page"));
    }

    /** Display width in character columns: CJK and full-width characters count 2. */
    static int width(String s) {
        return Widths.of(s);
    }

    private static String t(Locale locale, String key) {
        return Msg.key(key).render(locale);
    }

    private static final class Styles {
        final CellStyle header;
        final CellStyle text;
        final CellStyle wrapped;
        final CellStyle number;

        Styles(SXSSFWorkbook wb) {
            Font standard = wb.getFontAt(0);
            standard.setFontName(FONT);
            Font plain = wb.createFont();
            plain.setFontName(FONT);
            plain.setFontHeightInPoints((short) 11);
            Font bold = wb.createFont();
            bold.setFontName(FONT);
            bold.setFontHeightInPoints((short) 11);
            bold.setBold(true);
            header = bordered(wb, bold);
            header.setAlignment(HorizontalAlignment.CENTER);
            header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            text = bordered(wb, plain);
            wrapped = bordered(wb, plain);
            wrapped.setWrapText(true);
            number = bordered(wb, plain);
            number.setAlignment(HorizontalAlignment.CENTER);
        }

        private static CellStyle bordered(SXSSFWorkbook wb, Font font) {
            CellStyle s = wb.createCellStyle();
            s.setFont(font);
            s.setVerticalAlignment(VerticalAlignment.CENTER);
            s.setBorderTop(BorderStyle.THIN);
            s.setBorderBottom(BorderStyle.THIN);
            s.setBorderLeft(BorderStyle.THIN);
            s.setBorderRight(BorderStyle.THIN);
            return s;
        }
    }
}

package zjlearn.probe.form;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSym;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;

import zjlearn.rules.FileType;

/** Forms built with POI's own writers: merges, spaced labels, checkbox symbols, number formats. */
class PoiBuiltFormsTest {
    @TempDir
    Path dir;

    // ---- Word ----------------------------------------------------------------------------------

    @Test
    void docxLabelValueFormWithGridSpanAndVMerge() throws Exception {
        Path file = dir.resolve("form.docx");
        try (XWPFDocument doc = new XWPFDocument()) {
            doc.createParagraph().createRun().setText("推荐单位（盖章）：杭州市教育局　　填表日期：2021年8月20日");
            XWPFTable table = doc.createTable();
            XWPFTableRow r0 = row(table, 0);
            cell(r0, "姓  名");
            cell(r0, "王芳");
            cell(r0, "性　别");
            XWPFTableCell sex = cell(r0, "");
            XWPFRun run = sex.getParagraphs().get(0).createRun();
            symbol(run, "Wingdings 2", "F052");
            run.setText("女 ");
            XWPFRun run2 = sex.getParagraphs().get(0).createRun();
            symbol(run2, "Wingdings 2", "F0A3");
            run2.setText("男");
            cell(r0, "出生日期");
            cell(r0, "1980年5月");
            vMerge(cell(r0, "照片"), true);

            XWPFTableRow r1 = row(table, 1);
            cell(r1, "民族:");
            cell(r1, "汉族");
            cell(r1, "政治面貌：");
            cell(r1, "群众");
            cell(r1, "*学历");
            cell(r1, "本科");
            vMerge(cell(r1, ""), false);

            XWPFTableRow r2 = row(table, 2);
            XWPFTableCell unitLabel = cell(r2, "工作单位");
            unitLabel.addParagraph().createRun().setText("及职务");
            span(cell(r2, "杭州市某街道  社区工作者"), 5);
            vMerge(cell(r2, ""), false);

            XWPFTableRow r3 = row(table, 3);
            cell(r3, "手机");
            span(cell(r3, "13800138000"), 5);
            vMerge(cell(r3, ""), false);

            XWPFTableRow r4 = row(table, 4);
            XWPFTableCell deeds = cell(r4, "");
            XWPFRun vertical = deeds.getParagraphs().get(0).createRun();
            for (char ch : "主要事迹".toCharArray()) {
                vertical.setText(String.valueOf(ch));
                vertical.addBreak();
            }
            vMerge(deeds, true);
            XWPFTableCell story = span(cell(r4, "坚持学习。"), 6);
            story.addParagraph();
            story.addParagraph().createRun().setText("带动  邻里。");

            XWPFTableRow r5 = row(table, 5);
            vMerge(cell(r5, ""), false);
            span(cell(r5, "获评区级学习之星。"), 6);

            XWPFTableRow r6 = row(table, 6);
            cell(r6, "推荐单位意见");
            span(cell(r6, ""), 6);
            table.removeRow(7); // the empty row createTable() started with, pushed to the end
            write(doc, file);
        }

        FormContent form = FormReader.read(file, FileType.DOCX, TestLabels.STAR);

        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("姓名", "王芳");
        expected.put("性别", "☑女 □男");
        expected.put("出生年月", "1980年5月");
        expected.put("民族", "汉族");
        expected.put("政治面貌", "群众");
        expected.put("文化程度", "本科");
        expected.put("工作单位及职务", "杭州市某街道 社区工作者");
        expected.put("联系电话", "13800138000");
        expected.put("主要学习事迹", "坚持学习。\n带动 邻里。\n获评区级学习之星。");
        expected.put("推荐单位意见", "");
        assertThat(form.fields()).containsExactlyEntriesOf(expected);
        assertThat(form.records()).isEmpty();
        assertThat(form.inlineFields()).containsExactlyEntriesOf(Map.of("推荐单位", "杭州市教育局"));
    }

    @Test
    void docxValueBelowLabelAtRightEdgeAndLabelNextToLabel() throws Exception {
        Path file = dir.resolve("edge.docx");
        try (XWPFDocument doc = new XWPFDocument()) {
            XWPFTable table = doc.createTable();
            XWPFTableRow r0 = row(table, 0);
            cell(r0, "姓名：");
            cell(r0, "张三");
            cell(r0, "主要事迹");
            XWPFTableRow r1 = row(table, 1);
            cell(r1, "民族");
            cell(r1, "政治面貌");
            cell(r1, "多年坚持夜校学习。");
            XWPFTableRow r2 = row(table, 2);
            cell(r2, "姓名");
            cell(r2, "李四");
            cell(r2, "备注：电话：123");
            table.removeRow(3);
            write(doc, file);
        }

        FormContent form = FormReader.read(file, FileType.DOCX, TestLabels.STAR);

        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("姓名", "张三");                        // first occurrence wins over 李四
        expected.put("主要学习事迹", "多年坚持夜校学习。");      // nothing to the right: the cell below
        expected.put("民族", "");                           // next to another label
        expected.put("政治面貌", "多年坚持夜校学习。");
        assertThat(form.fields()).containsExactlyEntriesOf(expected);
        assertThat(form.inlineFields()).isEmpty(); // "备注：电话：123": 备注 is not a label
    }

    @Test
    void blankListTemplateIsReadAsEmptyAnswersNotAsAList() throws Exception {
        Path file = dir.resolve("blank.docx");
        try (XWPFDocument doc = new XWPFDocument()) {
            XWPFTable table = doc.createTable();
            XWPFTableRow r0 = row(table, 0);
            for (String label : new String[] {"序号", "姓名", "性别", "联系电话"}) {
                cell(r0, label);
            }
            XWPFTableRow r1 = row(table, 1);
            for (int i = 0; i < 4; i++) {
                cell(r1, "");
            }
            table.removeRow(2);
            write(doc, file);
        }

        FormContent form = FormReader.read(file, FileType.DOCX, TestLabels.STAR);

        assertThat(form.records()).isEmpty();
        assertThat(form.fields()).containsEntry("姓名", "").containsEntry("联系电话", "");
    }

    @Test
    void docxWordismsFromRawXml() throws Exception {
        String body = """
                <w:p><w:r><w:t xml:space="preserve">学历：大专　　邮编：310000</w:t></w:r></w:p>
                <w:tbl><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>
                 <w:tr>
                  <w:tc><w:p><w:r><w:t>姓</w:t></w:r><w:bookmarkStart w:id="0" w:name="n"/><w:proofErr w:type="spellStart"/><w:r><w:t xml:space="preserve">  名</w:t></w:r><w:bookmarkEnd w:id="0"/></w:p></w:tc>
                  <w:tc><w:p><w:r><w:t>赵敏</w:t></w:r></w:p></w:tc>
                  <w:tc><w:p><w:r><w:t>性别</w:t></w:r></w:p></w:tc>
                  <w:tc><w:p>
                   <w:sdt><w:sdtPr><w14:checkbox><w14:checked w14:val="1"/></w14:checkbox></w:sdtPr>
                    <w:sdtContent><w:r><w:t>☒</w:t></w:r></w:sdtContent></w:sdt>
                   <w:r><w:t xml:space="preserve">女 </w:t></w:r>
                   <w:sdt><w:sdtPr><w14:checkbox><w14:checked w14:val="0"/></w14:checkbox></w:sdtPr>
                    <w:sdtContent><w:r><w:t>☒</w:t></w:r></w:sdtContent></w:sdt>
                   <w:r><w:t>男</w:t></w:r></w:p></w:tc>
                 </w:tr>
                 <w:tr>
                  <w:tc><w:p><w:r><w:t>文化程度</w:t></w:r></w:p></w:tc>
                  <w:tc><w:p><w:del w:id="1" w:author="a"><w:r><w:delText>高中</w:delText></w:r></w:del><w:ins w:id="2" w:author="a"><w:r><w:t>大专</w:t></w:r></w:ins></w:p></w:tc>
                  <w:tc><w:p><w:r><w:t>联系电话</w:t></w:r></w:p></w:tc>
                  <w:tc><w:p><w:r><w:fldChar w:fldCharType="begin"><w:ffData><w:name w:val="Text1"/></w:ffData></w:fldChar></w:r><w:r><w:instrText xml:space="preserve"> FORMTEXT </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>13512345678</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p></w:tc>
                 </w:tr>
                 <w:tr>
                  <w:tc><w:p><w:r><w:t>政治面貌</w:t></w:r></w:p></w:tc>
                  <w:tc><w:p><w:r><w:fldChar w:fldCharType="begin"><w:ffData><w:checkBox><w:default w:val="0"/><w:checked/></w:checkBox></w:ffData></w:fldChar></w:r><w:r><w:instrText xml:space="preserve"> FORMCHECKBOX </w:instrText></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t>党员</w:t></w:r><w:r><w:sym w:font="Wingdings" w:char="F0A8"/><w:t>群众</w:t></w:r></w:p></w:tc>
                  <w:tc><w:p><w:r><w:t>民族</w:t></w:r></w:p></w:tc>
                  <w:tc><w:sdt><w:sdtPr><w:showingPlcHdr/></w:sdtPr><w:sdtContent><w:p><w:r><w:t>单击此处输入文字。</w:t></w:r></w:p></w:sdtContent></w:sdt></w:tc>
                 </w:tr>
                </w:tbl>
                """;
        Path file = dir.resolve("wordisms.docx");
        RawDocx.write(file, body);

        FormContent form = FormReader.read(file, FileType.DOCX, TestLabels.STAR);

        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("姓名", "赵敏");
        expected.put("性别", "☑女 □男");
        expected.put("文化程度", "大专");
        expected.put("联系电话", "13512345678");
        expected.put("政治面貌", "☑党员□群众");
        expected.put("民族", "");
        assertThat(form.fields()).containsExactlyEntriesOf(expected);
        assertThat(form.inlineFields()).containsExactlyEntriesOf(Map.of("文化程度", "大专"));
    }

    // ---- Excel ---------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"xlsx", "xls"})
    void workbookFormWithMergesDatesAndNumbers(String format) throws Exception {
        Path file = dir.resolve("form." + format);
        try (Workbook wb = "xlsx".equals(format) ? new XSSFWorkbook() : new HSSFWorkbook()) {
            CellStyle yearMonth = dateStyle(wb, "yyyy\"年\"m\"月\"");
            CellStyle withDay = dateStyle(wb, "[$-804]yyyy\"年\"m\"月\"d\"日\"");
            CellStyle dbNum = dateStyle(wb, "[DBNum1][$-804]yyyy\"年\"m\"月\"");
            Sheet sheet = wb.createSheet("推荐表");
            set(sheet, 0, 0, "“百姓学习之星”推荐表");
            sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, 5));
            set(sheet, 1, 0, "姓  名");
            set(sheet, 1, 1, "陈静");
            set(sheet, 1, 2, "性　别");
            set(sheet, 1, 3, "女");
            set(sheet, 1, 4, "出生年月");
            date(sheet, 1, 5, LocalDate.of(1962, 3, 1), yearMonth);
            set(sheet, 2, 0, "民族");
            sheet.addMergedRegion(new CellRangeAddress(2, 2, 1, 2)); // merged, left blank: an empty answer
            set(sheet, 2, 3, "文化程度");
            set(sheet, 2, 5, "高中");                                 // after an unmerged blank spacer
            set(sheet, 3, 0, "工作单位\n及职务");
            set(sheet, 3, 1, "宁波市某社区");
            sheet.addMergedRegion(new CellRangeAddress(3, 3, 1, 5));
            set(sheet, 4, 0, "联系电话");
            sheet.getRow(4).createCell(1).setCellValue(13910123456d);
            sheet.addMergedRegion(new CellRangeAddress(4, 4, 1, 5));
            set(sheet, 5, 0, "主\n要\n学\n习\n事\n迹");
            sheet.addMergedRegion(new CellRangeAddress(5, 6, 0, 0));
            set(sheet, 5, 1, "第一段。\n第二段。");
            sheet.addMergedRegion(new CellRangeAddress(5, 5, 1, 5));
            set(sheet, 6, 1, "获奖情况：无");
            sheet.addMergedRegion(new CellRangeAddress(6, 6, 1, 5));

            Sheet second = wb.createSheet("其他");
            set(second, 0, 0, "推荐单位");
            set(second, 0, 1, "慈溪市社区学院");
            set(second, 1, 0, "创建时间");
            date(second, 1, 1, LocalDate.of(2019, 9, 10), withDay);
            set(second, 2, 0, "申报单位");
            date(second, 2, 1, LocalDate.of(2020, 1, 1), dbNum);
            set(second, 3, 0, "年参与人数（人次）");
            second.getRow(3).createCell(1).setCellValue(6000);
            set(second, 4, 0, "姓名");                  // a second 姓名: first one wins
            set(second, 4, 1, "另一人");
            try (OutputStream out = Files.newOutputStream(file)) {
                wb.write(out);
            }
        }

        FormContent form = FormReader.read(file, FileType.fromId(format), TestLabels.STAR);

        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("姓名", "陈静");
        expected.put("性别", "女");
        expected.put("出生年月", "1962年3月");
        expected.put("民族", "");
        expected.put("文化程度", "高中");
        expected.put("工作单位及职务", "宁波市某社区");
        expected.put("联系电话", "13910123456");
        expected.put("主要学习事迹", "第一段。\n第二段。\n获奖情况：无");
        expected.put("推荐单位", "慈溪市社区学院");
        expected.put("创建时间", "2019年9月10日");
        expected.put("申报单位", "2020年1月");
        expected.put("年参与人数（人次）", "6000");
        assertThat(form.fields()).containsExactlyEntriesOf(expected);
        assertThat(form.records()).isEmpty();
        assertThat(form.inlineFields()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"xlsx", "xls"})
    void workbookListWithStrayFarCellAndWholeColumnMerge(String format) throws Exception {
        Path file = dir.resolve("list." + format);
        try (Workbook wb = "xlsx".equals(format) ? new XSSFWorkbook() : new HSSFWorkbook()) {
            Sheet sheet = wb.createSheet();
            String[] header = {"序号", "项目名称", "申报单位", "创建时间", "年参与人数（人次）"};
            for (int c = 0; c < header.length; c++) {
                set(sheet, 0, c, header[c]);
            }
            Object[][] rows = {{1, "共富夜校", "某社区学校", "2019年", 6000}, {2, "银龄课堂", "某老年大学", "2018年", 2500}};
            for (int r = 0; r < rows.length; r++) {
                Row row = sheet.createRow(r + 1);
                for (int c = 0; c < rows[r].length; c++) {
                    Cell cell = row.createCell(c);
                    if (rows[r][c] instanceof Integer n) {
                        cell.setCellValue(n);
                    } else {
                        cell.setCellValue((String) rows[r][c]);
                    }
                }
            }
            sheet.addMergedRegion(new CellRangeAddress(0, wb.getSpreadsheetVersion().getLastRowIndex(), 7, 7));
            set(sheet, 4000, 200, "页脚");
            try (OutputStream out = Files.newOutputStream(file)) {
                wb.write(out);
            }
        }

        FormContent form = FormReader.read(file, FileType.fromId(format), TestLabels.STAR);

        assertThat(form.records()).containsExactly(
                Map.of("序号", "1", "项目名称", "共富夜校", "申报单位", "某社区学校", "创建时间", "2019年", "年参与人数（人次）", "6000"),
                Map.of("序号", "2", "项目名称", "银龄课堂", "申报单位", "某老年大学", "创建时间", "2018年", "年参与人数（人次）", "2500"));
        assertThat(form.fields()).isEmpty();
    }

    // ---- helpers -------------------------------------------------------------------------------

    private static XWPFTableRow row(XWPFTable table, int pos) {
        return table.insertNewTableRow(pos);
    }

    private static XWPFTableCell cell(XWPFTableRow row, String text) {
        XWPFTableCell cell = row.addNewTableCell();
        XWPFParagraph p = cell.getParagraphs().isEmpty() ? cell.addParagraph() : cell.getParagraphs().get(0);
        if (!text.isEmpty()) {
            p.createRun().setText(text);
        }
        return cell;
    }

    private static XWPFTableCell span(XWPFTableCell cell, int n) {
        tcPr(cell).addNewGridSpan().setVal(BigInteger.valueOf(n));
        return cell;
    }

    private static void vMerge(XWPFTableCell cell, boolean restart) {
        if (restart) {
            tcPr(cell).addNewVMerge().setVal(STMerge.RESTART);
        } else {
            tcPr(cell).addNewVMerge(); // no val: continue
        }
    }

    private static CTTcPr tcPr(XWPFTableCell cell) {
        return cell.getCTTc().isSetTcPr() ? cell.getCTTc().getTcPr() : cell.getCTTc().addNewTcPr();
    }

    private static void symbol(XWPFRun run, String font, String hex) {
        CTSym sym = run.getCTR().addNewSym();
        sym.setFont(font);
        sym.setChar(HexFormat.of().parseHex(hex));
    }

    private static void write(XWPFDocument doc, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            doc.write(out);
        }
    }

    private static void set(Sheet sheet, int r, int c, String text) {
        Row row = sheet.getRow(r) != null ? sheet.getRow(r) : sheet.createRow(r);
        row.createCell(c).setCellValue(text);
    }

    private static void date(Sheet sheet, int r, int c, LocalDate date, CellStyle style) {
        Row row = sheet.getRow(r) != null ? sheet.getRow(r) : sheet.createRow(r);
        Cell cell = row.createCell(c);
        cell.setCellValue(date);
        cell.setCellStyle(style);
    }

    private static CellStyle dateStyle(Workbook wb, String format) {
        CellStyle style = wb.createCellStyle();
        style.setDataFormat(wb.createDataFormat().getFormat(format));
        return style;
    }
}

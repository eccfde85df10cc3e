package zjlearn.probe.form;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import zjlearn.rules.FileType;

/** The limits from rules.yaml bound what one form may make the reader do. */
class FormLimitsTest {
    @TempDir
    Path dir;

    /** 姓名 | 张三, 性别 | 男, then {@code extraRows} rows of filler, then 联系电话 | 13910123456. */
    private Path form(String nameValue, int extraRows) throws Exception {
        Path file = dir.resolve("form.xlsx");
        try (Workbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            Sheet sheet = wb.createSheet();
            int r = 0;
            put(sheet, r++, "姓名", nameValue);
            put(sheet, r++, "性别", "男");
            for (int i = 0; i < extraRows; i++) {
                put(sheet, r++, "备注" + i, "内容" + i);
            }
            put(sheet, r, "联系电话", "13910123456");
            wb.write(out);
        }
        return file;
    }

    private static void put(Sheet sheet, int r, String label, String value) {
        Row row = sheet.createRow(r);
        row.createCell(0).setCellValue(label);
        row.createCell(1).setCellValue(value);
    }

    @Test
    void aCellIsCutToTheCellLimit() throws Exception {
        Path file = form("张".repeat(5000), 0);
        FormContent c = FormReader.read(file, FileType.XLSX, TestLabels.STAR, new FormLimits(100, 1000, 1_000_000));
        assertThat(c.fields().get("姓名")).hasSize(100);
        assertThat(c.fields()).containsEntry("性别", "男");
    }

    @Test
    void cellsPastTheTableLimitAreNotRead() throws Exception {
        Path file = form("张三", 20);
        assertThat(FormReader.read(file, FileType.XLSX, TestLabels.STAR, new FormLimits(100, 10, 1_000_000)).fields())
                .containsEntry("姓名", "张三").doesNotContainKey("联系电话");
        assertThat(FormReader.read(file, FileType.XLSX, TestLabels.STAR, FormLimits.DEFAULT).fields())
                .containsEntry("联系电话", "13910123456");
    }

    @Test
    void nothingIsReadPastTheFileCharacterLimit() throws Exception {
        Path file = form("张".repeat(5000), 0);
        FormContent c = FormReader.read(file, FileType.XLSX, TestLabels.STAR, new FormLimits(100, 1000, 4000));
        assertThat(c.fields()).doesNotContainKey("性别");
    }
}

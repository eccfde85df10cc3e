package zjlearn.check;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import zjlearn.ValidationResult;
import zjlearn.testing.Province;
import zjlearn.testing.Runs;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static zjlearn.testing.Runs.findings;

/** Values as clerks type them, in whole folders: no false form.field-invalid, participants read from one cell. */
class TypedValuesTest {
    @TempDir
    Path tmp;

    @Test
    void peopleAndParticipationsInOneCellAreBothRead() {
        Province p = new Province(tmp.resolve("省"));
        p.project("杭州市", "共富夜校").set("年参与人数", "3000余人（1万人次）").set("年参与人次", null).write();
        p.project("杭州市", "银龄课堂").set("年参与人数", "800人/1.2万人次").set("年参与人次", null).write();
        p.project("杭州市", "书香社区").set("年参与人数", "３千人").set("年参与人次", "超过1万人次").write();
        p.project("杭州市", "数字夜校").set("年参与人数", "800人/3000人次").set("年参与人次", null).write();
        ValidationResult result = Runs.validate(p.root());
        assertThat(findings(result, "form.field-invalid")).isEmpty();
        assertThat(findings(result, "check.not-run")).isEmpty();
        assertThat(findings(result, "eligibility.participants")).singleElement()
                .satisfies(f -> assertThat(f.submission()).endsWith("数字夜校"));
    }

    @Test
    void aListFormWithExcelSerialDatesAndCombinedCountsAgreesWithTheForms() throws IOException {
        Province p = new Province(tmp.resolve("省"));
        Province.Nominee a = p.project("杭州市", "共富夜校").set("创建时间", "2016年9月").withoutOwnList();
        Province.Nominee b = p.star("杭州市", "张三").withoutOwnList();
        a.write();
        b.write();
        long created = ChronoUnit.DAYS.between(LocalDate.of(1899, 12, 30), LocalDate.of(2016, 9, 1));
        long born = ChronoUnit.DAYS.between(LocalDate.of(1899, 12, 30), LocalDate.of(1968, 5, 12));
        // Dates typed into cells formatted as 常规 (General) show, and are stored, as serial numbers.
        xlsx(p.category("杭州市", Province.PROJECT).resolve("推荐登记表.xlsx"), Province.PROJECT_LIST_HEADER,
                List.of("1", "共富夜校", "杭州市社区学院", created, "3500人/1.2万人次", "王芳", "0571-88031282"));
        xlsx(p.category("杭州市", Province.STAR).resolve("推荐登记表.xlsx"), Province.STAR_LIST_HEADER,
                List.of("1", "张三", "女", born, "社区老年学校学员", "杭州市教育局", "13812345678"));
        ValidationResult result = Runs.validate(p.root());
        assertThat(Runs.describe(result)).isEmpty();

        // A serial that is not the nomination form's date still disagrees.
        xlsx(p.category("杭州市", Province.STAR).resolve("推荐登记表.xlsx"), Province.STAR_LIST_HEADER,
                List.of("1", "张三", "女", born + 800, "社区老年学校学员", "杭州市教育局", "13812345678"));
        assertThat(findings(Runs.validate(p.root()), "consistency.name-mismatch")).singleElement()
                .satisfies(f -> assertThat(f.message().args()).contains("出生年月"));
    }

    /** A list form whose Long values are numeric cells in the General format. */
    private static void xlsx(Path file, List<String> header, List<Object> record) throws IOException {
        try (Workbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            Sheet sheet = wb.createSheet("登记表");
            Row head = sheet.createRow(0);
            for (int c = 0; c < header.size(); c++) {
                head.createCell(c).setCellValue(header.get(c));
            }
            Row row = sheet.createRow(1);
            for (int c = 0; c < record.size(); c++) {
                if (record.get(c) instanceof Long n) {
                    row.createCell(c).setCellValue(n.doubleValue());
                } else {
                    row.createCell(c).setCellValue(String.valueOf(record.get(c)));
                }
            }
            wb.write(out);
        }
    }
}

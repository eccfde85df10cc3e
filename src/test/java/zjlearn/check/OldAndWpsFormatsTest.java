package zjlearn.check;

import static org.assertj.core.api.Assertions.assertThat;
import static zjlearn.testing.Runs.findings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import zjlearn.ValidationResult;
import zjlearn.testing.Docs;
import zjlearn.testing.Runs;

/**
 * WPS files and intact old or unusual formats, as cities send them: read when they are Word 97 / Excel 97
 * content under a WPS name (LibreOffice-made fixtures), and otherwise named with the way to re-save them,
 * never called damaged (real-world files from Apache POI's test data).
 */
class OldAndWpsFormatsTest {
    private static final Path REAL = Path.of("src/test/resources/realworld");
    private static final Path WPS = Path.of("src/test/resources/fixtures/wps");

    @TempDir
    Path tmp;

    private Path nominee() throws IOException {
        Path nominee = Files.createDirectories(tmp.resolve("杭州市/百姓学习之星/李明华"));
        Docs.jpeg(nominee.resolve("证件照.jpg"), 413, 579, true);
        Docs.jpeg(nominee.resolve("生活照.jpg"), 1280, 960, true);
        return nominee;
    }

    @Test
    void wpsWriterAndSpreadsheetFilesAreReadAsWordAndExcel() throws IOException {
        Path nominee = nominee();
        Files.copy(WPS.resolve("star_nomination.wps"), nominee.resolve("推荐表.wps"));
        Files.copy(WPS.resolve("star_registration.et"), nominee.getParent().resolve("推荐登记表.et"));

        ValidationResult result = Runs.validate(tmp);
        assertThat(Runs.describe(result)).noneMatch(d -> d.startsWith("form.") || d.startsWith("file."));
        // the list form was read: it names nominees that have no folder
        assertThat(findings(result, "consistency.registration-list")).extracting(Runs::zh)
                .contains("推荐登记表列出了“王小红”，但没有该推荐对象的文件夹");
    }

    @ParameterizedTest(name = "{0} as {1}")
    @CsvSource({
            "poi/Word95.doc, 推荐表.doc, Word 6.0/95, “另存为”“Word 文档 (.docx)”",
            "poi/Word6.doc, 推荐表.doc, Word 6.0/95, “另存为”“Word 文档 (.docx)”",
            "poi/word2.doc, 推荐表.doc, Word 2.0, “另存为”“Word 文档 (.docx)”",
            "poi/testEXCEL_95.xls, 推荐表.xls, Excel 5.0/95, “另存为”“Excel 工作簿 (.xlsx)”",
            "poi/SimpleStrict.xlsx, 推荐表.xlsx, Strict Open XML, 普通的“Word 文档 (.docx)”或“Excel 工作簿 (.xlsx)”",
            "poi/ShortLastBlock.wps, 推荐表.wps, WPS 专有格式, “另存为”“Word 文档 (.docx)”",
    })
    void oldFormatsAreNamedWithHowToResaveThemNotCalledDamaged(String source, String name, String format, String fix)
            throws IOException {
        Files.copy(REAL.resolve(source), nominee().resolve(name));

        ValidationResult result = Runs.validate(tmp);
        assertThat(findings(result, "file.unreadable")).isEmpty();
        assertThat(findings(result, "file.type-mismatch")).isEmpty();
        List<Finding> notAllowed = findings(result, "file.type-not-allowed");
        assertThat(notAllowed).hasSize(1);
        assertThat(notAllowed.get(0).actual().render(Locale.CHINA)).contains(format);
        assertThat(notAllowed.get(0).fix().render(Locale.CHINA)).contains(fix).doesNotContain("删除");
        assertThat(notAllowed.get(0).fix().render(Locale.ENGLISH)).contains("save it as");
    }

    @Test
    void rtfSavedAsDocIsNamedRtf() throws IOException {
        Files.copy(WPS.resolve("star_nomination-rtf.doc"), nominee().resolve("推荐表.doc"));

        ValidationResult result = Runs.validate(tmp);
        assertThat(findings(result, "file.unreadable")).isEmpty();
        assertThat(findings(result, "file.type-not-allowed")).singleElement()
                .satisfies(f -> assertThat(f.fix().render(Locale.CHINA)).contains("这是 RTF 文件"));
        assertThat(findings(result, "file.type-mismatch")).hasSize(1);
    }

    @Test
    void aWordNinetyFiveSummaryIsReadAndCounted() throws IOException {
        Path project = Files.createDirectories(tmp.resolve("杭州市/终身学习品牌项目/共富夜校"));
        Files.copy(REAL.resolve("poi/Word95.doc"), project.resolve("工作总结.doc"));

        ValidationResult result = Runs.validate(tmp);
        assertThat(findings(result, "file.unreadable")).isEmpty();
        assertThat(findings(result, "file.type-not-allowed")).isEmpty();
        assertThat(findings(result, "text.length")).singleElement()
                .satisfies(f -> assertThat(f.file()).endsWith("工作总结.doc"));
    }

    @Test
    void anEncryptedVideoIsNamedDrm() throws IOException {
        Path national = Files.createDirectories(nominee().resolve("全国推荐材料"));
        Files.copy(REAL.resolve("mp4/bipbop_cbcs_video_init.mp4"), national.resolve("视频.mp4"));

        ValidationResult result = Runs.validate(tmp);
        assertThat(findings(result, "file.encrypted")).singleElement().satisfies(f -> {
            assertThat(Runs.zh(f)).contains("视频有加密（DRM）保护");
            assertThat(f.fix().render(Locale.CHINA)).contains("请重新导出不加密的视频");
            assertThat(f.message().render(Locale.ENGLISH)).contains("encrypted (DRM)");
        });
        assertThat(findings(result, "video.codec")).isEmpty();
    }

    @Test
    void aClearVideoIsNotCalledEncrypted() throws IOException {
        Path national = Files.createDirectories(nominee().resolve("全国推荐材料"));
        Files.copy(REAL.resolve("mp4/h264_white_frame_sar_16_9.mp4"), national.resolve("视频.mp4"));

        assertThat(findings(Runs.validate(tmp), "file.encrypted")).isEmpty();
    }

    @Test
    void manyCellsPointingToOneHugeSharedStringAreReadWithinBounds() throws IOException {
        Files.copy(REAL.resolve("poi/poc-shared-strings.xlsx"), nominee().resolve("推荐表.xlsx"));

        ValidationResult result = Runs.validate(tmp);
        assertThat(findings(result, "file.unreadable")).isEmpty();
        assertThat(findings(result, "form.field-missing")).isNotEmpty();
    }
}

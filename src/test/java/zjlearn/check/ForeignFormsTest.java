package zjlearn.check;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;
import zjlearn.ValidationResult;
import zjlearn.testing.Docs;
import zjlearn.testing.Runs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static zjlearn.testing.Runs.findings;

/**
 * Forms written by LibreOffice (not by the POI writer that reads them) go through the whole
 * validation: merged cells, spaced labels, 推荐单位 on a line above the table, a list with a
 * merged title row — in .docx, .doc, .xlsx and .xls.
 */
class ForeignFormsTest {
    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"docx", "doc", "xlsx", "xls"})
    void libreOfficeFormsAreReadLikeOurOwn(String ext) throws IOException {
        Path category = tmp.resolve("杭州市/百姓学习之星");
        Path nominee = Files.createDirectories(category.resolve("李明华"));
        copy("star_nomination." + ext, nominee.resolve("推荐表." + ext));
        copy("star_registration." + ext, category.resolve("推荐登记表." + ext));
        Docs.jpeg(nominee.resolve("证件照.jpg"), 413, 579, true);
        Docs.jpeg(nominee.resolve("生活照.jpg"), 1280, 960, true);

        ValidationResult result = Runs.validate(tmp);
        assertThat(Runs.describe(result)).noneMatch(d -> d.startsWith("form."));
        assertThat(Runs.describe(result)).noneMatch(d -> d.startsWith("file."));
        assertThat(findings(result, "consistency.registration-list")).extracting(Runs::zh).containsExactlyInAnyOrder(
                "百姓学习之星的推荐登记表（推荐登记表." + ext + "）中没有“李明华”",
                "推荐登记表列出了“王小红”，但没有该推荐对象的文件夹",
                "推荐登记表列出了“阿依古丽·买买提”，但没有该推荐对象的文件夹",
                "推荐登记表列出了“欧阳 明”，但没有该推荐对象的文件夹");
    }

    private static void copy(String fixture, Path target) throws IOException {
        try (InputStream in = ForeignFormsTest.class.getResourceAsStream("/fixtures/forms/" + fixture)) {
            assertThat(in).as(fixture).isNotNull();
            Files.copy(in, target);
        }
    }
}

package zjlearn.scan;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import zjlearn.rules.RulesLoader;
import zjlearn.rules.Vocabulary;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScannerTest {
    @TempDir
    Path tmp;

    final Vocabulary vocabulary = new Vocabulary(RulesLoader.loadDefault());

    Path touch(String relative) throws IOException {
        Path file = tmp.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "x");
        return file;
    }

    @Test
    void theRootIsRecognisedAtEveryLevel() throws Exception {
        touch("省/杭州/百姓学习之星/01-张三/推荐表.docx");
        touch("省/杭州/百姓学习之星/01-张三/全国推荐材料/视频.mp4");
        touch("省/杭州/品牌项目/2.共富夜校/推荐表.docx");
        ScanResult province = new Scanner(vocabulary).scan(tmp.resolve("省"));
        assertThat(province.level()).isEqualTo(ScanResult.Level.PROVINCE);
        assertThat(province.units()).containsExactly("杭州市");
        assertThat(province.submissions()).extracting(Submission::title, Submission::category, Submission::national)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("张三", "star", true),
                        org.assertj.core.groups.Tuple.tuple("共富夜校", "project", false));

        ScanResult unit = new Scanner(vocabulary).scan(tmp.resolve("省/杭州"));
        assertThat(unit.level()).isEqualTo(ScanResult.Level.UNIT);
        assertThat(unit.submissions()).hasSize(2).allSatisfy(s -> assertThat(s.unit()).isEqualTo("杭州市"));

        ScanResult category = new Scanner(vocabulary).scan(tmp.resolve("省/杭州/百姓学习之星"));
        assertThat(category.level()).isEqualTo(ScanResult.Level.CATEGORY);
        assertThat(category.submissions()).singleElement().satisfies(s -> {
            assertThat(s.unit()).isEqualTo("杭州市");
            assertThat(s.path()).isEqualTo("01-张三");
            assertThat(s.files()).extracting(InputFile::relPath)
                    .containsExactlyInAnyOrder("01-张三/推荐表.docx", "01-张三/全国推荐材料/视频.mp4");
        });

        ScanResult one = new Scanner(vocabulary).scan(tmp.resolve("省/杭州/百姓学习之星/01-张三"));
        assertThat(one.level()).isEqualTo(ScanResult.Level.SUBMISSION);
        assertThat(one.submissions()).singleElement().satisfies(s -> {
            assertThat(s.path()).isEqualTo(".");
            assertThat(s.title()).isEqualTo("张三");
        });
    }

    @Test
    void namesWrittenInNfdByMacOsAreNormalised() throws Exception {
        String nfd = Normalizer.normalize("Café", Normalizer.Form.NFD);
        touch("省/宁波市/百姓学习之星/" + nfd + "/推荐表.docx");
        ScanResult result = new Scanner(vocabulary).scan(tmp.resolve("省"));
        assertThat(result.submissions()).singleElement()
                .satisfies(s -> assertThat(s.title()).isEqualTo(Normalizer.normalize("Café", Normalizer.Form.NFC)));
    }

    @Test
    void numberPrefixesSortNumerically() throws Exception {
        touch("省/杭州市/百姓学习之星/10-甲/推荐表.docx");
        touch("省/杭州市/百姓学习之星/2-乙/推荐表.docx");
        touch("省/杭州市/百姓学习之星/1-丙/推荐表.docx");
        ScanResult result = new Scanner(vocabulary).scan(tmp.resolve("省"));
        assertThat(result.submissions()).extracting(Submission::title).containsExactly("丙", "乙", "甲");
    }

    @Test
    void symlinksAreReportedAndNotFollowed() throws Exception {
        touch("省/杭州市/百姓学习之星/张三/推荐表.docx");
        Path outside = touch("外部/secret.txt");
        Files.createSymbolicLink(tmp.resolve("省/杭州市/百姓学习之星/张三/链接.txt"), outside);
        Files.createSymbolicLink(tmp.resolve("省/杭州市/百姓学习之星/张三/循环"), tmp.resolve("省"));
        ScanResult result = new Scanner(vocabulary).scan(tmp.resolve("省"));
        assertThat(result.layoutIssues()).filteredOn(i -> i.kind() == LayoutIssue.Kind.SYMLINK).hasSize(2);
        assertThat(result.submissions().get(0).files()).extracting(InputFile::name).containsExactly("推荐表.docx");
    }

    @Test
    void aFolderWithoutSubmissionsIsNothingToCheck() throws Exception {
        touch("随便/笔记.txt");
        assertThatThrownBy(() -> new Scanner(vocabulary).scan(tmp.resolve("随便")))
                .isInstanceOf(Scanner.NothingToCheckException.class);
    }
}

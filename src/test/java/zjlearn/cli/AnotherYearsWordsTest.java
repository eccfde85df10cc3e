package zjlearn.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import zjlearn.testing.Province;
import zjlearn.testing.Cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static zjlearn.testing.Cli.run;

/** The command line's own messages take the campaign's words from the rules file in force, not from the code. */
class AnotherYearsWordsTest {
    @TempDir
    Path tmp;

    Path other;

    /** Another year's rules: its first unit is 临安市 and its first category 学习达人. */
    @BeforeEach
    void otherRules() throws IOException {
        String yaml = Files.readString(Path.of("rules.yaml"), StandardCharsets.UTF_8)
                .replace("杭州市", "临安市").replace("百姓学习之星", "学习达人");
        other = Files.writeString(tmp.resolve("other.yaml"), yaml, StandardCharsets.UTF_8);
        Files.copy(Path.of("previous-winners.csv"), tmp.resolve("previous-winners.csv"));
    }

    @Test
    void nothingToCheckGivesTheRulesFilesUnitAndCategoryAsExamples() throws IOException {
        Path empty = Files.createDirectories(tmp.resolve("空文件夹"));
        Cli.Run zh = run("validate", empty.toString(), "--rules", other.toString());
        assertThat(zh.code()).isEqualTo(3);
        assertThat(zh.err()).contains("单位文件夹（如“临安市”）→ 类别文件夹（如“学习达人”）")
                .doesNotContain("杭州市").doesNotContain("百姓学习之星");
        Cli.Run en = run("validate", empty.toString(), "--rules", other.toString(), "--lang", "en");
        assertThat(en.err()).contains("a unit folder (e.g. 临安市) → a category folder (e.g. 学习达人)")
                .doesNotContain("杭州市");
        // the shipped rules still give this year's words
        assertThat(run("validate", empty.toString()).err()).contains("（如“杭州市”）").contains("（如“百姓学习之星”）");
    }

    @Test
    void theDropLauncherDoubleClickedNamesTheRulesFilesFirstUnit() {
        Cli.Run r = run("drop", "--rules", other.toString());
        assertThat(r.code()).isZero();
        assertThat(r.err()).contains("（如“临安市”）拖到 zjlearn.cmd").doesNotContain("杭州市");
        assertThat(run("drop", "--lang", "en").err()).contains("(e.g. 杭州市) onto zjlearn.cmd");
    }

    @Test
    void aQuotaForAllCategoriesTogetherIsNotSaidToCoverTwo() {
        Province p = new Province(tmp.resolve("省"));
        p.project("浙江省社区教育指导中心", "银龄课堂").write();
        Cli.Run zh = run("validate", p.root().toString());
        assertThat(zh.out()).contains("（1 个，各类别合计名额 1 个）").doesNotContain("两类");
        Cli.Run en = run("validate", p.root().toString(), "--lang", "en");
        assertThat(en.out()).contains("(1, quota 1 for all categories together)").doesNotContain("both categories");
    }
}

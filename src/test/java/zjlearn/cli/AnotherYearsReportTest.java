package zjlearn.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import zjlearn.testing.Trees;

import zjlearn.testing.Cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static zjlearn.testing.Cli.run;

/**
 * Issue 15's test of a different year: the samples, checked against a rules file for another campaign (video
 * 1920×1080 at 30 fps, 3 photos, the category 百姓学习之星 renamed 学习达人, the form field 出生年月 renamed 出生时间,
 * the national folder renamed 国家级推荐材料; the samples' folders renamed to match), give reports, rule
 * explanations and the rules table in that year's words and none of the shipped year's.
 */
class AnotherYearsReportTest {
    @TempDir
    static Path tmp;

    static Path rules;
    static Path samples;

    @BeforeAll
    static void anotherYear() throws IOException {
        String yaml = Files.readString(Path.of("rules.yaml"), StandardCharsets.UTF_8);
        String other = replace(yaml,
                "百姓学习之星", "学习达人",
                "  width: 1280\n  height: 720\n", "  width: 1920\n  height: 1080\n",
                "  fps: 25\n", "  fps: 30\n",
                "folder: 全国推荐材料", "folder: 国家级推荐材料",
                "      - roles: [id-photo, photo]          # “每人报送照片 2 张，其中一张为 2 寸免冠彩色证件照”\n        min: 2\n        max: 2\n",
                "      - roles: [id-photo, photo]\n        min: 3\n        max: 3\n",
                "{name: 出生年月, aliases: [出生日期, 出生年月日]", "{name: 出生时间, aliases: [出生日期, 出生年月日]",
                "summaryColumns: [性别, 出生年月,", "summaryColumns: [性别, 出生时间,",
                "    dateField: 出生年月", "    dateField: 出生时间");
        rules = Files.writeString(tmp.resolve("other.yaml"), other, StandardCharsets.UTF_8);
        Files.copy(Path.of("previous-winners.csv"), tmp.resolve("previous-winners.csv"));
        samples = tmp.resolve("samples");
        copy(Path.of("samples"), samples);
    }

    /** Each pair: a text of the shipped rules file, which must be there, and its replacement. */
    private static String replace(String text, String... pairs) {
        for (int i = 0; i < pairs.length; i += 2) {
            assertThat(text).as("the shipped rules.yaml").contains(pairs[i]);
            text = text.replace(pairs[i], pairs[i + 1]);
        }
        return text;
    }

    /** Copies the samples, renaming the category and national folders as the other year's rules name them. */
    private static void copy(Path from, Path to) throws IOException {
        Trees.copy(from, to);
        List<Path> renamed;
        try (Stream<Path> walk = Files.walk(to)) {
            renamed = walk.filter(p -> Set.of("百姓学习之星", "全国推荐材料").contains(p.getFileName().toString()))
                    .sorted(Comparator.comparingInt(Path::getNameCount).reversed()).toList();
        }
        for (Path p : renamed) {
            Files.move(p, p.resolveSibling(p.getFileName().toString().equals("百姓学习之星") ? "学习达人" : "国家级推荐材料"));
        }
    }

    @Test
    void theChineseReportSpeaksThatYearsWords() {
        Cli.Run r = run("validate", samples.toString(), "--rules", rules.toString(), "--no-color");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out())
                .contains("━━ 温州市 ━━")
                .contains("附表1 “学习达人”推荐表中没有“出生时间”一栏")
                .contains("视频分辨率不是 1920×1080：显示为 1280×720")
                .contains("要求 30 帧/秒")
                .contains("scale=1920:1080").contains("fps=30")
                .contains("温州市/学习达人/01-林美玲/国家级推荐材料/视频.mp4")
                .contains("需要 3 份，只有 2 份")
                .doesNotContain("百姓学习之星").doesNotContain("全国推荐材料").doesNotContain("“出生年月”")
                .doesNotContain("要求 25 帧").doesNotContain("需要 2 份").doesNotContain("为 1280×720 后重新编码");
    }

    @Test
    void theEnglishReportSpeaksThatYearsWords() {
        Cli.Run r = run("validate", samples.toString(), "--rules", rules.toString(), "--lang", "en", "--no-color");
        assertThat(r.out())
                .contains("the video is not 1920×1080: it displays as 1280×720")
                .contains("30 fps is required")
                .contains("the 附表1 “学习达人”推荐表 has no \"出生时间\" field")
                .contains("ID photo or photo missing: exactly 3 needed, 2 found")
                .doesNotContain("百姓学习之星").doesNotContain("全国推荐材料").doesNotContain("25 fps is required");
    }

    @Test
    void theJsonReportCarriesThatYearsValuesAsArguments() throws IOException {
        Cli.Run r = run("validate", samples.toString(), "--rules", rules.toString(), "--format", "json");
        JsonNode report = new ObjectMapper().readTree(r.out());
        List<String> resolution = new ArrayList<>();
        report.findParents("rule").forEach(f -> {
            if (f.path("rule").asText().equals("video.resolution")) {
                resolution.add(f.toString());
            }
        });
        assertThat(resolution).singleElement().satisfies(f -> assertThat(f).contains("1920×1080").doesNotContain("要求：1280"));
        assertThat(r.out()).doesNotContain("百姓学习之星").doesNotContain("全国推荐材料");
    }

    @Test
    void rulesExplainAndTheRulesTableUseThatYearsValues() {
        assertThat(run("rules", "explain", "video.resolution", "--rules", rules.toString()).out())
                .contains("1920×1080").contains("video.width: 1920").contains("video.height: 1080").doesNotContain("1280");
        assertThat(run("rules", "explain", "layout.national-misplaced", "--rules", rules.toString(), "--lang", "en").out())
                .contains("国家级推荐材料").doesNotContain("全国推荐材料");
        assertThat(run("rules", "explain", "files.count", "--rules", rules.toString()).out())
                .contains("{roles: [id-photo, photo], min: 3, max: 3");
        assertThat(run("rules", "list", "--markdown", "--rules", rules.toString()).out())
                .contains("| `video.fps` | 错误 | 视频帧率不是规定的恒定 30 帧/秒 |");
    }
}

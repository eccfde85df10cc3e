package zjlearn.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import zjlearn.rules.RulesLoader;
import zjlearn.testing.Province;
import zjlearn.testing.Cli.Run;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static zjlearn.testing.Cli.run;
import static org.assertj.core.api.Assertions.assertThat;

/** The command line as a clerk or CI meets it: output, exit codes and the rules file. */
public class CliTest {
    @TempDir
    Path tmp;

    /** Rules files written by the tests point to the previous winners' list beside them. */
    @org.junit.jupiter.api.BeforeEach
    void copyPreviousWinnersList() throws IOException {
        try (InputStream in = RulesLoader.class.getResourceAsStream("/zjlearn/previous-winners.csv")) {
            Files.copy(in, tmp.resolve("previous-winners.csv"));
        }
    }

    Path compliantProvince() {
        Province p = new Province(tmp.resolve("省"));
        p.star("杭州市", "张三").write();
        p.project("宁波市", "共富夜校").write();
        return p.root();
    }

    @Test
    void aCompliantFolderExitsZeroWithAChineseSummary() throws IOException {
        Path list = Files.writeString(tmp.resolve("往年名单.csv"), "年份,类别,名称,单位\n2019,百姓学习之星,陈某某,丽水市\n");
        Run r = run("validate", compliantProvince().toString(), "--previous-winners", list.toString());
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("━━ 杭州市 ━━").contains("✔ 张三  通过")
                .contains("汇总：共 2 个推荐对象，通过 2 个，不通过 0 个；错误 0 个，警告 0 个。");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void withoutAListOfEarlierRecognitionsTheReportSaysSoOnceAndStillPasses() throws IOException {
        Run r = run("validate", compliantProvince().toString());
        assertThat(r.code()).isZero();
        assertThat(r.out().split("没有配置往年认定名单", -1)).hasSize(2);
        assertThat(r.out()).contains("警告 1 个");
        Run en = run("validate", compliantProvince().toString(), "--lang", "en", "--format", "json");
        assertThat(en.out()).contains("no list of earlier recognitions");
    }

    @Test
    void findingsExitOneAndJsonFollowsTheSchema() throws IOException {
        Province p = new Province(tmp.resolve("省"));
        p.star("杭州市", "张三").set("联系电话", "").write();
        Run r = run("validate", p.root().toString(), "--format", "json");
        assertThat(r.code()).isEqualTo(1);
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertThat(json.get("schema").asText()).isEqualTo("zjlearn-report/1");
        assertThat(json.at("/summary/failed").asInt()).isEqualTo(1);
        JsonNode s = json.at("/submissions/0");
        assertThat(s.get("unit").asText()).isEqualTo("杭州市");
        assertThat(s.get("category").asText()).isEqualTo("star");
        assertThat(s.get("path").asText()).isEqualTo("杭州市/百姓学习之星/张三");
        assertThat(s.get("status").asText()).isEqualTo("failed");
        assertThat(s.at("/files/0/role").isTextual()).isTrue();
        JsonNode f = s.at("/findings/0");
        assertThat(f.get("rule").asText()).isEqualTo("form.field-missing");
        assertThat(f.get("severity").asText()).isEqualTo("error");
        assertThat(f.get("file").asText()).isEqualTo("杭州市/百姓学习之星/张三/推荐表.docx");
        assertThat(f.get("message").asText()).contains("联系电话");
        assertThat(json.get("findings").isArray()).isTrue();
    }

    @Test
    void englishOnRequest() {
        Province p = new Province(tmp.resolve("省"));
        p.star("杭州市", "张三").set("联系电话", "").write();
        Run r = run("validate", p.root().toString(), "--lang", "en");
        assertThat(r.out()).contains("Summary: 1 submissions, 0 passed, 1 failed").contains("is empty");
    }

    @Test
    void theReportCanGoToAFile() throws IOException {
        Path report = tmp.resolve("out/report.json");
        Run r = run("validate", compliantProvince().toString(), "--format", "json", "-o", report.toString());
        assertThat(r.code()).isZero();
        assertThat(r.out()).isEmpty();
        assertThat(Files.readString(report)).contains("\"schema\" : \"zjlearn-report/1\"");
        try (var files = Files.list(report.getParent())) {
            assertThat(files).containsExactly(report);
        }
    }

    @Test
    void nothingToCheckExitsThree() throws IOException {
        Path empty = Files.createDirectories(tmp.resolve("空文件夹"));
        Files.writeString(empty.resolve("readme.txt"), "hello");
        Run r = run("validate", empty.toString());
        assertThat(r.code()).isEqualTo(3);
        assertThat(r.err()).contains("没有找到推荐材料");
    }

    @Test
    void usageErrorsExitTwo() {
        assertThat(run("validate").code()).isEqualTo(2);
        assertThat(run("validate", tmp.resolve("不存在").toString()).code()).isEqualTo(2);
        assertThat(run("validate", ".", "--format", "xml").code()).isEqualTo(2);
    }

    @Test
    void aBrokenRulesFileExitsTwoWithLineAndColumn() throws IOException {
        Path rules = tmp.resolve("rules.yaml");
        Files.writeString(rules, defaultRules().replace("    quotaPerCategory: 4\n  - name: 宁波市", "    quota: 4\n  - name: 宁波市"));
        Run r = run("validate", compliantProvince().toString(), "--rules", rules.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).containsPattern("rules\\.yaml:\\d+:5: 不认识的键“quota”");
        Run check = run("rules", "check", rules.toString());
        assertThat(check.code()).isEqualTo(2);
        assertThat(run("rules", "check", writeDefault().toString()).code()).isZero();
    }

    @Test
    void changingTheRulesFileChangesTheVerdict() throws IOException {
        Province p = new Province(tmp.resolve("省"));
        p.star("嘉兴市", "张三").write();
        p.star("嘉兴市", "李四").write();
        p.project("嘉兴市", "共富夜校").summaryWords(1500).write();
        p.star("宁波市", "王五").set("工作单位及职务", "社区读书会会长").write();
        assertThat(run("validate", p.root().toString()).code()).isEqualTo(1);

        Path lenient = tmp.resolve("lenient.yaml");
        Files.writeString(lenient, defaultRules()
                .replace("error: {min: 1600, max: 2400}", "error: {min: 1000, max: 2400}")
                .replace("warning: {min: 1800, max: 2200}", "warning: {min: 1200, max: 2200}"));
        assertThat(run("validate", p.root().toString(), "--rules", lenient.toString()).code()).isZero();

        Path strict = tmp.resolve("strict.yaml");
        Files.writeString(strict, defaultRules()
                .replace("error: {min: 1600, max: 2400}", "error: {min: 1000, max: 2400}")
                .replace("warning: {min: 1800, max: 2200}", "warning: {min: 1200, max: 2200}")
                .replace("    aliases: [嘉兴, jiaxing]\n    quotaPerCategory: 3", "    aliases: [嘉兴, jiaxing]\n    quotaPerCategory: 1"));
        Run r = run("validate", p.root().toString(), "--rules", strict.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("嘉兴市“百姓学习之星”推荐了 2 个，超过名额 1 个");
    }

    @Test
    void aNewLabelAliasInTheRulesFileIsRecognised() throws IOException {
        Province p = new Province(tmp.resolve("省"));
        p.star("杭州市", "张三").set("工作单位及职务", null).set("任职单位", "社区老年学校学员").withoutOwnList().write();
        Run before = run("validate", p.root().toString());
        assertThat(before.code()).isEqualTo(1);
        assertThat(before.out()).contains("没有“工作单位及职务”一栏");

        Path rules = tmp.resolve("aliases.yaml");
        Files.writeString(rules, defaultRules().replace("aliases: [工作单位及职务（职业）, 单位及职务, 工作单位及职业, 工作单位]",
                "aliases: [工作单位及职务（职业）, 单位及职务, 工作单位及职业, 工作单位, 任职单位]"));
        Run after = run("validate", p.root().toString(), "--rules", rules.toString());
        assertThat(after.out()).doesNotContain("工作单位及职务");
    }

    @Test
    void rulesListShowsEveryRuleWithItsSeverity() {
        Run r = run("rules", "list");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("quota.exceeded").contains("eligibility.cadre").contains("警告")
                .contains("video.fps");
    }

    @Test
    void helpIsChineseAndListsTheExitCodes() {
        Run r = run("--help");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("validate").contains("退出码").contains("没有找到可检查的推荐材料");
    }

    static String defaultRules() throws IOException {
        try (InputStream in = RulesLoader.class.getResourceAsStream(RulesLoader.DEFAULT_RESOURCE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    Path writeDefault() throws IOException {
        Path file = tmp.resolve("default.yaml");
        Files.writeString(file, defaultRules());
        return file;
    }

    @Test
    void rulesExplainNamesTheParametersInForce() {
        Run r = run("rules", "explain", "video.fps");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("视频帧率不是规定的恒定 25 帧/秒").contains("  video.fps: 25").contains("怎样修改：");
        assertThat(run("rules", "explain", "quota.exceeded", "--lang", "en").out())
                .contains("a unit sent more than its quota").contains("    - {name: 杭州市, aliases: [杭州, hangzhou], quotaPerCategory: 4}");
        assertThat(run("rules", "explain", "no.such-rule").code()).isEqualTo(2);
    }

    @Test
    void aBashCompletionScriptCanBeGenerated() {
        Run r = run("generate-completion");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("complete -F").contains("validate").contains("inspect");
    }

    @Test
    void helpIsEnglishWithLangEn() {
        Run zh = run("validate", "--help");
        assertThat(zh.out()).contains("用法：").contains("检查推荐材料").contains("要检查的文件夹").doesNotContain("folder to check");
        Run en = run("validate", "--help", "--lang", "en");
        assertThat(en.out()).contains("Usage:").contains("Check nominations").contains("folder to check")
                .doesNotContain("要检查的文件夹");
        assertThat(run("--lang", "en", "--help").out()).contains("Exit codes:").contains("nothing to check");
    }

    @Test
    void theVersionIsPrinted() {
        Run r = run("--version");
        assertThat(r.code()).isZero();
        assertThat(r.out()).startsWith("zjlearn ");
    }
}

package zjlearn.check;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import zjlearn.ValidationResult;
import zjlearn.rules.Rules;
import zjlearn.rules.RulesLoader;
import zjlearn.rules.Severity;
import zjlearn.testing.Province;
import zjlearn.testing.Runs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static zjlearn.testing.Runs.findings;
import static zjlearn.testing.Runs.zh;

/** The notice's conditions fire on what the forms say, stay silent on compliant forms, and follow rules.yaml. */
class EligibilityTest {
    @TempDir
    Path tmp;

    Province province() {
        return new Province(tmp.resolve("省"));
    }

    @Test
    void participantsNeedEitherThePeopleOrTheParticipationsThreshold() {
        Province p = province();
        p.project("杭州市", "共富夜校").set("年参与人数", "800人").set("年参与人次", "3000人次").write();
        p.project("杭州市", "银龄课堂").set("年参与人数", "800人").set("年参与人次", "6000余人次").write();
        p.project("杭州市", "书香社区").set("年参与人数", "三千人").set("年参与人次", null).write();
        p.project("杭州市", "数字夜校").set("年参与人数", "1.2万人次").set("年参与人次", null).write();
        ValidationResult result = Runs.validate(p.root());
        assertThat(findings(result, "eligibility.participants")).singleElement().satisfies(f -> {
            assertThat(f.submission()).endsWith("共富夜校");
            assertThat(zh(f)).contains("2000 人或 6000 人次").contains("800人").contains("3000人次");
        });
    }

    @Test
    void aProjectMustBeTwoYearsOldAtTheDeadline() {
        Province p = province();
        p.project("杭州市", "共富夜校").set("创建时间", "2019年9月").write();
        p.project("杭州市", "银龄课堂").set("创建时间", "2019.08").write();
        p.project("杭州市", "书香社区").set("创建时间", "2019年").write();
        ValidationResult result = Runs.validate(p.root());
        assertThat(findings(result, "eligibility.project-age")).singleElement().satisfies(f -> {
            assertThat(f.submission()).endsWith("共富夜校");
            assertThat(zh(f)).contains("2019年9月").contains("2019年8月31日");
        });
    }

    @Test
    void aProjectNamedAfterItsUnitIsNotAProject() {
        Province p = province();
        p.project("杭州市", "西湖区社区学院").set("申报单位", "西湖区社区学院").write();
        p.project("杭州市", "拱墅区老年大学").write();
        p.project("杭州市", "运河读书会").write();
        ValidationResult result = Runs.validate(p.root());
        assertThat(findings(result, "eligibility.project-name")).extracting(f -> f.submission().substring(f.submission().lastIndexOf('/') + 1))
                .containsExactlyInAnyOrder("西湖区社区学院", "拱墅区老年大学");
    }

    @Test
    void aSeniorCadreIsAWarning() {
        Province p = province();
        p.star("杭州市", "张三").set("工作单位及职务", "某县副县长").write();
        p.star("杭州市", "李四").set("工作单位及职务", "社区读书会会长").write();
        ValidationResult result = Runs.validate(p.root());
        assertThat(findings(result, "eligibility.cadre")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(zh(f)).contains("县长");
        });
        assertThat(result.exitCode(false)).isZero();
    }

    @Test
    void aPreviousWinnerOfTheSameCategoryAndUnitIsReported() {
        Province p = province();
        p.star("嘉兴市", "周建平").set("性别", "男").write();
        p.star("杭州市", "周建平").set("性别", "男").write();
        p.project("宁波市", "书香邻里读书会").write();
        p.project("宁波市", "周建平").write();
        ValidationResult result = Runs.validate(p.root());
        assertThat(findings(result, "eligibility.previous-winner")).extracting(f -> f.submission())
                .containsExactlyInAnyOrder("嘉兴市/百姓学习之星/周建平", "宁波市/终身学习品牌项目/书香邻里读书会");
    }

    @Test
    void theBirthDateInTheIdNumberMustAgreeWithTheForm() {
        Province p = province();
        p.star("杭州市", "张三").set("出生年月", "1970年5月").write();
        p.star("杭州市", "李四").set("出生年月", "1968.05").write();
        ValidationResult result = Runs.validate(p.root());
        assertThat(findings(result, "form.field-invalid")).singleElement().satisfies(f -> {
            assertThat(f.submission()).endsWith("张三");
            assertThat(zh(f)).contains("1968-05-12");
        });
    }

    @Test
    void theSameIdNumberUnderTwoNamesIsADuplicate() {
        Province p = province();
        String id = Province.idNumber("330106", "19680512", "张三");
        p.star("杭州市", "张三").write();
        p.star("宁波市", "张珊").set("身份证号码", id).write();
        assertThat(findings(Runs.validate(p.root()), "consistency.duplicate")).hasSize(2);
    }

    @Test
    void thresholdsComeFromTheRulesFile() throws Exception {
        Province p = province();
        p.project("杭州市", "共富夜校").set("年参与人数", "2500人").set("年参与人次", null).set("创建时间", "2019年5月").write();
        assertThat(findings(Runs.validate(p.root()), "eligibility.participants")).isEmpty();
        assertThat(findings(Runs.validate(p.root()), "eligibility.project-age")).isEmpty();
        String yaml = defaultYaml().replace("    minPeople: 2000", "    minPeople: 3000")
                .replace("    minYears: 2", "    minYears: 3");
        Rules rules = RulesLoader.parse(yaml, "r.yaml", null);
        ValidationResult result = Runs.validate(rules, p.root());
        assertThat(findings(result, "eligibility.participants")).hasSize(1);
        assertThat(findings(result, "eligibility.project-age")).singleElement()
                .satisfies(f -> assertThat(zh(f)).contains("不满 3 年"));
    }

    @Test
    void aPreviousWinnersListNextToACustomRulesFileIsUsed() throws Exception {
        Path rulesFile = tmp.resolve("rules.yaml");
        Files.writeString(rulesFile, defaultYaml().replace("file: previous-winners.csv", "file: 名单.csv"));
        Files.write(tmp.resolve("名单.csv"), ("年份,类别,名称,单位\n2020,star,张三,\n").getBytes("GB18030"));
        Rules rules = RulesLoader.load(rulesFile);
        Province p = province();
        p.star("杭州市", "张三").write();
        assertThat(findings(Runs.validate(rules, p.root()), "eligibility.previous-winner")).hasSize(1);
    }

    static String defaultYaml() throws IOException {
        try (InputStream in = RulesLoader.class.getResourceAsStream(RulesLoader.DEFAULT_RESOURCE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}

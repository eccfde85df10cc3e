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
    void aProjectNamedAfterItsUnitIsAnErrorOnlyWhenThatIsCertain() {
        Province p = province();
        p.project("杭州市", "西湖区社区学院").set("申报单位", "西湖区社区学院").write();
        p.project("杭州市", "上城区社区学院").set("申报单位", "杭州市上城区社区学院").write();
        p.project("宁波市", "甬城学习").set("项目名称", "宁波市").set("申报单位", "宁波市教育局").write();
        p.project("杭州市", "拱墅区老年大学").write();
        p.project("杭州市", "运河读书会").write();
        ValidationResult result = Runs.validate(p.root());
        assertThat(findings(result, "eligibility.project-name")).allMatch(f -> f.severity() == Severity.ERROR)
                .extracting(f -> f.submission().substring(f.submission().lastIndexOf('/') + 1))
                .containsExactlyInAnyOrder("西湖区社区学院", "上城区社区学院", "甬城学习");
        assertThat(findings(result, "eligibility.project-name-suffix")).singleElement().satisfies(f -> {
            assertThat(f.submission()).endsWith("拱墅区老年大学");
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.message().args()).contains("拱墅区老年大学", "大学");
            assertThat(f.fix().render(java.util.Locale.CHINA)).contains("不必修改");
        });
    }

    /** The notice itself names such areas (智慧助老、学习型乡村建设); only 一般不以单位或院校名称上报. */
    @Test
    void projectNamesThatEndLikeAPlaceButNameAnActivityAreSilent() {
        Province p = province();
        p.project("杭州市", "智慧助老进社区").write();
        p.project("杭州市", "学习型数字乡村").write();
        p.project("杭州市", "农民田间学校").write();
        ValidationResult result = Runs.validate(p.root());
        assertThat(result.findings()).noneMatch(f -> f.rule().id().startsWith("eligibility.project-name"));
        assertThat(result.exitCode(false)).isZero();
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
    void aPreviousWinnerOfTheSameCategoryAndUnitIsAnError() {
        Province p = province();
        p.star("嘉兴市", "周建平").set("性别", "男").write();
        p.star("杭州市", "周建平").set("性别", "男").write();
        p.project("宁波市", "书香邻里读书会").write();
        p.project("宁波市", "周建平").write();
        ValidationResult result = Runs.validate(p.root());
        assertThat(findings(result, "eligibility.previous-winner")).allMatch(f -> f.severity() == Severity.ERROR)
                .extracting(f -> f.submission())
                .containsExactlyInAnyOrder("嘉兴市/百姓学习之星/周建平", "宁波市/终身学习品牌项目/书香邻里读书会");
        assertThat(findings(result, "eligibility.previous-winner-name")).isEmpty();
    }

    @Test
    void aPreviousWinnerMatchedByNameAloneIsAWarningTheUnitCanClear() throws Exception {
        Province p = province();
        p.star("杭州市", "张三").write();
        p.project("杭州市", "共富夜校").write();
        Rules rules = withList(p, "年份,类别,名称,单位,身份证号码\n2020,star,张三,,\n2019,终身学习品牌项目,共富夜校,某县文化馆,\n");
        ValidationResult result = Runs.validate(rules, p.root());
        assertThat(findings(result, "eligibility.previous-winner")).isEmpty();
        assertThat(findings(result, "eligibility.previous-winner-name")).hasSize(2).allSatisfy(f -> {
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(zh(f)).contains("同名，请核实");
            assertThat(f.fix().render(java.util.Locale.CHINA)).contains("推荐单位意见");
        }).anySatisfy(f -> assertThat(f.fix().render(java.util.Locale.CHINA)).contains("“同名不同人”"))
                .anySatisfy(f -> assertThat(f.fix().render(java.util.Locale.CHINA)).contains("“非同一项目”"));
        assertThat(result.exitCode(false)).isZero();

        // Doing what the fix says clears it.
        p.star("杭州市", "张三").set("推荐单位意见", "经核实，与2020年认定的张三同名不同人，同意推荐。").write();
        p.project("杭州市", "共富夜校").set("推荐单位意见", "非同一项目，同意推荐").write();
        assertThat(findings(Runs.validate(rules, p.root()), "eligibility.previous-winner-name")).isEmpty();
    }

    @Test
    void theIdNumberDecidesWhenBothListAndFormHaveOne() throws Exception {
        Province p = province();
        String zhang = Province.idNumber("330106", "19680512", "张三");
        String other = Province.idNumber("330203", "19700101", "王五");
        p.star("杭州市", "张三").write();
        p.star("杭州市", "李四").set("身份证号码", other).set("出生年月", "1970年1月").write();
        Rules rules = withList(p, "年份,类别,名称,单位,身份证号码\n2020,star,张三,,330203197001010000\n2019,star,李思,," + other + "\n");
        ValidationResult result = Runs.validate(rules, p.root());
        // 张三: the same name but another ID number — certainly another person, silent.
        // 李四: another name but the same ID number — certainly the same person, an error.
        assertThat(findings(result, "eligibility.previous-winner")).singleElement().satisfies(f -> {
            assertThat(f.submission()).endsWith("李四");
            assertThat(zh(f)).contains("身份证号码相同");
        });
        assertThat(findings(result, "eligibility.previous-winner-name")).isEmpty();
    }

    @Test
    void withoutAListTheReportSaysSoOnce() {
        Province p = province();
        p.star("杭州市", "张三").write();
        p.star("宁波市", "李四").write();
        ValidationResult result = Runs.validate(RulesLoader.loadDefault(), p.root());
        assertThat(findings(result, "check.not-run")).singleElement().satisfies(f -> {
            assertThat(f.submission()).isNull();
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(zh(f)).contains("没有配置往年认定名单");
            assertThat(f.message().render(java.util.Locale.ENGLISH)).contains("no list of earlier recognitions");
        });
        assertThat(result.findings()).noneMatch(f -> f.rule().id().startsWith("eligibility.previous-winner"));
        assertThat(result.exitCode(false)).isZero();
        assertThat(findings(Runs.validate(p.root()), "check.not-run")).isEmpty();
    }

    @Test
    void theShippedListHoldsNobody() {
        assertThat(RulesLoader.loadDefault().previousWinners()).isEmpty();
    }

    private Rules withList(Province p, String csv) throws Exception {
        Path list = tmp.resolve("名单.csv");
        Files.write(list, csv.getBytes(StandardCharsets.UTF_8));
        return RulesLoader.withPreviousWinners(RulesLoader.loadDefault(), list);
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
        ValidationResult result = Runs.validate(p.root());
        assertThat(findings(result, "consistency.duplicate")).hasSize(2).allMatch(f -> f.severity() == Severity.ERROR);
        assertThat(findings(result, "consistency.duplicate-name")).isEmpty();
    }

    @Test
    void theSameNameWithDifferentOrMissingIdNumbersIsOnlyAWarning() {
        Province p = province();
        p.star("杭州市", "王芳").set("身份证号码", Province.idNumber("330106", "19680512", "王芳")).write();
        p.star("宁波市", "王芳").set("身份证号码", Province.idNumber("330203", "19680512", "王芳")).write();
        p.star("温州市", "李娜").set("身份证号码", null).write();
        p.star("嘉兴市", "李娜").set("身份证号码", null).write();
        ValidationResult result = Runs.validate(p.root());
        assertThat(findings(result, "consistency.duplicate")).isEmpty();
        assertThat(findings(result, "consistency.duplicate-name")).hasSize(4).allMatch(f -> f.severity() == Severity.WARNING)
                .anySatisfy(f -> assertThat(zh(f)).contains("身份证号码不同"))
                .anySatisfy(f -> assertThat(f.fix().render(java.util.Locale.CHINA)).contains("填写身份证号码"));
        assertThat(result.exitCode(false)).isZero();
    }

    @Test
    void theSameProjectOfTheSameApplicantIsADuplicateAnotherApplicantOnlyAWarning() {
        Province p = province();
        p.project("杭州市", "共富夜校").set("申报单位", "桐庐县社区学校").write();
        p.project("宁波市", "共富夜校").set("申报单位", "桐庐县社区学校").write();
        p.project("温州市", "银龄课堂").write();
        p.project("嘉兴市", "银龄课堂").write();
        ValidationResult result = Runs.validate(p.root());
        assertThat(findings(result, "consistency.duplicate")).extracting(f -> f.submission())
                .containsExactlyInAnyOrder("杭州市/终身学习品牌项目/共富夜校", "宁波市/终身学习品牌项目/共富夜校");
        assertThat(findings(result, "consistency.duplicate-name")).extracting(f -> f.submission())
                .containsExactlyInAnyOrder("温州市/终身学习品牌项目/银龄课堂", "嘉兴市/终身学习品牌项目/银龄课堂");
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
        Files.write(tmp.resolve("名单.csv"), ("年份,类别,名称,单位\n2020,star,张三,杭州市\n").getBytes("GB18030"));
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

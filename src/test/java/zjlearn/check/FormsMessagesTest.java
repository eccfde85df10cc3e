package zjlearn.check;

import zjlearn.i18n.Msg;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import zjlearn.ValidationResult;
import zjlearn.rules.Rule;
import zjlearn.rules.Rules;
import zjlearn.rules.RulesLoader;
import zjlearn.rules.Severity;
import zjlearn.testing.Province;
import zjlearn.testing.Runs;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static zjlearn.testing.Runs.findings;
import static zjlearn.testing.Runs.zh;

/**
 * The messages of the form, consistency, eligibility, quota, scope, text and value areas: by key with
 * arguments, in the rules file's words (another year's file gets its own words and none of the old ones),
 * the {@code check.not-run} findings that must not disappear, and the sink's merging of repeated findings.
 */
class FormsMessagesTest {
    @TempDir
    Path tmp;

    private static final Set<Rule> MINE = EnumSet.of(Rule.FORM_FIELD_MISSING, Rule.FORM_FIELD_INVALID, Rule.TEXT_LENGTH,
            Rule.QUOTA_EXCEEDED, Rule.ELIGIBILITY_CADRE, Rule.ELIGIBILITY_PREVIOUS_WINNER,
            Rule.ELIGIBILITY_PREVIOUS_WINNER_NAME, Rule.ELIGIBILITY_PARTICIPANTS, Rule.ELIGIBILITY_PROJECT_AGE,
            Rule.ELIGIBILITY_PROJECT_NAME, Rule.ELIGIBILITY_PROJECT_NAME_SUFFIX, Rule.CONSISTENCY_NAME_MISMATCH,
            Rule.CONSISTENCY_REGISTRATION_LIST, Rule.CONSISTENCY_DUPLICATE, Rule.CONSISTENCY_DUPLICATE_NAME,
            Rule.CONSISTENCY_UNIT_MISMATCH, Rule.CHECK_NOT_RUN);

    /** Another year: renamed categories, forms, materials, examples and whom the cadre rule names. */
    private static Rules anotherYear() throws Exception {
        String yaml = Files.readString(Path.of("rules.yaml"), StandardCharsets.UTF_8)
                .replace("    name: 百姓学习之星\n    nameEn: Learning Star\n    aliases: [",
                        "    name: 全民学习达人\n    nameEn: Learner of the Year\n    aliases: [百姓学习之星, ")
                .replace("    name: 终身学习品牌项目\n    nameEn: Lifelong Learning Brand Project\n    aliases: [",
                        "    name: 社区教育特色项目\n    nameEn: Community Education Project\n    aliases: [终身学习品牌项目, ")
                .replace("title: 附表1 “百姓学习之星”推荐表", "title: 附件一 达人申报表")
                .replace("title: 附表3 “终身学习品牌项目”推荐表", "title: 附件三 特色项目申报表")
                .replace("    name: 推荐表\n    nameEn: nomination form", "    name: 申报表\n    nameEn: application form")
                .replace("    name: 推荐登记表\n    nameEn: registration list form", "    name: 汇总名单\n    nameEn: summary list")
                .replace("    name: 工作总结\n    nameEn: work summary", "    name: 年度报告\n    nameEn: annual report")
                .replace("examples: [共富夜校, 银龄数字课堂]", "examples: [乡村夜读]")
                .replace("excluded: 县处级以上领导干部", "excluded: 厅局级以上干部")
                .replace("excludedEn: county/division-level or higher leaders", "excludedEn: bureau-level officials");
        Rules other = RulesLoader.parse(yaml, "other.yaml", Path.of("."));
        assertThat(other.category("star").name()).isEqualTo("全民学习达人");
        assertThat(other.eligibility().cadre().excluded()).isEqualTo("厅局级以上干部");
        return other.withPreviousWinners(Runs.rules().previousWinners());
    }

    @Test
    void anotherYearsRulesFileGetsItsOwnWordsInTheseMessages() throws Exception {
        Province p = new Province(tmp.resolve("province"));
        p.star("杭州市", "张三").set("联系电话", "").set("工作单位及职务", "某市某局局长").write();
        p.star("杭州市", "李四").set("姓名", "李思").write();
        p.project("杭州市", "邻里书屋").set("年参与人数", "300人").set("年参与人次", "900人次").summaryWords(1000).write();
        p.project("宁波市", "宁波市社区学院").write();
        p.star("浙江省社区教育指导中心", "王五").write();
        p.project("浙江省社区教育指导中心", "银龄数字课堂").write();
        Rules other = anotherYear();
        ValidationResult result = Runs.validate(other, p.root());
        List<Finding> mine = result.findings().stream().filter(f -> MINE.contains(f.rule())).toList();

        assertThat(findings(result, "quota.exceeded")).singleElement().satisfies(f ->
                assertThat(zh(f)).contains("“全民学习达人”“社区教育特色项目”合计推荐了 2 个"));
        assertThat(findings(result, "form.field-missing")).extracting(Runs::zh)
                .contains("附件一 达人申报表的“联系电话”一栏没有填写");
        assertThat(findings(result, "eligibility.participants")).singleElement().satisfies(f -> {
            assertThat(zh(f)).contains("附件三 特色项目申报表填写的是 年参与人数：300人");
            assertThat(f.message().args()).contains("附件三 特色项目申报表");
        });
        assertThat(findings(result, "eligibility.project-name")).singleElement().satisfies(f -> {
            assertThat(f.expected().render(Locale.CHINA)).isEqualTo("具体的项目名称，如“乡村夜读”");
            assertThat(f.fix().render(Locale.CHINA)).endsWith("并同步修改文件夹名和汇总名单");
        });
        assertThat(findings(result, "eligibility.cadre")).singleElement().satisfies(f -> {
            assertThat(zh(f)).contains("推荐对象可能是厅局级以上干部");
            assertThat(f.message().render(Locale.ENGLISH)).contains("one of the bureau-level officials");
        });
        assertThat(findings(result, "text.length")).singleElement().satisfies(f -> {
            assertThat(zh(f)).startsWith("年度报告字数偏少");
            assertThat(f.message().render(Locale.ENGLISH)).startsWith("the annual report is short");
        });
        assertThat(findings(result, "consistency.name-mismatch")).extracting(Runs::zh)
                .anyMatch(m -> m.startsWith("申报表的“姓名”是“李思”"));

        ValidationResult category = Runs.validate(other, p.category("杭州市", Province.STAR));
        assertThat(findings(category, "check.not-run")).extracting(Runs::zh)
                .anyMatch(m -> m.contains("以及“全民学习达人”“社区教育特色项目”合计的名额"));
        mine = Stream.concat(mine.stream(), category.findings().stream().filter(f -> MINE.contains(f.rule()))).toList();

        List<String> oldWords = List.of("两类合计", "推荐表", "推荐登记表", "百姓学习之星", "终身学习品牌项目", "工作总结",
                "县处级", "共富夜校", "Learning Star", "Lifelong Learning", "nomination form", "work summary",
                "county/division");
        List<String> texts = new ArrayList<>();
        for (Finding f : mine) {
            for (Msg m : new Msg[] {f.message(), f.expected(), f.fix()}) {
                if (m != null) {
                    texts.add(m.render(Locale.CHINA));
                    texts.add(m.render(Locale.ENGLISH));
                }
            }
        }
        assertThat(texts).hasSizeGreaterThan(30);
        for (String old : oldWords) {
            assertThat(texts).as(old).noneMatch(t -> t.contains(old));
        }
    }

    @Test
    void theQuotaMessageIsAKeyWithArgumentsInBothLanguages() {
        Province p = new Province(tmp.resolve("province"));
        for (String name : new String[] {"甲一", "甲二", "甲三", "甲四"}) {
            p.star("嘉兴市", name).write();
        }
        Finding f = findings(Runs.validate(p.root()), "quota.exceeded").get(0);
        assertThat(f.message().key()).isEqualTo("quota.exceeded.message");
        assertThat(f.message().args()).element(0).isEqualTo("嘉兴市");
        assertThat(f.message().args().subList(2, 4)).containsExactly("4", "3");
        assertThat(((Msg) f.message().args().get(1)).key()).isEqualTo("quota.scope.category");
        assertThat(f.message().args().get(4)).isInstanceOf(java.util.List.class);
        assertThat(String.valueOf(f.message().args().get(4))).contains("甲一", "甲二", "甲三", "甲四");
        assertThat(f.message().render(Locale.ENGLISH)).containsPattern("\\(甲.(, 甲.){3}\\)$");
        assertThat(zh(f)).containsPattern("（甲.(、甲.){3}）$");
        assertThat(zh(f)).startsWith("嘉兴市“百姓学习之星”推荐了 4 个，超过名额 3 个（");
        assertThat(f.message().render(Locale.ENGLISH)).startsWith("嘉兴市 sent 4 in Learning Star, over its quota of 3 (");
        assertThat(f.fix().key()).isEqualTo("quota.exceeded.fix");
        assertThat(f.fix().args()).containsExactly("1");
    }

    @Test
    void valueHintsUseNoCampaignExample() {
        Province p = new Province(tmp.resolve("province"));
        p.star("杭州市", "张三").set("联系电话", "8803128").write();
        p.project("杭州市", "共富夜校").set("年参与人数", "很多").set("年参与人次", "不少").write();
        ValidationResult result = Runs.validate(p.root());
        assertThat(findings(result, "form.field-invalid")).filteredOn(f -> f.expected().key().equals("value.phone.expected"))
                .hasSize(2).allSatisfy(f -> {
                    assertThat(f.expected().render(Locale.CHINA)).doesNotContain("88031282");
                    assertThat(f.fix().render(Locale.ENGLISH)).startsWith("write \"联系电话\" as an 11-digit mobile number");
                });
        assertThat(findings(result, "form.field-invalid")).filteredOn(f -> f.expected().key().equals("value.count.expected"))
                .isNotEmpty().allSatisfy(f -> assertThat(f.expected().render(Locale.CHINA))
                        .doesNotContain("2000").doesNotContain("6000"));
    }

    // check.not-run: a check that could not run says so, rather than passing silently.

    @Test
    void withoutAListOfEarlierRecognitionsTheReportSaysTheCheckDidNotRun() {
        Province p = new Province(tmp.resolve("province"));
        p.star("杭州市", "张三").write();
        ValidationResult result = Runs.validate(RulesLoader.loadDefault(), p.root());
        assertThat(findings(result, "check.not-run")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.message().key()).isEqualTo("eligibility.previous-winners.none.message");
            assertThat(f.message().args()).containsExactly("previous-winners.csv");
            assertThat(zh(f)).startsWith("没有配置往年认定名单");
            assertThat(f.fix().render(Locale.ENGLISH)).contains("--previous-winners");
        });
        assertThat(findings(Runs.validate(p.root()), "check.not-run")).isEmpty();
    }

    @Test
    void participantsWrittenInWordsAreNotJudgedButSaidToBeUnjudged() {
        Province p = new Province(tmp.resolve("province"));
        p.project("杭州市", "共富夜校").set("年参与人数", "很多").set("年参与人次", "不少").write();
        ValidationResult result = Runs.validate(p.root());
        assertThat(findings(result, "eligibility.participants")).isEmpty();
        assertThat(findings(result, "check.not-run")).singleElement().satisfies(f -> {
            assertThat(f.submission()).endsWith("共富夜校");
            assertThat(f.message().key()).isEqualTo("eligibility.participants.unreadable.message");
            assertThat(f.message().args()).containsExactly("很多", "不少", "年参与人数", "年参与人次");
            assertThat(f.expected().render(Locale.CHINA)).isEqualTo("如 2000人、6000人次");
        });
    }

    @Test
    void oneNomineeAloneIsToldThatTheQuotaAndDuplicateChecksDidNotRun() {
        Province p = new Province(tmp.resolve("province"));
        Path zhang = p.star("杭州市", "张三").write();
        ValidationResult result = Runs.validate(zhang);
        assertThat(findings(result, "check.not-run")).singleElement().satisfies(f -> {
            assertThat(f.message().key()).isEqualTo("scope.not-run.message");
            assertThat(((Msg) f.message().args().get(0)).key()).isEqualTo("scope.skipped.submission");
            assertThat(f.message().render(Locale.ENGLISH))
                    .isEqualTo("only the folder given was checked; the quota check and the check for nominees sent twice"
                            + " did not run, as it needs the whole province");
        });
    }

    // The sink merges a finding reported twice.

    @Test
    void twoIdenticalFindingsAreOne() {
        FindingSink sink = new FindingSink(Runs.rules());
        for (int i = 0; i < 2; i++) {
            sink.add(Rule.FORM_FIELD_MISSING, "杭州市/百姓学习之星/张三", "杭州市/百姓学习之星/张三/推荐表.docx",
                    Msg.key("form.field.empty.message", "附表1", "联系电话"), Msg.key("form.field.expected", "联系电话"),
                    Msg.key("form.field.empty.actual"), Msg.key("form.field.empty.fix", "联系电话"));
        }
        sink.add(Rule.FORM_FIELD_MISSING, "杭州市/百姓学习之星/张三", "杭州市/百姓学习之星/张三/推荐表.docx",
                Msg.key("form.field.empty.message", "附表1", "性别"), Msg.key("form.field.expected", "性别"),
                Msg.key("form.field.empty.actual"), Msg.key("form.field.empty.fix", "性别"));
        assertThat(sink.findings()).hasSize(2);
    }

    @Test
    void aUnitNamedTwiceInOneListIsReportedOnce() {
        Province p = new Province(tmp.resolve("province"));
        p.star("杭州市", "张三").set("推荐单位", "宁波市").write();
        ValidationResult result = Runs.validate(p.root());
        // The list form names 宁波市 twice — above its table (推荐单位：…) and in the row — which is one problem.
        assertThat(findings(result, "consistency.unit-mismatch")).extracting(Finding::file)
                .containsExactlyInAnyOrder("杭州市/百姓学习之星/张三/推荐表.docx", "杭州市/百姓学习之星/张三/推荐登记表.docx");
        assertThat(findings(result, "consistency.unit-mismatch")).allSatisfy(f -> {
            assertThat(f.message().key()).isEqualTo("consistency.unit.message");
            assertThat(f.message().args()).contains("推荐单位", "宁波市", "杭州市");
            assertThat(f.fix().render(Locale.CHINA)).isEqualTo("确认材料是否放错了单位；若推荐单位填错，请改正后重新盖章");
        });
    }

    /** Each check reports only the rules it declares. */
    @Test
    void everyCheckReportsOnlyTheRulesItDeclares() {
        ValidationResult samples = Runs.validate(Path.of("samples"));
        assertThat(samples.findings()).hasSizeGreaterThan(10);
        int declared = 0;
        for (Check check : Checker.checks()) {
            if (check.emits().isEmpty()) {
                continue;
            }
            declared++;
            FindingSink sink = new FindingSink(samples.validation().rules());
            check.run(samples.validation(), sink);
            assertThat(sink.findings()).as(check.getClass().getSimpleName())
                    .allSatisfy(f -> assertThat(check.emits()).contains(f.rule()));
        }
        assertThat(declared).isGreaterThanOrEqualTo(7);
    }
}

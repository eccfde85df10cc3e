package zjlearn.check;

import zjlearn.i18n.Msg;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import zjlearn.ValidationResult;
import zjlearn.rules.Rules;
import zjlearn.rules.RulesLoader;
import zjlearn.testing.Province;
import zjlearn.testing.Runs;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static zjlearn.testing.Runs.findings;

/**
 * The notice's own words that messages quote (“一般不以单位或院校名称上报”, “原则上不再推荐”, “除特殊情况外，一般不推荐”)
 * come from the rules file's {@code noticeWords}: another year's words are quoted instead, and a rules file without
 * them quotes nothing.
 */
class NoticeWordsTest {
    private static final List<String> WORDS_2021 = List.of("一般不以单位或院校名称上报", "原则上不再推荐", "除特殊情况外，一般不推荐");

    @TempDir
    Path tmp;

    private Path province() {
        Province p = new Province(tmp.resolve("省"));
        p.project("杭州市", "西湖区社区学院").set("申报单位", "西湖区社区学院").write();
        p.project("杭州市", "拱墅区老年大学").write();
        p.star("杭州市", "张三").set("工作单位及职务", "某县副县长").write();
        p.star("嘉兴市", "周建平").set("性别", "男").write();
        return p.root();
    }

    private static Rules rules(String yaml) throws Exception {
        List<Rules.PreviousWinner> winners = List.of(new Rules.PreviousWinner(2020, "star", "周建平", "嘉兴市", "", "名单.csv", 2));
        return RulesLoader.parse(yaml, "r.yaml", null).withPreviousWinners(winners);
    }

    @Test
    void theShippedRulesQuoteTheNoticeInBothLanguages() throws Exception {
        ValidationResult result = Runs.validate(rules(EligibilityTest.defaultYaml()), province());
        Finding name = findings(result, "eligibility.project-name").get(0);
        assertThat(name.fix().key()).isEqualTo("eligibility.project-name.fix.list.notice");
        assertThat(name.fix().args()).last().isEqualTo("一般不以单位或院校名称上报");
        assertThat(name.fix().render(Locale.CHINA)).startsWith("按通知“一般不以单位或院校名称上报”，改为能体现活动内容的项目名称");
        assertThat(name.fix().render(Locale.ENGLISH)).contains("(notice: “一般不以单位或院校名称上报”)");

        Finding suffix = findings(result, "eligibility.project-name-suffix").get(0);
        assertThat(suffix.fix().key()).isEqualTo("eligibility.project-name-suffix.fix.notice");
        assertThat(suffix.fix().args()).containsExactly("拱墅区老年大学", "一般不以单位或院校名称上报");

        Finding cadre = findings(result, "eligibility.cadre").get(0);
        assertThat(cadre.message().key()).isEqualTo("eligibility.cadre.message.notice");
        assertThat(cadre.message().render(Locale.CHINA)).isEqualTo("“某县副县长”中含“县长”，推荐对象可能是县处级以上领导干部（通知：“除特殊情况外，一般不推荐”）");
        assertThat(cadre.message().render(Locale.ENGLISH)).isEqualTo("\"某县副县长\" contains \"县长\": the nominee may be one of the "
                + "county/division-level or higher leaders, whom the notice generally does not want nominated (notice: “除特殊情况外，一般不推荐”)");

        Finding winner = findings(result, "eligibility.previous-winner").get(0);
        assertThat(winner.message().key()).isEqualTo("eligibility.previous-winner.message.notice");
        assertThat(winner.message().render(Locale.CHINA)).endsWith("，按通知“原则上不再推荐”");
    }

    @Test
    void anotherYearsWordsAreQuotedAndNoneOfTheOldOnes() throws Exception {
        String yaml = EligibilityTest.defaultYaml()
                .replace("noticeWords: 一般不以单位或院校名称上报", "noticeWords: 项目名称应体现项目内容")
                .replace("noticeWords: 原则上不再推荐", "noticeWords: 已认定的不得重复申报")
                .replace("noticeWords: 除特殊情况外，一般不推荐", "noticeWords: 不推荐");
        ValidationResult result = Runs.validate(rules(yaml), province());
        List<Finding> quoted = result.findings().stream().filter(f -> f.rule().id().startsWith("eligibility.")).toList();
        assertThat(quoted).extracting(f -> f.rule().id()).contains("eligibility.project-name", "eligibility.project-name-suffix",
                "eligibility.cadre", "eligibility.previous-winner");
        String all = String.join("\n", quoted.stream().flatMap(f -> java.util.stream.Stream.of(f.message(), f.fix()))
                .flatMap(m -> java.util.stream.Stream.of(m.render(Locale.CHINA), m.render(Locale.ENGLISH))).toList());
        assertThat(all).contains("按通知“项目名称应体现项目内容”", "按通知“已认定的不得重复申报”", "（通知：“不推荐”）",
                "(notice: “已认定的不得重复申报”)");
        WORDS_2021.forEach(w -> assertThat(all).doesNotContain(w));
    }

    @Test
    void aRulesFileWithoutThemQuotesNothing() throws Exception {
        String yaml = EligibilityTest.defaultYaml().replaceAll("(?m)^ *noticeWords:.*\\n", "");
        assertThat(yaml).doesNotContain("noticeWords");
        ValidationResult result = Runs.validate(rules(yaml), province());
        List<Finding> eligibility = result.findings().stream().filter(f -> f.rule().id().startsWith("eligibility.")).toList();
        assertThat(eligibility).extracting(f -> f.rule().id()).contains("eligibility.project-name", "eligibility.project-name-suffix",
                "eligibility.cadre", "eligibility.previous-winner");
        for (Finding f : eligibility) {
            for (Msg m : List.of(f.message(), f.fix())) {
                assertThat(m.key()).as(f.rule().id()).doesNotEndWith(".notice");
                assertThat(m.render(Locale.CHINA)).doesNotContain("按通知“").doesNotContain("通知：");
                assertThat(m.render(Locale.ENGLISH)).doesNotContain("notice: ");
            }
        }
        assertThat(findings(result, "eligibility.cadre").get(0).message().render(Locale.CHINA))
                .isEqualTo("“某县副县长”中含“县长”，推荐对象可能是通知一般不推荐的县处级以上领导干部");
    }
}

package zjlearn.rules;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class RulesLoaderTest {
    static String defaultYaml() throws IOException {
        try (InputStream in = RulesLoader.class.getResourceAsStream(RulesLoader.DEFAULT_RESOURCE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void theEmbeddedRulesExpressTheNotice() {
        Rules rules = RulesLoader.loadDefault();
        assertThat(rules.units()).hasSize(12);
        assertThat(rules.units().stream().filter(u -> Integer.valueOf(4).equals(u.quotaPerCategory())))
                .extracting(Rules.UnitDef::name).containsExactly("杭州市", "宁波市", "温州市");
        assertThat(rules.units().get(11).quotaTotal()).isEqualTo(1);
        assertThat(rules.campaign().deadline()).hasToString("2021-08-31");
        assertThat(rules.category("project").summary().warning().min()).isEqualTo(1800);
        assertThat(rules.video().fps()).isEqualTo(25.0);
        assertThat(rules.eligibility().participants().minParticipations()).isEqualTo(6000);
    }

    @Test
    void theNewImageAndPreviousWinnerKeysAreChecked() throws IOException {
        String yaml = defaultYaml().replace("roles: [photo, id-photo]\n    patterns: [\"Screenshot*\"", "roles: [photo, 照片]\n    patterns: [\"Screenshot*\"")
                .replace("[750×1334, ", "[750×1334, 大屏, ")
                .replace("      project: [非同一项目", "      projekt: [非同一项目");
        RulesException e = catchThrowableOfType(RulesException.class, () -> RulesLoader.parse(yaml, "r.yaml", null));
        assertThat(e.problems()).extracting(RulesException.Problem::message)
                .anySatisfy(m -> assertThat(m).contains("“照片”不在 roles 中"))
                .anySatisfy(m -> assertThat(m).contains("“大屏”不是“宽×高”"))
                .anySatisfy(m -> assertThat(m).contains("“projekt”不在 categories 中"));
    }

    @Test
    void anUnknownKeyIsReportedWithLineAndColumn() throws IOException {
        String yaml = defaultYaml().replace("    quotaPerCategory: 4\n  - name: 宁波市", "    quota: 4\n  - name: 宁波市");
        RulesException e = catchThrowableOfType(RulesException.class, () -> RulesLoader.parse(yaml, "my.yaml", null));
        assertThat(e.problems()).hasSize(1);
        RulesException.Problem p = e.problems().get(0);
        assertThat(p.file()).isEqualTo("my.yaml");
        assertThat(p.line()).isEqualTo(lineOf(yaml, "    quota: 4"));
        assertThat(p.column()).isEqualTo(5);
        assertThat(p.message()).contains("不认识的键“quota”").contains("quotaPerCategory");
    }

    @Test
    void aWrongTypeIsReportedWithLine() throws IOException {
        String yaml = defaultYaml().replace("minParticipations: 6000", "minParticipations: 六千");
        RulesException e = catchThrowableOfType(RulesException.class, () -> RulesLoader.parse(yaml, "r.yaml", null));
        assertThat(e.problems().get(0).line()).isEqualTo(lineOf(yaml, "    minParticipations: 六千"));
        assertThat(e.problems().get(0).message()).contains("六千").contains("整数");
    }

    @Test
    void anEmptyFileIsSaidToBeEmpty() {
        for (String empty : new String[] {"", "\n\n", "# 只有注释\n  \n"}) {
            RulesException e = catchThrowableOfType(RulesException.class, () -> RulesLoader.parse(empty, "r.yaml", null));
            assertThat(e.problems()).singleElement().satisfies(p -> {
                assertThat(p.message()).isEqualTo("规则文件是空的");
                assertThat(p.render(java.util.Locale.ENGLISH)).isEqualTo("r.yaml:1:1: the rules file is empty");
            });
        }
    }

    @Test
    void aYamlSyntaxErrorIsReportedWithLine() throws IOException {
        String yaml = defaultYaml().replace("  name: 2021年", "  name: [2021年");
        RulesException e = catchThrowableOfType(RulesException.class, () -> RulesLoader.parse(yaml, "r.yaml", null));
        assertThat(e.problems().get(0).line()).isPositive();
        assertThat(e.problems().get(0).toString()).startsWith("r.yaml:");
    }

    @Test
    void semanticMistakesPointAtTheirLine() throws IOException {
        String yaml = defaultYaml()
                .replace("      - roles: [summary]\n        min: 1", "      - roles: [sumary]\n        min: 1")
                .replace("  eligibility.cadre: warning", "  eligibility.cadres: warning")
                .replace("    quotaPerCategory: 3\n  - name: 湖州市", "    quotaPerCategory: 3\n    quotaTotal: 3\n  - name: 湖州市");
        RulesException e = catchThrowableOfType(RulesException.class, () -> RulesLoader.parse(yaml, "r.yaml", null));
        assertThat(e.problems()).extracting(RulesException.Problem::message)
                .anySatisfy(m -> assertThat(m).contains("sumary"))
                .anySatisfy(m -> assertThat(m).contains("eligibility.cadres"))
                .anySatisfy(m -> assertThat(m).contains("嘉兴市").contains("quotaTotal"));
        assertThat(e.problems()).filteredOn(p -> p.message().contains("sumary"))
                .extracting(RulesException.Problem::line).containsExactly(lineOf(yaml, "      - roles: [sumary]"));
        assertThat(e.problems()).filteredOn(p -> p.message().contains("cadres"))
                .extracting(RulesException.Problem::line).containsExactly(lineOf(yaml, "  eligibility.cadres: warning"));
    }

    @Test
    void summaryColumnsMustBeFieldsOfTheNominationForm() throws IOException {
        assertThat(RulesLoader.loadDefault().category("star").summaryColumns())
                .containsExactly("性别", "出生年月", "工作单位及职务", "联系电话");
        String yaml = defaultYaml().replace("summaryColumns: [性别, 出生年月, 工作单位及职务, 联系电话]",
                "summaryColumns: [性别, 身高]");
        RulesException e = catchThrowableOfType(RulesException.class, () -> RulesLoader.parse(yaml, "r.yaml", null));
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.message()).contains("summaryColumns").contains("身高");
            assertThat(p.line()).isEqualTo(lineOf(yaml, "    summaryColumns: [性别, 身高]"));
        });
    }

    @Test
    void aMissingRequiredKeyIsNamed() throws IOException {
        String yaml = defaultYaml().replace("  deadline: 2021-08-31", "");
        assertThatThrownBy(() -> RulesLoader.parse(yaml, "r.yaml", null))
                .isInstanceOf(RulesException.class).hasMessageContaining("deadline");
    }

    @Test
    void severityOverridesApply() throws Exception {
        String yaml = defaultYaml().replace("  file.type-mismatch: warning", "  file.type-mismatch: off\n  text.length: warning");
        Rules rules = RulesLoader.parse(yaml, "r.yaml", null);
        assertThat(Rule.FILE_TYPE_MISMATCH.effective(rules)).isEqualTo(Severity.OFF);
        assertThat(Rule.TEXT_LENGTH.effective(rules)).isEqualTo(Severity.WARNING);
        assertThat(Rule.QUOTA_EXCEEDED.effective(rules)).isEqualTo(Severity.ERROR);
    }

    static int lineOf(String text, String line) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].equals(line)) {
                return i + 1;
            }
        }
        throw new AssertionError("no line " + line);
    }
}

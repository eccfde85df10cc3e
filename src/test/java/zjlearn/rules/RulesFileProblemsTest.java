package zjlearn.rules;

import org.junit.jupiter.api.Test;
import zjlearn.i18n.Bundles;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Mistakes in the rules file are told by key (area rulesfile) and rendered in the run's language. */
class RulesFileProblemsTest {
    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");

    private static RulesException problems(String yaml) {
        return catchThrowableOfType(RulesException.class, () -> RulesLoader.parse(yaml, "r.yaml", null));
    }

    @Test
    void anUnknownKeyIsToldInBothLanguages() throws IOException {
        String yaml = RulesLoaderTest.defaultYaml().replace("    quotaPerCategory: 4\n  - name: 宁波市", "    quota: 4\n  - name: 宁波市");
        RulesException.Problem p = problems(yaml).problems().get(0);
        assertThat(p.text().key()).isEqualTo("rulesfile.unknown-key.known");
        assertThat(p.text().args().get(0)).isEqualTo("quota");
        assertThat(p.render(Locale.CHINESE)).contains("不认识的键“quota”（位置：units[0].quota）；此处可用的键：")
                .contains("aliases、name");
        assertThat(p.render(Locale.ENGLISH)).startsWith("r.yaml:" + p.line() + ":5: unknown key \"quota\" (at units[0].quota); keys allowed here: ")
                .contains("aliases, name");
        assertThat(HAN.matcher(p.render(Locale.ENGLISH)).find()).isFalse();
    }

    @Test
    void aWrongValueAndAMissingKeyAreToldInEnglish() throws IOException {
        RulesException.Problem wrong = problems(RulesLoaderTest.defaultYaml().replace("minParticipations: 6000", "minParticipations: 六千"))
                .problems().get(0);
        assertThat(wrong.render(Locale.ENGLISH)).contains("\"六千\"").contains("; wanted: a whole number");
        assertThat(wrong.message()).contains("（需要：整数）");

        RulesException.Problem missing = problems(RulesLoaderTest.defaultYaml().replace("    minYears: 2\n", "")).problems().get(0);
        assertThat(missing.text().key()).isEqualTo("rulesfile.missing-key");
        assertThat(missing.render(Locale.ENGLISH)).contains("the required key \"minYears\" is missing (at eligibility.projectAge.minYears)");
        assertThat(missing.message()).contains("缺少必填的键“minYears”（位置：eligibility.projectAge.minYears）");
    }

    @Test
    void aRulesOwnSettingOfTheWrongKindIsToldInBothLanguages() throws IOException {
        RulesException.Problem p = problems(RulesLoaderTest.defaultYaml().replace("  minKbps: 300", "  minKbps: 三百"))
                .problems().get(0);
        assertThat(p.text().key()).isEqualTo("rulesfile.param.kind");
        assertThat(p.message()).isEqualTo("video.minKbps 应为整数，现在是“三百”");
        assertThat(p.text().render(Locale.ENGLISH)).isEqualTo("video.minKbps must be a whole number, not \"三百\"");
        RulesException.Problem low = problems(RulesLoaderTest.defaultYaml().replace("  minKbps: 300", "  minKbps: 0"))
                .problems().get(0);
        assertThat(low.text().render(Locale.ENGLISH)).isEqualTo("video.minKbps must be at least 1, not 0");
    }

    @Test
    void theValidatorsFindingsAreToldInBothLanguages() throws IOException {
        String yaml = RulesLoaderTest.defaultYaml().replace("  eligibility.cadre: warning", "  eligibility.cadres: warning")
                .replace("    minYears: 2", "    minYears: -1");
        RulesException e = problems(yaml);
        assertThat(e.problems()).extracting(p -> p.text().key())
                .contains("rulesfile.severity.unknown-rule", "rulesfile.not-negative");
        assertThat(e.problems()).extracting(p -> p.render(Locale.ENGLISH))
                .anySatisfy(m -> assertThat(m).endsWith("unknown rule \"eligibility.cadres\"; zjlearn rules list lists every rule"))
                .anySatisfy(m -> assertThat(m).endsWith("minYears cannot be negative"));
        assertThat(e.problems()).extracting(RulesException.Problem::message)
                .anySatisfy(m -> assertThat(m).isEqualTo("未知的规则“eligibility.cadres”；zjlearn rules list 列出所有规则"));
    }

    @Test
    void aListOfEarlierRecognitionsWithMistakesIsToldInEnglish() throws Exception {
        Path list = Files.createTempFile("名单", ".csv");
        try {
            Files.writeString(list, "年份,类别,名称,单位\n二〇二〇,star,张三,杭州市\n2020,明星,李四,杭州市\n", StandardCharsets.UTF_8);
            RulesException e = catchThrowableOfType(RulesException.class,
                    () -> RulesLoader.withPreviousWinners(RulesLoader.loadDefault(), list));
            assertThat(e.problems()).extracting(p -> p.text().key())
                    .containsExactly("rulesfile.previous-winners.year", "rulesfile.previous-winners.category");
            assertThat(e.problems().get(1).render(Locale.ENGLISH))
                    .endsWith("the category \"明星\" is not one of the rules file's categories (write star, project or a category's name)");
            assertThat(e.problems().get(1).message()).endsWith("类别“明星”不是规则中的类别（可写：star、project 或类别名称）");
        } finally {
            Files.deleteIfExists(list);
        }
    }

    /** Every rulesfile key the rules package names is in both bundles (a missing one would print as its key). */
    @Test
    void everyKeyTheRulesPackageUsesIsInBothLanguages() throws IOException {
        Set<String> keys = new TreeSet<>();
        Matcher m = Pattern.compile("\"(rulesfile\\.[a-z0-9.-]*[a-z0-9])\"").matcher(
                Files.readString(Path.of("src/main/java/zjlearn/rules/RulesValidator.java"))
                        + Files.readString(Path.of("src/main/java/zjlearn/rules/RulesLoader.java"))
                        + Files.readString(Path.of("src/main/java/zjlearn/rules/PreviousWinnersReader.java"))
                        + Files.readString(Path.of("src/main/java/zjlearn/rules/RulesException.java"))
                        + Files.readString(Path.of("src/main/java/zjlearn/rules/Param.java")));
        while (m.find()) {
            keys.add(m.group(1));
        }
        assertThat(keys).hasSizeGreaterThan(40);
        assertThat(keys).allSatisfy(k -> {
            assertThat(Bundles.has(k, Locale.CHINESE)).as(k).isTrue();
            assertThat(Bundles.has(k, Locale.ENGLISH)).as(k).isTrue();
        });
    }
}

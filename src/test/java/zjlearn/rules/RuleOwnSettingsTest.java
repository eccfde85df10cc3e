package zjlearn.rules;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A setting that belongs to one rule alone ({@link Param}, here {@code video.minKbps} of {@code video.bitrate}) is
 * declared with the rule, not as a field of the {@link Rules} records: the loader accepts it, checks it and keeps it.
 */
class RuleOwnSettingsTest {
    static final String LINE = "  minKbps: 300\n";

    static String yaml() throws IOException {
        String yaml = RulesLoaderTest.defaultYaml();
        assertThat(yaml).contains(LINE);
        return yaml;
    }

    static int lineOf(String text, String line) {
        return text.substring(0, text.indexOf(line)).split("\n", -1).length;
    }

    @Test
    void theBuiltInValueIsReadByItsDeclaredPath() {
        Rules rules = RulesLoader.loadDefault();
        assertThat(Rule.VIDEO_BITRATE.param(rules, "video.minKbps")).hasValueSatisfying(v -> assertThat(v.intValue()).isEqualTo(300));
        assertThat(Rule.VIDEO_BITRATE.params()).containsExactly("video.minKbps");
        assertThat(Rule.VIDEO_BITRATE.words(rules)).containsExactly("300");
        assertThat(Rule.VIDEO_BITRATE.meaning(rules, Locale.CHINA)).contains("300 kbit/s");
        assertThat(RuleExplainer.explain(rules, Rule.VIDEO_BITRATE, Locale.ENGLISH)).contains("  video.minKbps: 300");
    }

    @Test
    void anotherValueIsUsedInTheWords() throws Exception {
        Rules rules = RulesLoader.parse(yaml().replace(LINE, "  minKbps: 1500\n"), "r.yaml", null);
        assertThat(Rule.VIDEO_BITRATE.meaning(rules, Locale.ENGLISH)).contains("1500 kbit/s");
        assertThat(RuleExplainer.explain(rules, Rule.VIDEO_BITRATE, Locale.CHINA)).contains("  video.minKbps: 1500");
    }

    @Test
    void leftOutTheSettingIsAbsentAndTheFileStillLoads() throws Exception {
        Rules rules = RulesLoader.parse(yaml().replace(LINE, ""), "r.yaml", null);
        assertThat(Rule.VIDEO_BITRATE.param(rules, "video.minKbps")).isEmpty();
        assertThat(RuleExplainer.explain(rules, Rule.VIDEO_BITRATE, Locale.CHINA)).anySatisfy(l -> assertThat(l).contains("无参数"));
        assertThat(Rule.VIDEO_BITRATE.meaning(rules, Locale.CHINA)).isEqualTo("不检查：规则文件没有设定 video.minKbps");
        assertThat(Rule.VIDEO_BITRATE.fix(rules, Locale.ENGLISH)).isEqualTo("set video.minKbps in the rules file to have it checked");
    }

    @Test
    void aValueOfTheWrongKindIsAProblemAtItsLine() throws IOException {
        String yaml = yaml().replace(LINE, "  minKbps: 三百\n");
        RulesException e = catchThrowableOfType(RulesException.class, () -> RulesLoader.parse(yaml, "r.yaml", null));
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(lineOf(yaml, "  minKbps: 三百"));
            assertThat(p.message()).isEqualTo("video.minKbps 应为整数，现在是“三百”");
            assertThat(p.render(Locale.ENGLISH)).endsWith("video.minKbps must be a whole number, not \"三百\"");
        });
    }

    @Test
    void aValueUnderItsLowerBoundIsAProblem() throws IOException {
        String yaml = yaml().replace(LINE, "  minKbps: 0\n");
        RulesException e = catchThrowableOfType(RulesException.class, () -> RulesLoader.parse(yaml, "r.yaml", null));
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(lineOf(yaml, "  minKbps: 0"));
            assertThat(p.message()).isEqualTo("video.minKbps 不能小于 1，现在是 0");
            assertThat(p.render(Locale.ENGLISH)).endsWith("video.minKbps must be at least 1, not 0");
        });
    }

    @Test
    void aKeyNoRuleDeclaresIsStillRefused() throws IOException {
        for (String wrong : List.of("  maxKbps: 300\n", "  minkbps: 300\n")) {
            String yaml = yaml().replace(LINE, wrong);
            RulesException e = catchThrowableOfType(RulesException.class, () -> RulesLoader.parse(yaml, "r.yaml", null));
            assertThat(e.problems()).singleElement().satisfies(p -> {
                assertThat(p.line()).isEqualTo(lineOf(yaml, wrong.stripTrailing()));
                assertThat(p.message()).contains(wrong.strip().replaceAll(":.*", "")).contains("minKbps").contains("codecName");
            });
        }
    }

    @Test
    void theSameNameElsewhereIsNotTheRulesSetting() throws IOException {
        String yaml = yaml().replace("\nlimits:\n", "\nlimits:\n  minKbps: 300\n");
        assertThat(yaml).contains("limits:\n  minKbps");
        assertThatThrownBy(() -> RulesLoader.parse(yaml, "r.yaml", null)).isInstanceOf(RulesException.class);
    }

    @Test
    void aCheckCannotAskForASettingItsRuleDoesNotDeclare() {
        Rules rules = RulesLoader.loadDefault();
        assertThatThrownBy(() -> Rule.VIDEO_AUDIO.param(rules, "video.minKbps")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Rule.VIDEO_BITRATE.param(rules, "video.maxKbps")).isInstanceOf(IllegalArgumentException.class);
    }
}

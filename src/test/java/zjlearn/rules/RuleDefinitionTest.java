package zjlearn.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Test;
import zjlearn.i18n.Bundles;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every rule is one complete definition: unique id, a meaning and a fix in both languages, parameters that exist. */
class RuleDefinitionTest {
    private static final Rules RULES = RulesLoader.loadDefault();

    @Test
    void idsAreUniqueAndWellFormed() {
        Set<String> seen = new HashSet<>();
        for (Rule rule : Rule.values()) {
            assertThat(rule.id()).matches("[a-z]+\\.[a-z]+(-[a-z]+)*");
            assertThat(seen.add(rule.id())).as(rule.id()).isTrue();
            assertThat(rule.name()).isEqualTo(rule.id().toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_'));
            assertThat(Rule.byId(rule.id())).contains(rule);
        }
        assertThat(Rule.byId("no.such-rule")).isEmpty();
    }

    @Test
    void everyRuleHasAMeaningAndAFixInBothLanguages() {
        for (Rule rule : Rule.values()) {
            for (Locale locale : List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH)) {
                for (String part : List.of(".meaning", ".usual-fix")) {
                    String key = rule.id() + part;
                    assertThat(Bundles.has(key, locale)).as(key + " " + locale).isTrue();
                }
                assertThat(rule.meaning(RULES, locale)).as(rule.id()).isNotBlank().doesNotContain("{");
                assertThat(rule.fix(RULES, locale)).as(rule.id()).isNotBlank().doesNotContain("{");
            }
            assertThat(rule.meaning(RULES, Locale.CHINA)).as(rule.id()).containsPattern("\\p{IsHan}");
            String english = rule.meaning(RULES, Locale.ENGLISH) + rule.fix(RULES, Locale.ENGLISH);
            for (Object word : rule.words(RULES)) {
                english = english.replace(String.valueOf(word), "");
            }
            assertThat(english).as(rule.id() + ": English apart from the rules file's words").doesNotContainPattern("\\p{IsHan}");
        }
    }

    @Test
    void anotherYearsRulesFileGetsItsOwnWordsInMeaningsAndFixes() throws Exception {
        String yaml = Files.readString(Path.of("rules.yaml"), StandardCharsets.UTF_8)
                .replace("  width: 1280\n  height: 720\n", "  width: 1920\n  height: 1080\n")
                .replace("  fps: 25\n", "  fps: 30\n")
                .replace("folder: 全国推荐材料", "folder: 国家级推荐材料")
                .replace("codecName: H.264", "codecName: H.265")
                .replace("sizeName: 二寸", "sizeName: 一寸");
        Rules other = RulesLoader.parse(yaml, "other.yaml", Path.of("."));
        assertThat(Rule.VIDEO_RESOLUTION.meaning(other, Locale.CHINA)).contains("1920×1080").doesNotContain("1280");
        assertThat(Rule.VIDEO_FPS.fix(other, Locale.ENGLISH)).contains("constant 30 fps").doesNotContain("25");
        assertThat(Rule.VIDEO_CODEC.meaning(other, Locale.CHINA)).isEqualTo("视频编码不是 H.265");
        assertThat(Rule.LAYOUT_NATIONAL_MISPLACED.fix(other, Locale.CHINA)).contains("“国家级推荐材料”").doesNotContain("全国推荐材料");
        assertThat(Rule.IMAGE_ASPECT.meaning(other, Locale.CHINA)).startsWith("证件照不是一寸竖版比例");
        assertThat(RuleExplainer.explain(other, Rule.VIDEO_FPS, Locale.CHINA)).contains("  video.fps: 30");
    }

    @Test
    void everyBundleHasTheSameKeysInBothLanguages() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/zjlearn/i18n"))) {
            List<Path> zh = files.filter(p -> p.getFileName().toString().endsWith("_zh.properties")).toList();
            assertThat(zh).isNotEmpty();
            for (Path z : zh) {
                Path en = z.resolveSibling(z.getFileName().toString().replace("_zh.", "_en."));
                assertThat(load(z).stringPropertyNames()).as(z.toString()).isEqualTo(load(en).stringPropertyNames());
            }
        }
    }

    @Test
    void everyParameterIsAnEntryOfTheDefaultRulesFile() {
        JsonNode tree = new ObjectMapper().registerModule(new JavaTimeModule()).valueToTree(RULES);
        List<String> missing = new ArrayList<>();
        for (Rule rule : Rule.values()) {
            for (String param : rule.params()) {
                if (!exists(tree, param.split("\\."), 0) && RULES.param(param).isEmpty()) {
                    missing.add(rule.id() + " → " + param);
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void everyRuleIsNamedInSomeTestBesideTheStructureTests() throws IOException {
        StringBuilder tests = new StringBuilder();
        try (Stream<Path> files = Files.walk(Path.of("src/test/java"))) {
            for (Path p : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String name = p.getFileName().toString();
                if (!name.equals("RuleDefinitionTest.java") && !name.equals("ReadmeRulesTableTest.java")) {
                    tests.append(Files.readString(p, StandardCharsets.UTF_8));
                }
            }
        }
        List<String> untested = Stream.of(Rule.values())
                .filter(r -> !java.util.regex.Pattern.compile("(?<![\\w.-])" + java.util.regex.Pattern.quote(r.id()) + "(?![\\w-])")
                        .matcher(tests).find() && !tests.toString().contains("Rule." + r.name()))
                .map(Rule::id).toList();
        assertThat(untested).isEmpty();
    }

    private static boolean exists(JsonNode node, String[] path, int at) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return false;
        }
        if (at == path.length) {
            return true;
        }
        if (path[at].equals("*")) {
            for (JsonNode child : node) {
                if (exists(child, path, at + 1)) {
                    return true;
                }
            }
            return false;
        }
        return exists(node.get(path[at]), path, at + 1);
    }

    private static Properties load(Path p) throws IOException {
        Properties props = new Properties();
        try (InputStream in = Files.newInputStream(p)) {
            props.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return props;
    }
}

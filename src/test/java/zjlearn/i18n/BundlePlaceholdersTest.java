package zjlearn.i18n;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every text uses the same arguments in both languages: an English text that ignores an argument the Chinese one
 * uses (a field name, a form title from the rules file) prints a fixed word where the rules file gives another.
 */
class BundlePlaceholdersTest {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)[,}]");

    /**
     * The only texts whose languages genuinely take different arguments, each with its reason. The callers pass
     * both languages' words and each pattern picks its own.
     */
    private static final Map<String, String> EXCEPTIONS = Map.of(
            "text.name", "a name the rules file gives in both languages: {0} is the Chinese name, {1} the English one",
            "text.date", "a date: Chinese writes {0}年{1}月{2}日 from its parts, English the ISO date {3}");

    @Test
    void everyTextUsesTheSameArgumentsInBothLanguages() throws IOException {
        List<String> differing = new ArrayList<>();
        int checked = 0;
        for (Path zh : chineseBundles()) {
            Properties z = load(zh);
            Properties e = load(zh.resolveSibling(zh.getFileName().toString().replace("_zh.", "_en.")));
            for (String key : z.stringPropertyNames()) {
                checked++;
                Set<String> inZh = placeholders(z.getProperty(key));
                Set<String> inEn = placeholders(e.getProperty(key, ""));
                if (!inZh.equals(inEn) && !EXCEPTIONS.containsKey(key)) {
                    differing.add(key + ": zh " + inZh + ", en " + inEn);
                }
            }
        }
        assertThat(checked).isGreaterThan(300);
        assertThat(differing).isEmpty();
    }

    @Test
    void theExceptionsAreStillNeeded() throws IOException {
        for (String key : EXCEPTIONS.keySet()) {
            String area = key.substring(0, key.indexOf('.'));
            Path dir = Path.of("src/main/resources/zjlearn/i18n");
            Set<String> inZh = placeholders(load(dir.resolve(area + "_zh.properties")).getProperty(key));
            Set<String> inEn = placeholders(load(dir.resolve(area + "_en.properties")).getProperty(key));
            assertThat(inZh).as(key).isNotEqualTo(inEn);
        }
    }

    @Test
    void theCheckSeesAPlaceholderTheEnglishDropped() {
        assertThat(placeholders("{2}“{0}”以“{1}”结尾")).isNotEqualTo(placeholders("the project name \"{0}\" ends in {1}"));
        assertThat(placeholders("共 {0,number} 个")).containsExactly("0");
    }

    private static Set<String> placeholders(String pattern) {
        Set<String> found = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(pattern);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    private static List<Path> chineseBundles() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/zjlearn/i18n"))) {
            List<Path> zh = files.filter(p -> p.getFileName().toString().endsWith("_zh.properties")).sorted().toList();
            assertThat(zh).isNotEmpty();
            return zh;
        }
    }

    private static Properties load(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return p;
    }
}

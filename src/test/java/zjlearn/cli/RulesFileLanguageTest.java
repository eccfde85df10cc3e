package zjlearn.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import zjlearn.testing.Cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static zjlearn.testing.Cli.run;

/** A rules file's mistakes are printed in the run's language: Chinese by default, English with --lang en. */
class RulesFileLanguageTest {
    @TempDir
    Path tmp;

    @Test
    void mistakesInTheRulesFileFollowLang() throws IOException {
        String yaml = Files.readString(Path.of("rules.yaml"), StandardCharsets.UTF_8)
                .replace("    quotaPerCategory: 4\n  - name: 宁波市", "    quota: 4\n  - name: 宁波市");
        Path rules = Files.writeString(tmp.resolve("rules.yaml"), yaml, StandardCharsets.UTF_8);
        Path folder = Files.createDirectories(tmp.resolve("省"));
        Cli.Run zh = run("validate", folder.toString(), "--rules", rules.toString());
        assertThat(zh.code()).isNotZero();
        assertThat(zh.err()).contains("不认识的键“quota”（位置：units[0].quota）");
        Cli.Run en = run("validate", folder.toString(), "--rules", rules.toString(), "--lang", "en");
        assertThat(en.code()).isEqualTo(zh.code());
        assertThat(en.err()).contains("unknown key \"quota\" (at units[0].quota); keys allowed here: ")
                .doesNotContain("不认识的键");
    }
}

package zjlearn.check;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import zjlearn.testing.Province;
import zjlearn.testing.Runs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static zjlearn.testing.Runs.findings;

/** A stray note beside the material names the materials it could have been: in Chinese, and in English by their English names. */
class StrayFileWordsTest {
    @TempDir
    Path tmp;

    @Test
    void theMaterialsAreNamedInTheRunsLanguage() throws IOException {
        Province p = new Province(tmp.resolve("省"));
        Path dir = p.star("杭州市", "张三").write();
        Files.writeString(dir.resolve("说明.txt"), "请审核", StandardCharsets.UTF_8);
        assertThat(findings(Runs.validate(p.root()), "layout.unknown-file")).singleElement().satisfies(f -> {
            assertThat(f.expected().render(Locale.SIMPLIFIED_CHINESE)).contains("推荐表、").contains("证件照");
            assertThat(f.expected().render(Locale.ENGLISH)).contains("nomination form, ").contains("ID photo")
                    .doesNotContainPattern("\\p{IsHan}");
        });
    }
}

package zjlearn.check;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import zjlearn.testing.Province;
import zjlearn.testing.Runs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static zjlearn.testing.Runs.findings;

/** An ID photo sent under a camera's name is counted as a photo; the missing-ID-photo finding names it and says how to rename it. */
class IdPhotoLookalikeTest {
    @TempDir
    Path tmp;

    @Test
    void aRenamedIdPhotoIsNamedInTheFix() throws IOException {
        Province p = new Province(tmp.resolve("省"));
        Path dir = p.star("温州市", "黄志明").write();
        Files.move(dir.resolve("证件照.jpg"), dir.resolve("IMG_2041.jpg"));
        assertThat(findings(Runs.validate(p.root()), "files.count")).singleElement().satisfies(f -> {
            assertThat(f.fix().key()).isEqualTo("files.count.missing.fix-lookalike");
            assertThat(f.fix().args().subList(1, 4)).containsExactly("IMG_2041.jpg", "413", "579");
            assertThat(f.fix().render(Locale.SIMPLIFIED_CHINESE))
                    .endsWith("；“IMG_2041.jpg”是竖版 413×579 像素，比例像证件照：若它就是证件照，把它改名为“证件照.jpg”即可");
            assertThat(f.fix().render(Locale.ENGLISH)).contains("rename it \"证件照.jpg\"");
        });
    }

    @Test
    void withoutAPortraitPhotoTheFixOnlyAsksForTheIdPhoto() {
        Province p = new Province(tmp.resolve("省"));
        p.star("温州市", "黄志明").withoutIdPhoto().write();
        assertThat(findings(Runs.validate(p.root()), "files.count")).singleElement()
                .satisfies(f -> assertThat(f.fix().key()).isEqualTo("files.count.missing.fix"));
    }
}

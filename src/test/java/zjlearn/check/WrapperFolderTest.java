package zjlearn.check;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import zjlearn.testing.Province;
import zjlearn.testing.Runs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static zjlearn.testing.Runs.findings;

/** Unit folders wrapped in one more folder beside the others (上报材料/宁波市/…): the fix moves them up, it does not rename the wrapper. */
class WrapperFolderTest {
    @TempDir
    Path tmp;

    @Test
    void unitFoldersInAWrapperAreToldToMoveUp() throws IOException {
        Province p = new Province(tmp.resolve("省"));
        p.star("杭州市", "张三").write();
        p.star("宁波市", "李四").write();
        Files.createDirectories(p.root().resolve("上报材料"));
        Files.move(p.unit("宁波市"), p.root().resolve("上报材料/宁波市"));
        assertThat(findings(Runs.validate(p.root()), "layout.unknown-unit")).singleElement().satisfies(f -> {
            assertThat(f.fix().key()).isEqualTo("layout.unknown-unit.fix-wrapper");
            assertThat(f.fix().args()).containsExactly("上报材料", List.of("宁波市"));
            assertThat(f.fix().render(Locale.SIMPLIFIED_CHINESE)).startsWith("“上报材料”中是单位文件夹（宁波市）：把它们移到上一级");
        });
    }

    @Test
    void aFolderOfNoUnitIsStillToldToBeRenamed() throws IOException {
        Province p = new Province(tmp.resolve("省"));
        p.star("杭州市", "张三").write();
        Files.move(p.star("宁波市", "李四").write().getParent().getParent(), p.root().resolve("甲单位"));
        assertThat(findings(Runs.validate(p.root()), "layout.unknown-unit")).singleElement()
                .satisfies(f -> assertThat(f.fix().key()).isEqualTo("layout.unknown-unit.fix"));
    }
}

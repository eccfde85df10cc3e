package zjlearn.archive;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import zjlearn.ValidationResult;
import zjlearn.check.Finding;
import zjlearn.testing.Runs;
import zjlearn.testing.Trees;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * RAR 4 and RAR 5 archives (libarchive's test files, see fixtures/archives/rar/SOURCE.md) are recognised and
 * reported — with their version and what to send instead — never read, never a crash.
 */
class RarInputTest {
    static final Path RAR = Path.of("src/test/resources/fixtures/archives/rar");

    @TempDir
    Path tmp;

    @AfterAll
    static void closeArchives() {
        Mounts.closeAll();
    }

    @ParameterizedTest
    @CsvSource({"rar4.rar, RAR 4", "rar5.rar, RAR 5", "rar5-stored.rar, RAR 5", "rar4-encrypted.rar, RAR 4",
            "rar5-encrypted-names.rar, RAR 5"})
    void aRarArchiveIsOneFindingThatNamesItsVersion(String fixture, String version) throws IOException {
        Path rar = Files.copy(RAR.resolve(fixture), tmp.resolve("宁波市.rar"));
        String before = Trees.sha256(rar);
        ValidationResult result = Runs.validate(rar);
        assertThat(Runs.findings(result, "file.unreadable")).singleElement().satisfies(f -> {
            assertThat(f.file()).isEqualTo("宁波市.rar");
            assertThat(f.actual().render(Locale.ROOT)).isEqualTo(version);
            assertThat(Runs.zh(f)).contains(version);
            assertThat(f.fix().render(Locale.SIMPLIFIED_CHINESE)).contains("zip");
        });
        assertThat(result.exitCode(false)).isEqualTo(1);
        assertThat(Trees.sha256(rar)).isEqualTo(before);
    }

    @Test
    void aRarUnitInAnInboxIsNamedAndTheOtherUnitsAreChecked() throws IOException {
        Path inbox = tmp.resolve("收件箱");
        Files.createDirectories(inbox);
        Files.copy(RAR.resolve("rar5.rar"), inbox.resolve("杭州市.rar"));
        ArchiveZips.copyTree(ArchiveInputTest.FIXTURES.resolve("content/宁波市"), inbox.resolve("宁波市"));
        ValidationResult result = Runs.validate(inbox);
        assertThat(result.validation().scan().units()).containsExactly("宁波市");
        assertThat(Runs.findings(result, "file.unreadable")).extracting(Finding::file).containsExactly("杭州市.rar");
    }

    @Test
    void aZipRenamedRarIsReadAsTheZipItIs() throws IOException {
        Path renamed = Files.copy(ArchiveInputTest.FIXTURES.resolve("infozip.zip"), tmp.resolve("宁波市.rar"));
        ValidationResult result = Runs.validate(renamed);
        assertThat(Runs.findings(result, "file.unreadable")).isEmpty();
        assertThat(result.validation().scan().submissions()).hasSize(1);
    }
}

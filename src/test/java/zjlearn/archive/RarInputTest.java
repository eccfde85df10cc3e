package zjlearn.archive;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import zjlearn.ValidationResult;
import zjlearn.rules.RulesLoader;
import zjlearn.rules.Vocabulary;
import zjlearn.scan.LayoutIssue;
import zjlearn.testing.Runs;
import zjlearn.testing.Trees;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import static org.assertj.core.api.Assertions.assertThat;

/** RAR 4 and RAR 5 archives (libarchive's test files, see fixtures/archives/rar/SOURCE.md) read through 7-Zip-JBinding. */
class RarInputTest {
    static final Path RAR = Path.of("src/test/resources/fixtures/archives/rar");

    @TempDir
    Path tmp;

    final ArchiveMounter mounter = new ArchiveMounter(new Vocabulary(RulesLoader.loadDefault()));

    @AfterAll
    static void closeArchives() {
        Mounts.closeAll();
    }

    Path copy(String fixture, String as) throws IOException {
        return Files.copy(RAR.resolve(fixture), tmp.resolve(as), StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void rar4IsReadWithItsFolders() throws IOException {
        ArchiveMounter.Mount mount = mounter.mount(RAR.resolve("rar4.rar"), "rar4.rar");
        assertThat(mount.facts().format()).isEqualTo("rar4");
        assertThat(mount.issues()).isEmpty();
        assertThat(Files.readString(mount.path().resolve("test.txt"), StandardCharsets.US_ASCII)).isEqualTo("test text document\r\n");
        assertThat(Files.readString(mount.path().resolve("testdir/test.txt"), StandardCharsets.US_ASCII)).isEqualTo("test text document\r\n");
        assertThat(Files.isDirectory(mount.path().resolve("testemptydir"))).isTrue();
        // 7-Zip 16.02 does not give RAR 4's Unix modes: the link comes out as a small file holding its target,
        // never followed
        assertThat(Files.readString(mount.path().resolve("testlink"), StandardCharsets.US_ASCII)).isEqualTo("test.txt");
    }

    @Test
    void rar5CompressedAndStoredAreRead() throws IOException {
        ArchiveMounter.Mount compressed = mounter.mount(RAR.resolve("rar5.rar"), "rar5.rar");
        assertThat(compressed.facts().format()).isEqualTo("rar5");
        assertThat(compressed.issues()).isEmpty();
        for (int i = 1; i <= 4; i++) {
            assertThat(Files.size(compressed.path().resolve("test" + i + ".bin"))).isEqualTo(4096);
            assertThat(Files.readAllBytes(compressed.path().resolve("test" + i + ".bin"))).hasSize(4096);
        }
        ArchiveMounter.Mount stored = mounter.mount(RAR.resolve("rar5-stored.rar"), "rar5-stored.rar");
        assertThat(Files.readString(stored.path().resolve("helloworld.txt"))).isEqualTo("hello libarchive test suite!\n");
    }

    @Test
    void encryptedEntriesAndEncryptedNamesAreFindings() throws IOException {
        ArchiveMounter.Mount partly = mounter.mount(RAR.resolve("rar4-encrypted.rar"), "x.rar");
        assertThat(partly.issues()).filteredOn(i -> i.kind() == LayoutIssue.Kind.ARCHIVE_ENCRYPTED)
                .extracting(LayoutIssue::path).containsExactlyInAnyOrder("x.rar!/b.txt", "x.rar!/d.txt");
        assertThat(Files.readString(partly.path().resolve("a.txt"))).isNotEmpty();

        Path names = copy("rar5-encrypted-names.rar", "宁波市.rar");
        String before = Trees.sha256(names);
        ValidationResult result = Runs.validate(names);
        assertThat(Runs.findings(result, "file.encrypted")).singleElement().satisfies(f -> {
            assertThat(f.file()).isEqualTo("宁波市.rar");
            assertThat(Runs.zh(f)).isEqualTo("压缩包有密码：请提供不加密的压缩包");
        });
        assertThat(Trees.sha256(names)).isEqualTo(before);
    }

    @Test
    void aRarUnitInAnInboxIsScannedAsThatUnit() throws IOException {
        Path inbox = tmp.resolve("收件箱");
        Files.createDirectories(inbox);
        Files.copy(RAR.resolve("rar5.rar"), inbox.resolve("杭州市.rar"));
        ArchiveZips.copyTree(ArchiveInputTest.FIXTURES.resolve("content/宁波市"), inbox.resolve("宁波市"));
        ValidationResult result = Runs.validate(inbox);
        assertThat(result.validation().scan().units()).containsExactlyInAnyOrder("杭州市", "宁波市");
        // the test archive holds loose files, not category folders: each is named where it lies
        assertThat(result.findings()).anySatisfy(f -> assertThat(f.file()).isEqualTo("杭州市.rar!/test1.bin"));
    }

    @Test
    void aDamagedRarIsUnreadableNotACrash() throws IOException {
        byte[] whole = Files.readAllBytes(RAR.resolve("rar5.rar"));
        Path cut = Files.write(tmp.resolve("cut.rar"), java.util.Arrays.copyOf(whole, whole.length / 2));
        ValidationResult result = Runs.validate(cut);
        assertThat(Runs.findings(result, "file.unreadable")).anySatisfy(f -> assertThat(f.file()).startsWith("cut.rar"));
    }
}

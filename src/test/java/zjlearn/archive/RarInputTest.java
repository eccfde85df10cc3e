package zjlearn.archive;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import zjlearn.ValidationResult;
import zjlearn.check.Finding;
import zjlearn.rules.RulesLoader;
import zjlearn.rules.Vocabulary;
import zjlearn.testing.Runs;
import zjlearn.testing.Trees;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * RAR 4 and RAR 5 archives (libarchive's test files, see fixtures/archives/rar/SOURCE.md) are read like a zip —
 * by 7-Zip-JBinding in a child process — and what cannot be read is a finding, never a crash.
 */
class RarInputTest {
    static final Path RAR = Path.of("src/test/resources/fixtures/archives/rar");

    @TempDir
    Path tmp;

    @AfterAll
    static void closeArchives() {
        Mounts.closeAll();
    }

    static ArchiveMounter.Mount mount(Path archive) {
        return new ArchiveMounter(new Vocabulary(RulesLoader.loadDefault())).mount(archive, archive.getFileName().toString());
    }

    /** Every file of a mount, as "path below the archive=content". */
    static List<String> contents(ArchiveMounter.Mount mount) throws IOException {
        try (Stream<Path> walk = Files.walk(mount.path())) {
            return walk.filter(Files::isRegularFile).map(p -> {
                try {
                    return ArchiveMounter.belowArchive(ArchiveMounter.display(p)) + "=" + Files.readString(p, StandardCharsets.ISO_8859_1).length();
                } catch (IOException e) {
                    return ArchiveMounter.belowArchive(ArchiveMounter.display(p)) + "!" + e.getMessage();
                }
            }).sorted().toList();
        }
    }

    @Test
    void rar4IsReadWithItsFoldersAndContent() throws IOException {
        ArchiveMounter.Mount mount = mount(RAR.resolve("rar4.rar"));
        assertThat(mount.issues()).isEmpty();
        assertThat(mount.facts().format()).isEqualTo("rar4");
        // 7-Zip shows the RAR 4 Unix link testlink as a small file holding its target: never followed
        assertThat(contents(mount)).containsExactly("test.txt=20", "testdir/test.txt=20", "testlink=8");
        assertThat(Files.readString(mount.path().resolve("testdir/test.txt"))).isEqualTo("test text document\r\n");
        assertThat(Files.isDirectory(mount.path().resolve("testemptydir"))).isTrue();
    }

    @Test
    void rar5CompressedAndStoredAreRead() throws IOException {
        ArchiveMounter.Mount compressed = mount(RAR.resolve("rar5.rar"));
        assertThat(compressed.issues()).isEmpty();
        assertThat(compressed.facts().format()).isEqualTo("rar5");
        assertThat(contents(compressed)).containsExactly("test1.bin=4096", "test2.bin=4096", "test3.bin=4096", "test4.bin=4096");
        ArchiveMounter.Mount stored = mount(RAR.resolve("rar5-stored.rar"));
        assertThat(Files.readString(stored.path().resolve("helloworld.txt"))).isEqualTo("hello libarchive test suite!\n");
    }

    @Test
    void cjkNamesAreReadAsWritten() throws IOException {
        ArchiveMounter.Mount mount = mount(RAR.resolve("rar4-unicode.rar"));
        assertThat(mount.issues()).isEmpty();
        assertThat(mount.name()).isEqualTo("表だよ");
        assertThat(contents(mount)).containsExactlyInAnyOrder("漢字長いファイル名long-filename-in-漢字.txt=5", "新しいフォルダ/新規テキスト ドキュメント.txt=0");
    }

    @Test
    void encryptedEntriesAreTheEncryptedFindingAndTheOthersAreRead() throws IOException {
        Path rar = Files.copy(RAR.resolve("rar4-encrypted.rar"), tmp.resolve("宁波市.rar"));
        ValidationResult result = Runs.validate(rar);
        assertThat(Runs.findings(result, "file.encrypted")).extracting(Finding::file)
                .containsExactlyInAnyOrder("宁波市.rar!/b.txt", "宁波市.rar!/d.txt");
        assertThat(Runs.findings(result, "file.encrypted")).allSatisfy(f -> assertThat(Runs.zh(f)).isEqualTo("压缩包有密码：请提供不加密的压缩包"));
        assertThat(Runs.findings(result, "file.unreadable")).isEmpty();
        assertThat(contents(mount(rar))).contains("a.txt=18", "c.txt=18");
    }

    @Test
    void encryptedNamesAreOneEncryptedFinding() throws IOException {
        Path rar = Files.copy(RAR.resolve("rar5-encrypted-names.rar"), tmp.resolve("宁波市.rar"));
        ValidationResult result = Runs.validate(rar);
        assertThat(Runs.findings(result, "file.encrypted")).singleElement().extracting(Finding::file).isEqualTo("宁波市.rar");
        assertThat(result.exitCode(false)).isEqualTo(1);
    }

    @ParameterizedTest
    @CsvSource({"rar5.rar, 900", "rar4.rar, 200", "rar5.rar, 30", "rar4.rar, 7"})
    void aTruncatedRarIsAFinding(String fixture, int keep) throws IOException {
        byte[] whole = Files.readAllBytes(RAR.resolve(fixture));
        Path rar = Files.write(tmp.resolve("宁波市.rar"), java.util.Arrays.copyOf(whole, keep));
        ValidationResult result = Runs.validate(rar);
        assertThat(Runs.findings(result, "file.unreadable")).extracting(Finding::file).contains("宁波市.rar");
        assertThat(result.exitCode(false)).isEqualTo(1);
    }

    @ParameterizedTest
    @CsvSource({"rar5.rar, 300", "rar4.rar, 120", "rar5-stored.rar, 60"})
    void aCorruptRarIsAFinding(String fixture, int from) throws IOException {
        byte[] bytes = Files.readAllBytes(RAR.resolve(fixture));
        for (int i = from; i < bytes.length; i += 7) {
            bytes[i] ^= 0x5a;
        }
        Path rar = Files.write(tmp.resolve("宁波市.rar"), bytes);
        String before = Trees.sha256(rar);
        ValidationResult result = Runs.validate(rar);
        assertThat(Runs.findings(result, "file.unreadable")).isNotEmpty()
                .allSatisfy(f -> assertThat(f.file()).startsWith("宁波市.rar"));
        assertThat(Trees.sha256(rar)).isEqualTo(before);
    }

    @Test
    void aRarUnitInAnInboxIsReadAlongTheOtherUnits() throws IOException {
        Path inbox = tmp.resolve("收件箱");
        Files.createDirectories(inbox);
        Files.copy(RAR.resolve("rar5-encrypted-names.rar"), inbox.resolve("杭州市.rar"));
        ArchiveZips.copyTree(ArchiveInputTest.FIXTURES.resolve("content/宁波市"), inbox.resolve("宁波市"));
        ValidationResult result = Runs.validate(inbox);
        assertThat(result.validation().scan().units()).containsExactly("宁波市");
        assertThat(Runs.findings(result, "file.encrypted")).extracting(Finding::file).containsExactly("杭州市.rar");
    }

    @Test
    void aZipRenamedRarIsReadAsTheZipItIs() throws IOException {
        Path renamed = Files.copy(ArchiveInputTest.FIXTURES.resolve("infozip.zip"), tmp.resolve("宁波市.rar"));
        ValidationResult result = Runs.validate(renamed);
        assertThat(Runs.findings(result, "file.unreadable")).isEmpty();
        assertThat(result.validation().scan().submissions()).hasSize(1);
    }

    @Test
    void aRarWrittenHereIsReadBy7ZipAndLibarchive() {
        Path content = ArchiveInputTest.FIXTURES.resolve("content");
        Path rar = new Rar5Writer().tree(content, content.resolve("宁波市")).write(tmp.resolve("宁波市.rar"));
        for (List<String> command : List.of(List.of("7z", "t", rar.toString()), List.of("bsdtar", "-tf", rar.toString()))) {
            org.junit.jupiter.api.Assumptions.assumeTrue(Trees.installed(command.get(0)), command.get(0) + " is not installed");
            Map.Entry<Integer, String> run = Trees.exec(command);
            assertThat(run.getKey()).as(run.getValue()).isZero();
        }
        assertThat(Trees.exec(List.of("bsdtar", "-tf", rar.toString())).getValue()).contains("宁波市/" + ArchiveInputTest.NOMINEE + "推荐表.docx");
    }

    @Test
    void theSameContentAsZipAndRarGivesTheSameFindings() {
        Path content = ArchiveInputTest.FIXTURES.resolve("content");
        Path rar = new Rar5Writer().tree(content, content.resolve("宁波市")).write(tmp.resolve("rar").resolve("宁波市.rar"));
        Path zip = new ArchiveZips().tree(content, content.resolve("宁波市")).write(tmp.resolve("zip").resolve("宁波市.zip"));
        ValidationResult fromRar = Runs.validate(rar);
        assertThat(fromRar.validation().scan().submissions()).hasSize(1);
        assertThat(ArchiveInputTest.comparable(fromRar)).isNotEmpty().isEqualTo(ArchiveInputTest.comparable(Runs.validate(zip)));
        assertThat(fromRar.findings()).extracting(Finding::file).filteredOn(f -> f != null && f.contains("!/"))
                .allSatisfy(f -> assertThat(f).startsWith("宁波市.rar!/" + ArchiveInputTest.NOMINEE));
    }

    @Test
    void decompressedFilesAreRemovedWithTheMounts() throws IOException {
        ArchiveMounter.Mount mount = mount(RAR.resolve("rar5.rar"));
        Path extracted = mount.path().resolve("test1.bin");
        assertThat(Files.readAllBytes(extracted)).hasSize(4096);
        Path temp = ((ArchivePath) extracted).getFileSystem().node((ArchivePath) extracted).data.file();
        assertThat(temp).exists();
        Mounts.closeAll();
        assertThat(temp).doesNotExist();
    }

    @Test
    void everyPartOfAMultiVolumeArchiveIsAFindingThatAsksForOneArchive() throws IOException {
        Path content = ArchiveInputTest.FIXTURES.resolve("content");
        Path inbox = tmp.resolve("收件箱");
        new Rar5Writer().volume().tree(content, content.resolve("宁波市")).write(inbox.resolve("宁波市.part1.rar"));
        new Rar5Writer().volume().file("宁波市/说明.txt", new byte[] {'a'}).write(inbox.resolve("宁波市.part2.rar"));
        Files.write(inbox.resolve("杭州市.z01"), new byte[] {'P', 'K', 7, 8});
        new ArchiveZips().tree(content, content.resolve("宁波市")).write(inbox.resolve("杭州市.zip"));
        Files.write(inbox.resolve("温州市.7z.001"), new byte[] {'7', 'z', (byte) 0xBC, (byte) 0xAF, 0x27, 0x1C});
        ArchiveZips.copyTree(content.resolve("宁波市"), inbox.resolve("湖州市"));
        ValidationResult result = Runs.validate(inbox);
        assertThat(Runs.findings(result, "file.unreadable")).extracting(Finding::file)
                .containsExactlyInAnyOrder("宁波市.part1.rar", "宁波市.part2.rar", "杭州市.z01", "杭州市.zip", "温州市.7z.001");
        assertThat(Runs.findings(result, "file.unreadable")).allSatisfy(f -> {
            assertThat(Runs.zh(f)).contains("分卷压缩包");
            assertThat(f.fix().render(java.util.Locale.SIMPLIFIED_CHINESE)).contains("一个 zip 压缩包");
        });
        assertThat(result.validation().scan().units()).containsExactly("湖州市");
    }

    @Test
    void aRarWithoutTheVolumeFlagIsReadWhateverItsName() {
        Path content = ArchiveInputTest.FIXTURES.resolve("content");
        Path rar = new Rar5Writer().tree(content, content.resolve("宁波市")).write(tmp.resolve("宁波市.part1.rar"));
        ValidationResult result = Runs.validate(rar);
        assertThat(Runs.findings(result, "file.unreadable")).isEmpty();
        assertThat(result.validation().scan().submissions()).hasSize(1);
    }

    @Test
    void entriesThatLeaveTheArchiveAreRefusedAndLinksNeverFollowed() throws IOException {
        Path content = ArchiveInputTest.FIXTURES.resolve("content");
        Path rar = new Rar5Writer().tree(content, content.resolve("宁波市"))
                .file("../evil.docx", new byte[] {1})
                .file("C:/Windows/evil.docx", new byte[] {3})
                .file("宁波市/../../evil2.docx", new byte[] {4})
                .symlink("宁波市/" + ArchiveInputTest.NOMINEE + "生活照2.jpg", "/etc/passwd")
                .write(tmp.resolve("box/宁波市.rar"));
        Map<String, String> before = Trees.fingerprint(tmp);
        ValidationResult result = Runs.validate(rar);
        assertThat(Runs.findings(result, "archive.unsafe-entry")).extracting(Finding::file)
                .hasSize(3).allSatisfy(f -> assertThat(f).startsWith("宁波市.rar!/").contains("evil"));
        assertThat(Runs.findings(result, "layout.unknown-file")).extracting(Finding::file)
                .contains("宁波市.rar!/" + ArchiveInputTest.NOMINEE + "生活照2.jpg");
        assertThat(Trees.fingerprint(tmp)).as("nothing written beside the archive").isEqualTo(before);
        assertThat(result.validation().scan().submissions()).hasSize(1);
    }

    @Test
    void moreEntriesThanTheLimitAreNotExtracted() throws Exception {
        Path rulesFile = tmp.resolve("rules.yaml");
        Files.writeString(rulesFile, Files.readString(Path.of("rules.yaml")).replace("maxEntries: 10000", "maxEntries: 3"));
        Files.copy(Path.of("previous-winners.csv"), tmp.resolve("previous-winners.csv"));
        long tempBefore = tempFiles();
        ValidationResult result = Runs.validate(zjlearn.rules.RulesLoader.load(rulesFile), RAR.resolve("rar5.rar"));
        assertThat(Runs.findings(result, "archive.too-large")).singleElement().satisfies(f -> {
            assertThat(f.file()).isEqualTo("rar5.rar");
            assertThat(f.actual().render(java.util.Locale.ROOT)).contains("4");
        });
        assertThat(tempFiles()).as("nothing extracted, the reader's own files removed").isEqualTo(tempBefore);
    }

    /** Files in the private temporary folder now. */
    private static long tempFiles() throws IOException {
        Path probe = TempArea.newFile(null);
        try (Stream<Path> walk = Files.walk(probe.getParent())) {
            return walk.filter(Files::isRegularFile).filter(p -> !p.equals(probe)).count();
        } finally {
            Files.delete(probe);
        }
    }

    @Test
    void inspectShowsTheRarsFormatAndNames() {
        ArchiveMounter.Mount mount = mount(RAR.resolve("rar5.rar"));
        assertThat(mount.facts().entries()).isEqualTo(4);
        assertThat(mount.facts().nameEncoding()).isEqualTo("UTF-8 (RAR 5)");
        assertThat(mount.facts().bytes()).isEqualTo(4 * 4096);
    }
}

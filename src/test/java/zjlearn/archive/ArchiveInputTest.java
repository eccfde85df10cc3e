package zjlearn.archive;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import zjlearn.ValidationResult;
import zjlearn.check.Finding;
import zjlearn.rules.Rules;
import zjlearn.rules.RulesLoader;
import zjlearn.scan.InputFile;
import zjlearn.scan.Submission;
import zjlearn.testing.Runs;
import zjlearn.testing.Trees;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Archives where a folder is expected: read in place, with the findings the same content gets as a folder,
 * paths shown as {@code 宁波市.zip!/百姓学习之星/…}, and the archive itself never changed.
 */
class ArchiveInputTest {
    static final Path FIXTURES = Path.of("src/test/resources/fixtures/archives");
    static final String NOMINEE = "百姓学习之星/01-赵志刚/";

    @TempDir
    Path tmp;

    @AfterAll
    static void closeArchives() {
        Mounts.closeAll();
    }

    /** Findings without the archive part of their paths: what must agree between an archive and its folder. */
    static List<String> comparable(ValidationResult result) {
        return result.findings().stream()
                .map(f -> f.rule().id() + " " + f.severity() + " " + below(f.file()) + " " + below(f.submission()) + " "
                        + (f.actual() == null ? "" : below(f.actual().render(Locale.ROOT))))
                .sorted().toList();
    }

    static String below(String path) {
        if (path == null) {
            return "-";
        }
        int bang = path.indexOf("!/");
        return bang < 0 ? path : path.substring(bang + 2);
    }

    Path copy(String fixture) throws IOException {
        Path to = tmp.resolve("in").resolve(fixture);
        Files.createDirectories(to.getParent());
        return Files.copy(FIXTURES.resolve(fixture), to, StandardCopyOption.REPLACE_EXISTING);
    }

    @ParameterizedTest
    @ValueSource(strings = {"infozip.zip", "7zip.zip", "bsdtar.zip", "7zip.7z", "bsdtar.7z",
            "宁波市教育局-百姓学习之星推荐材料.zip"})
    void archivesMadeByCommonToolsAreReadLikeTheirFolder(String fixture) throws IOException {
        Path archive = copy(fixture);
        String before = Trees.sha256(archive);
        ValidationResult fromArchive = Runs.validate(archive);
        ValidationResult fromFolder = Runs.validate(FIXTURES.resolve("content/宁波市"));

        assertThat(fromArchive.validation().scan().units()).containsExactly("宁波市");
        Submission s = fromArchive.validation().scan().submissions().get(0);
        assertThat(s.title()).isEqualTo("赵志刚");
        assertThat(s.path()).isEqualTo(fixture + "!/" + NOMINEE.substring(0, NOMINEE.length() - 1));
        assertThat(s.files()).extracting(InputFile::relPath).containsExactlyInAnyOrder(
                fixture + "!/" + NOMINEE + "推荐表.docx", fixture + "!/" + NOMINEE + "推荐登记表.docx",
                fixture + "!/" + NOMINEE + "证件照.jpg", fixture + "!/" + NOMINEE + "生活照.jpg");
        assertThat(comparable(fromArchive)).isNotEmpty().isEqualTo(comparable(fromFolder));
        assertThat(Trees.sha256(archive)).as("the archive is never modified").isEqualTo(before);
        assertThat(Files.list(archive.getParent()).toList()).as("nothing unpacked beside it").containsExactly(archive);
    }

    @Test
    void gbkNamesWithoutTheUtf8FlagAreDetected() {
        byte[] gbk = "百姓学习之星/01-赵志刚/推荐表.docx".getBytes(Charset.forName("GBK"));
        byte[] utf8 = "百姓学习之星/01-赵志刚/推荐表.docx".getBytes(StandardCharsets.UTF_8);
        byte[] cp437 = "RÉSUMÉ/Café.docx".getBytes(NameDecoder.CP437);
        assertThat(NameDecoder.detect(List.of(gbk, "readme.txt".getBytes(StandardCharsets.US_ASCII))))
                .isEqualTo(NameDecoder.GB18030);
        assertThat(NameDecoder.detect(List.of(utf8))).isEqualTo(StandardCharsets.UTF_8);
        assertThat(NameDecoder.detect(List.of("plain.txt".getBytes(StandardCharsets.US_ASCII)))).isEqualTo(StandardCharsets.UTF_8);
        assertThat(NameDecoder.detect(List.of(cp437))).isEqualTo(NameDecoder.CP437);
        // one GBK name among UTF-8 ones: not all valid UTF-8, all valid GB18030 → GB18030 for the archive
        assertThat(NameDecoder.detect(List.of(gbk, gbk))).isEqualTo(NameDecoder.GB18030);
    }

    @ParameterizedTest
    @ValueSource(strings = {"encrypted.zip", "encrypted.7z", "encrypted-data.7z"})
    void passwordProtectedArchivesAreOneFinding(String fixture) throws IOException {
        Path archive = copy(fixture);
        ValidationResult result = Runs.validate(archive);
        assertThat(Runs.findings(result, "file.encrypted")).singleElement().satisfies(f -> {
            assertThat(f.file()).isEqualTo(fixture);
            assertThat(Runs.zh(f)).isEqualTo("压缩包有密码：请提供不加密的压缩包");
            assertThat(f.isError()).isTrue();
        });
        assertThat(result.exitCode(false)).isEqualTo(1);
    }

    @Test
    void unencryptedArchivesHaveNoEncryptionFinding() throws IOException {
        assertThat(Runs.findings(Runs.validate(copy("infozip.zip")), "file.encrypted")).isEmpty();
    }

    @Test
    void theUnitComesFromTheFileNameAndTwoUnitsAreAnError() {
        Path content = FIXTURES.resolve("content/宁波市");
        Path named = new ArchiveZips().tree(content, content).write(tmp.resolve("宁波市教育局-推荐材料.zip"));
        assertThat(Runs.validate(named).validation().scan().units()).containsExactly("宁波市");
        assertThat(Runs.findings(Runs.validate(named), "layout.unknown-unit")).isEmpty();

        Path two = new ArchiveZips().tree(content, content).write(tmp.resolve("宁波市杭州市材料.zip"));
        ValidationResult result = Runs.validate(two);
        assertThat(Runs.findings(result, "layout.unknown-unit")).anySatisfy(f -> {
            assertThat(f.file()).isEqualTo("宁波市杭州市材料.zip");
            assertThat(f.actual().render(Locale.ROOT)).contains("杭州市").contains("宁波市");
        });
    }

    @Test
    void aProvinceInboxOfArchivesAndFoldersIsReadAsOne() throws IOException {
        Path inbox = tmp.resolve("收件箱");
        Path content = FIXTURES.resolve("content");
        new ArchiveZips().tree(content, content.resolve("宁波市")).write(inbox.resolve("宁波市.zip"));
        Files.createDirectories(inbox.resolve("温州市"));
        Files.copy(FIXTURES.resolve("7zip.7z"), inbox.resolve("杭州市.7z"));
        ValidationResult result = Runs.validate(inbox);
        assertThat(result.validation().scan().level()).isEqualTo(zjlearn.scan.ScanResult.Level.PROVINCE);
        // 杭州市.7z holds 宁波市/: the top folder names the unit, so 宁波市 came twice — two versions of one unit,
        // an error naming both; one of them is read (and counted once), neither packaged until one is kept
        assertThat(result.validation().scan().submissions()).extracting(Submission::path).hasSize(1)
                .containsAnyOf("宁波市.zip!/百姓学习之星/01-赵志刚", "杭州市.7z!/百姓学习之星/01-赵志刚");
        assertThat(Runs.findings(result, "layout.duplicate-version")).singleElement()
                .satisfies(f -> assertThat(Runs.zh(f)).contains("宁波市.zip").contains("杭州市.7z"));
    }

    @Test
    void macosxCompanionAndLeftoversAtTheTopAreReportedAsInFolders() {
        Path content = FIXTURES.resolve("content");
        Path zip = new ArchiveZips().tree(content, content.resolve("宁波市"))
                .file("__MACOSX/宁波市/._推荐表.docx", new byte[] {0, 5, 22, 7})
                .write(tmp.resolve("宁波市.zip"));
        ValidationResult result = Runs.validate(zip);
        assertThat(result.validation().scan().units()).containsExactly("宁波市");
        assertThat(Runs.findings(result, "layout.temp-file")).extracting(Finding::file).containsExactly("宁波市.zip!/__MACOSX");
    }

    @Test
    void entriesThatLeaveTheArchiveAreRefusedAndNothingIsWritten() throws IOException {
        Path content = FIXTURES.resolve("content");
        Path zip = new ArchiveZips().tree(content, content.resolve("宁波市"))
                .file("../evil.docx", new byte[] {1})
                .file("/etc/evil.docx", new byte[] {2})
                .file("C:/Windows/evil.docx", new byte[] {3})
                .file("宁波市\\..\\..\\evil2.docx", new byte[] {4})
                .write(tmp.resolve("box/宁波市.zip"));
        Map<String, String> before = Trees.fingerprint(tmp);
        ValidationResult result = Runs.validate(zip);
        assertThat(Runs.findings(result, "archive.unsafe-entry")).extracting(Finding::file).containsExactlyInAnyOrder(
                "宁波市.zip!/../evil.docx", "宁波市.zip!//etc/evil.docx", "宁波市.zip!/C:/Windows/evil.docx",
                "宁波市.zip!/宁波市/../../evil2.docx");
        assertThat(Runs.findings(result, "archive.unsafe-entry")).allSatisfy(f -> assertThat(f.isError()).isTrue());
        assertThat(Trees.fingerprint(tmp)).isEqualTo(before);
        assertThat(result.validation().scan().submissions()).hasSize(1);
    }

    @Test
    void aCleanArchiveHasNoUnsafeEntry() throws IOException {
        assertThat(Runs.findings(Runs.validate(copy("bsdtar.zip")), "archive.unsafe-entry")).isEmpty();
    }

    @Test
    void linksInsideAnArchiveAreNeverFollowed() {
        Path content = FIXTURES.resolve("content");
        Path zip = new ArchiveZips().tree(content, content.resolve("宁波市"))
                .symlink("宁波市/百姓学习之星/01-赵志刚/生活照2.jpg", "/etc/passwd")
                .write(tmp.resolve("宁波市.zip"));
        ValidationResult result = Runs.validate(zip);
        assertThat(Runs.findings(result, "layout.unknown-file")).extracting(Finding::file)
                .contains("宁波市.zip!/" + NOMINEE + "生活照2.jpg");
        assertThat(result.validation().scan().submissions().get(0).files()).extracting(InputFile::name)
                .doesNotContain("生活照2.jpg");
    }

    @Test
    void aZipBombEntryIsNotDecompressed() {
        Path content = FIXTURES.resolve("content");
        long extracted = TempArea.extractedBytes();
        Path zip = new ArchiveZips().tree(content, content.resolve("宁波市"))
                .file("宁波市/百姓学习之星/01-赵志刚/说明.txt", new byte[64 << 20])
                .write(tmp.resolve("宁波市.zip"));
        assertThat(zip.toFile().length()).isLessThan(200_000);
        ValidationResult result = Runs.validate(zip);
        assertThat(Runs.findings(result, "archive.too-large")).singleElement().satisfies(f -> {
            assertThat(f.file()).isEqualTo("宁波市.zip!/" + NOMINEE + "说明.txt");
            assertThat(Integer.parseInt(f.actual().render(Locale.ROOT).replaceAll("\\D", ""))).isGreaterThan(200);
        });
        assertThat(TempArea.extractedBytes() - extracted).as("the bomb was never inflated").isLessThan(1 << 20);
    }

    @Test
    void moreEntriesThanTheLimitAreNotRead() throws Exception {
        Path rulesFile = tmp.resolve("rules.yaml");
        Files.writeString(rulesFile, Files.readString(Path.of("rules.yaml")).replace("maxEntries: 10000", "maxEntries: 3"));
        Files.copy(Path.of("previous-winners.csv"), tmp.resolve("previous-winners.csv"));
        Rules rules = RulesLoader.load(rulesFile);
        ValidationResult result = Runs.validate(rules, copy("infozip.zip"));
        assertThat(Runs.findings(result, "archive.too-large")).singleElement().satisfies(f -> {
            assertThat(f.file()).isEqualTo("infozip.zip");
            assertThat(f.expected().render(Locale.ROOT)).contains("3");
        });
        assertThat(result.validation().scan().submissions()).isEmpty();
        assertThat(Runs.findings(Runs.validate(copy("infozip.zip")), "archive.too-large")).isEmpty();
    }

    @Test
    void truncatedAndFakeArchivesAreUnreadableNotACrash() throws IOException {
        byte[] whole = Files.readAllBytes(FIXTURES.resolve("infozip.zip"));
        Path cut = Files.write(tmp.resolve("cut.zip"), java.util.Arrays.copyOf(whole, whole.length / 2));
        Path fake = Files.writeString(tmp.resolve("fake.zip"), "这不是压缩包");
        byte[] seven = Files.readAllBytes(FIXTURES.resolve("7zip.7z"));
        Path cut7 = Files.write(tmp.resolve("cut.7z"), java.util.Arrays.copyOf(seven, seven.length - 300));
        for (Path p : List.of(cut, fake, cut7)) {
            ValidationResult result = Runs.validate(p);
            assertThat(Runs.findings(result, "file.unreadable")).as(p.toString())
                    .anySatisfy(f -> assertThat(f.file()).startsWith(p.getFileName().toString()));
            assertThat(result.exitCode(false)).isEqualTo(1);
        }
    }

    @Test
    void aDamagedEntryIsThatFilesFinding() throws IOException {
        Path content = FIXTURES.resolve("content");
        Path zip = new ArchiveZips().tree(content, content.resolve("宁波市")).write(tmp.resolve("宁波市.zip"));
        byte[] bytes = Files.readAllBytes(zip);
        // flip bytes in the middle of the first entry's deflated data (推荐登记表.docx comes first)
        for (int i = 200; i < 260; i++) {
            bytes[i] ^= 0x5a;
        }
        Files.write(zip, bytes);
        ValidationResult result = Runs.validate(zip);
        assertThat(Runs.findings(result, "file.unreadable")).anySatisfy(f ->
                assertThat(f.file()).startsWith("宁波市.zip!/" + NOMINEE));
    }

    @Test
    void anArchiveInAnArchiveIsReadOneLevelDeep() throws IOException {
        Path content = FIXTURES.resolve("content");
        Path nominee = content.resolve("宁波市/百姓学习之星/01-赵志刚");
        Path inner = new ArchiveZips().tree(nominee, nominee).write(tmp.resolve("inner/01-赵志刚.zip"));
        Path outer = new ArchiveZips().stored("宁波市/百姓学习之星/01-赵志刚.zip", Files.readAllBytes(inner))
                .write(tmp.resolve("宁波市.zip"));
        ValidationResult result = Runs.validate(outer);
        assertThat(result.validation().scan().submissions()).singleElement().satisfies(s -> {
            assertThat(s.title()).isEqualTo("赵志刚");
            assertThat(s.files()).extracting(InputFile::relPath).contains("宁波市.zip!/百姓学习之星/01-赵志刚.zip!/推荐表.docx");
        });
        assertThat(Runs.findings(result, "archive.nested")).isEmpty();

        // a province archive holding a unit archive holding a nominee's archive: the third level is reported
        Path unit = new ArchiveZips().stored("宁波市/百姓学习之星/01-赵志刚.zip", Files.readAllBytes(inner))
                .write(tmp.resolve("middle/宁波市.zip"));
        Path province = new ArchiveZips().stored("宁波市.zip", Files.readAllBytes(unit)).write(tmp.resolve("deep/全省.zip"));
        ValidationResult deep = Runs.validate(province);
        assertThat(Runs.findings(deep, "archive.nested")).singleElement().satisfies(f -> {
            assertThat(f.file()).isEqualTo("全省.zip!/宁波市.zip!/百姓学习之星/01-赵志刚.zip");
            assertThat(f.isError()).isTrue();
        });
    }

    @Test
    void aStoredVideoIsReadInPlaceAndNotExtracted() throws IOException {
        byte[] video = new zjlearn.probe.video.Mp4Builder().build();
        byte[] big = java.util.Arrays.copyOf(video, video.length);
        Path content = FIXTURES.resolve("content");
        Path zip = new ArchiveZips().tree(content, content.resolve("宁波市"))
                .stored("宁波市/百姓学习之星/01-赵志刚/全国推荐材料/视频.mp4", big)
                .write(tmp.resolve("宁波市.zip"));
        long extracted = TempArea.extractedBytes();
        ValidationResult result = Runs.validate(zip);
        assertThat(result.validation().probed().values()).anySatisfy(p -> {
            assertThat(p.file().name()).isEqualTo("视频.mp4");
            assertThat(p.video()).isNotNull();
            assertThat(p.video().displayWidth()).isEqualTo(1280);
        });
        long inflated = TempArea.extractedBytes() - extracted;
        long others = Files.walk(content).filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        assertThat(inflated).as("only the deflated documents and photos are decompressed").isLessThanOrEqualTo(others);
    }

    @Test
    void theSamplesAsAnArchiveGetTheSameFindingsAsTheSamplesFolder() {
        Path samples = Path.of("samples");
        Path zip = new ArchiveZips().tree(samples.toAbsolutePath().getParent(), samples.toAbsolutePath()).write(tmp.resolve("samples.zip"));
        ValidationResult folder = Runs.validate(samples);
        ValidationResult archive = Runs.validate(zip);
        assertThat(archive.validation().scan().level()).isEqualTo(folder.validation().scan().level());
        assertThat(archive.validation().scan().units()).isEqualTo(folder.validation().scan().units());
        assertThat(comparable(archive)).isEqualTo(comparable(folder)).isNotEmpty();
        assertThat(archive.exitCode(false)).isEqualTo(folder.exitCode(false));
    }

    static Stream<Path> files(Path root) throws IOException {
        return Files.walk(root).filter(Files::isRegularFile);
    }
}

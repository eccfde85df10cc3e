package zjlearn.archive;

import zjlearn.cli.ExitCode;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import zjlearn.testing.Cli.Run;

import java.nio.file.Files;
import java.nio.file.Path;

import static zjlearn.testing.Cli.run;
import static org.assertj.core.api.Assertions.assertThat;

/** The commands take an archive where they take a folder: validate, inspect. */
class ArchiveCommandsTest {
    static final Path FIXTURES = ArchiveInputTest.FIXTURES;

    @TempDir
    Path tmp;

    @AfterAll
    static void closeArchives() {
        Mounts.closeAll();
    }

    @Test
    void validateTakesAnArchiveAndNamesItsEntriesInEveryFormat() throws Exception {
        Path zip = Files.copy(FIXTURES.resolve("宁波市教育局-百姓学习之星推荐材料.zip"), tmp.resolve("宁波市教育局-百姓学习之星推荐材料.zip"));
        Run json = run("validate", zip.toString(), "--format", "json", "-q",
                "--report", "junit=" + tmp.resolve("r.xml"), "--report", "html=" + tmp.resolve("r.html"));
        assertThat(json.code()).as(json.err()).isZero();
        JsonNode report = new ObjectMapper().readTree(json.out());
        String expected = "宁波市教育局-百姓学习之星推荐材料.zip!/百姓学习之星/01-赵志刚/推荐表.docx";
        assertThat(report.at("/submissions/0/unit").asText()).isEqualTo("宁波市");
        assertThat(report.at("/submissions/0/findings/0/file").asText()).isEqualTo(expected);
        assertThat(Files.readString(tmp.resolve("r.xml"))).contains(expected);
        assertThat(Files.readString(tmp.resolve("r.html"))).contains(expected);
        assertThat(run("validate", zip.toString(), "-q").out()).contains(expected);
    }

    @Test
    void aMissingArchiveIsAUsageError() {
        assertThat(run("validate", tmp.resolve("没有.zip").toString()).code()).isEqualTo(ExitCode.USAGE.code());
    }

    @Test
    void inspectDescribesAnArchive() throws Exception {
        Run rar = run("inspect", "--format", "json", FIXTURES.resolve("rar/rar5.rar").toString());
        assertThat(rar.code()).as(rar.err()).isZero();
        JsonNode facts = new ObjectMapper().readTree(rar.out());
        assertThat(facts.at("/type").asText()).isEqualTo("rar5");
        assertThat(facts.at("/archive/files").asInt()).isEqualTo(4);
        assertThat(facts.at("/archive/list/0").asText()).isEqualTo("rar5.rar!/test1.bin");

        Run zip7 = run("inspect", "--format", "json", FIXTURES.resolve("7zip.7z").toString());
        assertThat(zip7.code()).isZero();
        JsonNode seven = new ObjectMapper().readTree(zip7.out());
        assertThat(seven.at("/type").asText()).isEqualTo("7z");
        assertThat(seven.at("/archive/files").asInt()).isEqualTo(4);
        assertThat(seven.at("/archive/list/0").asText()).startsWith("7zip.7z!/百姓学习之星/01-赵志刚/");

        Run gbk = run("inspect", "--format", "json", FIXTURES.resolve("宁波市教育局-百姓学习之星推荐材料.zip").toString());
        JsonNode zip = new ObjectMapper().readTree(gbk.out());
        assertThat(zip.at("/archive/nameEncoding").asText()).isEqualTo("GB18030");
        assertThat(zip.at("/archive/readAs").asText()).isEqualTo("宁波市");

        Run locked = run("inspect", "--format", "json", FIXTURES.resolve("encrypted.7z").toString());
        assertThat(locked.code()).isEqualTo(ExitCode.FINDINGS.code());
        assertThat(new ObjectMapper().readTree(locked.out()).at("/error/kind").asText()).isEqualTo("archive_encrypted");
    }
}

package zjlearn.cli;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import zjlearn.testing.Province;
import zjlearn.testing.Cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static zjlearn.testing.Cli.run;

/** The jar's side of dropping a folder on zjlearn.cmd: validate, write the page beside it, open it, one line. */
class DropTest {
    @TempDir
    Path tmp;
    Path opened;

    /** Instead of a browser: a script that notes which file it was asked to open. */
    @BeforeEach
    void fakeBrowser() throws IOException {
        opened = tmp.resolve("opened.txt");
        Path browser = tmp.resolve("browser.sh");
        Files.writeString(browser, "#!/bin/sh\nprintf '%s' \"$1\" > '" + opened + "'\n");
        Files.setPosixFilePermissions(browser, PosixFilePermissions.fromString("rwxr-xr-x"));
        System.setProperty(DropCommand.OPEN_PROPERTY, browser.toString());
    }

    @AfterEach
    void noBrowser() {
        System.clearProperty(DropCommand.OPEN_PROPERTY);
    }

    @Test
    void aDroppedFolderGetsItsReportBesideItOpenedAndOneLine() throws Exception {
        Province p = new Province(tmp.resolve("省"));
        p.star("杭州市", "张三").write();
        p.star("杭州市", "李四").set("联系电话", "").write();
        Path unit = p.unit("杭州市");
        List<Path> before = files(unit);

        Cli.Run r = run("drop", unit.toString());
        assertThat(r.code()).isEqualTo(ExitCode.FINDINGS.code());
        Path report = p.root().resolve("检查报告-杭州市.html");
        assertThat(Files.readString(report)).startsWith("<!DOCTYPE html>").contains("张三").contains("李四");
        assertThat(r.err()).contains("检查完成：2 个推荐对象，通过 1 个，不通过 1 个；错误 1 个").contains("报告：" + report);
        assertThat(r.out()).isEmpty();
        assertThat(files(unit)).isEqualTo(before);
        assertThat(awaitOpened()).isEqualTo(report.toString());
    }

    @Test
    void englishSummaryAndExitZeroForACompliantFolder() throws Exception {
        Province p = new Province(tmp.resolve("省"));
        p.project("宁波市", "共富夜校").write();
        Cli.Run r = run("drop", p.root().toString(), "--lang", "en");
        assertThat(r.code()).isZero();
        assertThat(r.err()).contains("Checked: 1 submissions, 1 passed, 0 failed; 0 errors");
        assertThat(tmp.resolve("检查报告-省.html")).exists();
        assertThat(awaitOpened()).endsWith("检查报告-省.html");
    }

    @Test
    void severalDroppedFoldersEachGetAReportAndTheWorstCodeWins() throws Exception {
        Province p = new Province(tmp.resolve("省"));
        p.star("杭州市", "张三").write();
        p.star("宁波市", "李四").set("联系电话", "").write();
        System.setProperty(DropCommand.OPEN_PROPERTY, "none");
        Cli.Run r = run("drop", p.unit("杭州市").toString(), p.unit("宁波市").toString());
        assertThat(r.code()).isEqualTo(ExitCode.FINDINGS.code());
        assertThat(p.root().resolve("检查报告-杭州市.html")).exists();
        assertThat(p.root().resolve("检查报告-宁波市.html")).exists();
        assertThat(opened).doesNotExist();
    }

    @Test
    void aDroppedArchiveIsCheckedAsValidateChecksIt() throws Exception {
        Province p = new Province(tmp.resolve("材料"));
        p.star("杭州市", "张三").write();
        Path zip = tmp.resolve("杭州市.zip");
        try (var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(zip)); Stream<Path> files = Files.walk(p.unit("杭州市"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                out.putNextEntry(new java.util.zip.ZipEntry(p.root().relativize(f).toString().replace('\\', '/')));
                Files.copy(f, out);
                out.closeEntry();
            }
        }
        Cli.Run r = run("drop", zip.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).contains("检查完成：1 个推荐对象，通过 1 个");
        assertThat(tmp.resolve("检查报告-杭州市.html")).exists();
        assertThat(awaitOpened()).endsWith("检查报告-杭州市.html");
    }

    @Test
    void aMissingFolderWritesNothingAndOpensNothing() throws Exception {
        Cli.Run r = run("drop", tmp.resolve("不存在").toString());
        assertThat(r.code()).isEqualTo(ExitCode.USAGE.code());
        assertThat(r.err()).contains("找不到");
        try (Stream<Path> s = Files.list(tmp)) {
            assertThat(s.map(f -> f.getFileName().toString())).noneMatch(n -> n.startsWith("检查报告"));
        }
        Thread.sleep(200);
        assertThat(opened).doesNotExist();
    }

    @Test
    void aDoubleClickWithoutAFolderExplainsWhatToDo() {
        Cli.Run r = run("drop");
        assertThat(r.code()).isZero();
        assertThat(r.err()).contains("拖到 zjlearn.cmd 图标上");
    }

    @Test
    void theReportIsNamedAfterTheFolderOrTheArchiveWithoutItsExtension() throws IOException {
        assertThat(DropCommand.reportBeside(tmp.resolve("杭州市"))).isEqualTo(tmp.resolve("检查报告-杭州市.html"));
        Path zip = Files.writeString(tmp.resolve("杭州市.zip"), "x");
        assertThat(DropCommand.reportBeside(zip)).isEqualTo(tmp.resolve("检查报告-杭州市.html"));
    }

    private String awaitOpened() throws Exception {
        // the fake browser's shell creates the file before it writes the path into it
        for (int i = 0; i < 200 && (!Files.exists(opened) || Files.size(opened) == 0); i++) {
            Thread.sleep(50);
        }
        return Files.readString(opened);
    }

    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.sorted().toList();
        }
    }
}

package zjlearn.dist;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The launchers' text as checked out (what goes into the download): Windows batch files with CRLF line
 * endings (.gitattributes), no PowerShell or Maven at run time, the code page restored, the jar started
 * directly; shell scripts with LF. What can be tested without Windows (see README).
 */
class LaunchersTest {
    static final Path DIST_CMD = Path.of("src/dist/zjlearn.cmd");
    static final Path DEV_CMD = Path.of("bin/zjlearn.cmd");

    @Test
    void batchFilesHaveCrlfLineEndingsOnly() throws IOException {
        for (Path cmd : List.of(DIST_CMD, DEV_CMD, Path.of("src/dist/README.txt"))) {
            assertCrlf(Files.readAllBytes(cmd), cmd.toString());
        }
    }

    static void assertCrlf(byte[] bytes, String what) {
        int lines = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                assertThat(i > 0 && bytes[i - 1] == '\r').as(what + ": line " + (lines + 1) + " ends in LF alone").isTrue();
                lines++;
            }
        }
        assertThat(lines).as(what).isGreaterThan(10);
        assertThat(bytes[bytes.length - 1]).as(what + " ends with a line break").isEqualTo((byte) '\n');
    }

    @Test
    void shellScriptsHaveLfLineEndings() throws IOException {
        for (Path sh : List.of(Path.of("src/dist/zjlearn"), Path.of("bin/zjlearn"))) {
            assertThat(Files.readString(sh)).as(sh.toString()).doesNotContain("\r").startsWith("#!/usr/bin/env bash\n");
            assertThat(Files.isExecutable(sh)).as(sh + " is executable").isTrue();
        }
    }

    @Test
    void theWindowsLauncherRunsTheJarDirectlyAndRestoresTheCodePage() throws IOException {
        String cmd = Files.readString(DIST_CMD, StandardCharsets.UTF_8);
        String code = commands(cmd);
        assertThat(code).doesNotContain("powershell").doesNotContain("mvn");
        assertThat(cmd).contains("-jar \"%ZJ_JAR%\" %ZJ_CMD% %*")
                .contains("-Dzjlearn.console.cp=%ZJ_CP%")
                .contains("chcp 65001")
                .contains("chcp %ZJ_CP%")
                .contains("%JAVA_OPTS%")
                .contains("需要 Java 17 或更新的版本")
                .contains("set \"ZJ_CMD=drop\"")
                .contains("pause")
                .contains("set \"ZJ_CODE=5\"");
        // every label that is jumped to exists
        for (String target : cmd.lines().filter(l -> l.contains("goto :")).map(l -> l.substring(l.indexOf("goto :") + 6).trim()).toList()) {
            assertThat(cmd).as("label " + target).contains("\n:" + target + "\r\n");
        }
        String dev = commands(Files.readString(DEV_CMD, StandardCharsets.UTF_8));
        assertThat(dev).doesNotContain("powershell").contains("src\\dist\\zjlearn.cmd").doesNotContain("exit /b 4");
    }

    /** The lines that run (not the rem comments), in lower case. */
    static String commands(String cmd) {
        return String.join("\n", cmd.lines().filter(l -> !l.strip().toLowerCase().startsWith("rem ")).toList()).toLowerCase();
    }

    @Test
    void noEchoOfAPathInsideABlockWhereAParenthesisWouldEndIt() throws IOException {
        List<String> lines = Files.readAllLines(DIST_CMD);
        int depth = 0;
        for (String line : lines) {
            String t = line.strip();
            if (depth > 0) {
                assertThat(t.startsWith("echo") && t.contains("%")).as("echo with a variable inside ( ): " + t).isFalse();
            }
            depth += (int) t.chars().filter(c -> c == '(').count() - (int) t.chars().filter(c -> c == ')').count();
        }
    }
}

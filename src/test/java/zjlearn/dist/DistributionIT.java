package zjlearn.dist;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The download as a clerk gets it: target/zjlearn-<version>.zip (made in the package phase), unzipped into an
 * empty folder and run from another one with nothing on PATH but a JRE's java and the shell the script needs
 * (no Maven, no checkout, no environment). Runs in the integration-test phase (failsafe).
 */
class DistributionIT {
    static final List<String> LAYOUT = List.of("zjlearn.jar", "zjlearn", "zjlearn.cmd", "README.txt", "rules.yaml", "LICENSE",
            "previous-winners.csv");

    @TempDir
    static Path tmp;
    static Path zip;
    static Path home;
    static Path bin;
    static Path samples;

    @BeforeAll
    static void unzip() throws IOException {
        try (Stream<Path> s = Files.list(Path.of("target"))) {
            zip = s.filter(p -> p.getFileName().toString().matches("zjlearn-.+\\.zip")).findFirst().orElseThrow();
        }
        Path into = Files.createDirectories(tmp.resolve("下载"));
        try (ZipFile z = ZipFile.builder().setPath(zip).get()) {
            for (ZipArchiveEntry e : Collections.list(z.getEntries())) {
                Path target = into.resolve(e.getName());
                if (e.isDirectory()) {
                    Files.createDirectories(target);
                    continue;
                }
                Files.createDirectories(target.getParent());
                try (InputStream in = z.getInputStream(e)) {
                    Files.copy(in, target);
                }
                if ((e.getUnixMode() & 0100) != 0) {
                    Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
                }
            }
        }
        try (Stream<Path> s = Files.list(into)) {
            home = s.findFirst().orElseThrow();
        }
        // PATH: only java and what the script itself runs (bash through env, readlink); no mvn, no repository.
        bin = Files.createDirectories(tmp.resolve("jre-only"));
        Files.createSymbolicLink(bin.resolve("java"), Path.of(System.getProperty("java.home"), "bin", "java"));
        for (String tool : List.of("bash", "readlink")) {
            Files.createSymbolicLink(bin.resolve(tool), Path.of(which(tool)));
        }
        samples = tmp.resolve("材料");
        copy(Path.of("samples"), samples);
    }

    @Test
    void theZipHoldsOneFolderWithTheJarLaunchersRulesAndGuide() throws IOException {
        try (ZipFile z = ZipFile.builder().setPath(zip).get()) {
            List<String> names = new ArrayList<>();
            Map<String, ZipArchiveEntry> byName = new HashMap<>();
            for (ZipArchiveEntry e : Collections.list(z.getEntries())) {
                if (!e.isDirectory()) {
                    String name = e.getName().substring(e.getName().indexOf('/') + 1);
                    names.add(name);
                    byName.put(name, e);
                }
            }
            assertThat(names).containsExactlyInAnyOrderElementsOf(LAYOUT);
            assertThat(byName.get("zjlearn").getUnixMode() & 0777).isEqualTo(0755);
            try (InputStream in = z.getInputStream(byName.get("zjlearn.cmd"))) {
                LaunchersTest.assertCrlf(in.readAllBytes(), "zjlearn.cmd in the zip");
            }
            try (InputStream in = z.getInputStream(byName.get("README.txt"))) {
                assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).contains("zjlearn 使用说明").contains("拖到");
            }
        }
        assertThat(Files.readString(home.resolve("rules.yaml"))).isEqualTo(Files.readString(Path.of("rules.yaml")));
    }

    @Test
    void validateRunsOnTheSamplesWithOnlyAJreOnPath() throws Exception {
        Result r = run(Map.of(), home.resolve("zjlearn").toString(), "validate", samples.toString(), "--format", "json");
        assertThat(r.code).as(r.err).isEqualTo(1); // the samples hold deliberate mistakes
        assertThat(r.out).contains("\"schema\" : \"zjlearn-report/1\"");
        assertThat(which("mvn", bin)).isNull();
    }

    @Test
    void aLinkOnPathFindsTheJarBesideTheRealScript() throws Exception {
        Path links = Files.createDirectories(tmp.resolve("links"));
        Path link = links.resolve("zjlearn");
        if (!Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            Files.createSymbolicLink(link, home.resolve("zjlearn"));
        }
        Result r = run(Map.of("PATH", links + ":" + bin), bin.resolve("bash").toString(), "-c", "zjlearn --version");
        assertThat(r.code).as(r.err).isZero();
        assertThat(r.out).startsWith("zjlearn ");
    }

    @Test
    void anOldJavaIsNamedInChineseWithWhatToInstall() throws Exception {
        Path old = fakeJava("old", "java version \"1.8.0_301\"");
        Result r = run(Map.of("JAVA_HOME", old.toString()), home.resolve("zjlearn").toString(), "validate", samples.toString());
        assertThat(r.code).isEqualTo(5);
        assertThat(r.err).contains("zjlearn 需要 Java 17 或更新的版本，现在找到的是 Java 1.8.0_301").contains("请安装 Java 17");
        Path eleven = fakeJava("eleven", "Picked up JAVA_TOOL_OPTIONS: -Xmx1g\nopenjdk version \"11.0.2\" 2019-01-15");
        assertThat(run(Map.of("JAVA_HOME", eleven.toString()), home.resolve("zjlearn").toString(), "--version").err)
                .contains("现在找到的是 Java 11.0.2");
    }

    @Test
    void noJavaAtAllIsNamed() throws Exception {
        Path empty = Files.createDirectories(tmp.resolve("no-java"));
        Files.createSymbolicLink(empty.resolve("bash"), Path.of(which("bash")));
        Result r = run(Map.of("PATH", empty.toString()), home.resolve("zjlearn").toString(), "--version");
        assertThat(r.code).isEqualTo(5);
        assertThat(r.err).contains("找不到 Java").contains("Java 17");
    }

    @Test
    void javaOptsAndJavaToolOptionsCapTheHeap() throws Exception {
        Result opts = run(Map.of("JAVA_OPTS", "-Xmx96m -XshowSettings:vm"), home.resolve("zjlearn").toString(), "--version");
        assertThat(opts.code).isZero();
        assertThat(opts.err + opts.out).contains("Max. Heap Size: 96.00M");
        Result tool = run(Map.of("JAVA_TOOL_OPTIONS", "-Xmx48m", "JAVA_OPTS", "-XshowSettings:vm"),
                home.resolve("zjlearn").toString(), "--version");
        assertThat(tool.err + tool.out).containsPattern("Max. Heap Size \\(Estimated\\): 4\\d\\.\\d+M");
        Result none = run(Map.of("JAVA_OPTS", "-XshowSettings:vm"), home.resolve("zjlearn").toString(), "--version");
        assertThat(none.err + none.out).contains("Max. Heap Size: 1.00G");
    }

    @Test
    void droppingAFolderWritesTheReportBesideIt() throws Exception {
        Path unit = samples.resolve("杭州市");
        Result r = run(Map.of("ZJLEARN_OPEN", "none"), home.resolve("zjlearn").toString(), "drop", unit.toString());
        assertThat(r.code).isEqualTo(1);
        assertThat(r.err).contains("检查完成：").contains("检查报告-杭州市.html");
        assertThat(samples.resolve("检查报告-杭州市.html")).exists();
        Files.delete(samples.resolve("检查报告-杭州市.html"));
    }

    /** The java command line of zjlearn.cmd, as far as it means anything off Windows. */
    @Test
    void theJarStartedTheWayTheCmdStartsIt() throws Exception {
        Path unit = samples.resolve("宁波市");
        // LC_ALL: Windows gives Java the file names in UTF-16; here the locale must say UTF-8
        Result r = run(Map.of("LC_ALL", "C.UTF-8"), bin.resolve("java").toString(), "-Xmx1g", "-Xms32m", "-XX:+UseSerialGC",
                "-Dzjlearn.console.cp=936", "-Dfile.encoding=UTF-8", "-Dstdout.encoding=UTF-8", "-Dstderr.encoding=UTF-8",
                "-Dzjlearn.open=none", "-jar", home.resolve("zjlearn.jar").toString(), "drop", unit.toString());
        assertThat(r.code).as(r.err).isBetween(0, 1);
        assertThat(r.err).contains("检查完成：");
        Files.delete(samples.resolve("检查报告-宁波市.html"));
    }

    record Result(int code, String out, String err) {
    }

    /** Runs in an empty working folder with a bare environment: PATH (the JRE only, unless given) and LANG unset. */
    static Result run(Map<String, String> env, String... command) throws Exception {
        Path work = Files.createTempDirectory(tmp, "cwd");
        ProcessBuilder pb = new ProcessBuilder(command).directory(work.toFile());
        pb.environment().clear();
        pb.environment().put("PATH", bin.toString());
        pb.environment().put("HOME", tmp.toString());
        pb.environment().putAll(env);
        Path out = work.resolve("out.txt");
        Path err = work.resolve("err.txt");
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(p.waitFor(180, TimeUnit.SECONDS)).isTrue();
        return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    /** A "java" that only prints a version, as an old installation would. */
    static Path fakeJava(String name, String version) throws IOException {
        Path java = Files.createDirectories(tmp.resolve(name).resolve("bin")).resolve("java");
        Files.writeString(java, "#!/bin/sh\nprintf '%s\\n' '" + version + "' >&2\n"); // sh's builtin: nothing else on PATH
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        return java.getParent().getParent();
    }

    static String which(String tool) {
        return which(tool, null);
    }

    static String which(String tool, Path only) {
        String path = only != null ? only.toString() : System.getenv("PATH");
        for (String dir : path.split(":")) {
            Path p = Path.of(dir, tool);
            if (Files.isExecutable(p)) {
                return p.toString();
            }
        }
        return null;
    }

    static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }
}

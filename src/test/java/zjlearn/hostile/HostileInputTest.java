package zjlearn.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import zjlearn.probe.video.Mp4Builder;
import zjlearn.testing.Province;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Broken and hostile files in one province, validated by the real command line in a separate JVM with
 * a 256 MB heap: every file becomes a finding, nothing crashes or hangs, and the input is unchanged.
 */
class HostileInputTest {
    @TempDir
    static Path tmp;

    static Path root;
    static JsonNode report;
    static int exitCode;
    static long millis;
    static String stderr;
    static String treeBefore;

    @BeforeAll
    static void buildAndValidate() throws Exception {
        Province p = new Province(tmp.resolve("省"));
        root = p.root();
        byte[] docx = HostileFiles.docx();
        byte[] video = new Mp4Builder().build();

        star(p, "空推荐表docx", dir -> Files.write(dir.resolve("推荐表.docx"), new byte[0]));
        star(p, "空推荐表doc", dir -> move(dir, "推荐表.docx", "推荐表.doc", new byte[0]));
        star(p, "空登记表xlsx", dir -> move(dir, "推荐登记表.docx", "推荐登记表.xlsx", new byte[0]));
        star(p, "空登记表xls", dir -> move(dir, "推荐登记表.docx", "推荐登记表.xls", new byte[0]));
        star(p, "空证件照", dir -> Files.write(dir.resolve("证件照.jpg"), new byte[0]));
        star(p, "空生活照png", dir -> move(dir, "生活照.jpg", "生活照.png", new byte[0]));
        national(p, "空视频", new byte[0]);
        project(p, "空总结pdf", dir -> move(dir, "工作总结.docx", "工作总结.pdf", new byte[0]));
        project(p, "空总结txt", dir -> move(dir, "工作总结.docx", "工作总结.txt", new byte[0]));

        star(p, "截断推荐表", dir -> HostileFiles.truncated(dir.resolve("推荐表.docx"), docx));
        star(p, "截断证件照", dir -> HostileFiles.truncated(dir.resolve("证件照.jpg"), Files.readAllBytes(dir.resolve("证件照.jpg"))));
        national(p, "截断视频", java.util.Arrays.copyOf(video, video.length - 200));
        project(p, "截断总结", dir -> HostileFiles.truncated(dir.resolve("工作总结.docx"), Files.readAllBytes(dir.resolve("工作总结.docx"))));

        star(p, "加密推荐表", dir -> HostileFiles.encryptedDocx(dir.resolve("推荐表.docx")));
        star(p, "加密登记表xls", dir -> {
            Files.delete(dir.resolve("推荐登记表.docx"));
            HostileFiles.encryptedXls(dir.resolve("推荐登记表.xls"));
        });
        star(p, "压缩炸弹", dir -> HostileFiles.zipPackage(dir.resolve("推荐表.docx"), null, 0, 300L << 20));
        star(p, "两万个条目", dir -> HostileFiles.zipPackage(dir.resolve("推荐表.docx"),
                "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body/></w:document>", 20_000, 0));
        star(p, "外部实体", dir -> HostileFiles.zipPackage(dir.resolve("推荐表.docx"), HostileFiles.xxeDocument(), 0, 0));
        star(p, "十亿笑声", dir -> HostileFiles.zipPackage(dir.resolve("推荐表.docx"), HostileFiles.billionLaughs(), 0, 0));
        star(p, "目录损坏", dir -> {
            Files.delete(dir.resolve("推荐登记表.docx"));
            HostileFiles.corruptOle2(dir.resolve("推荐登记表.xls"));
        });

        national(p, "盒子大小为0", HostileFiles.mp4WithFirstBoxSize(0));
        national(p, "盒子大小2的40次方", HostileFiles.mp4WithFirstBoxSize(1));
        national(p, "子盒子大于父盒子", HostileFiles.mp4Recursive());
        national(p, "巨大moov", HostileFiles.mp4WithHugeMoov());
        national(p, "十亿个样本", HostileFiles.mp4WithHugeSampleCount());
        star(p, "超大视频", dir -> {
            Files.createDirectories(dir.resolve("全国推荐材料"));
            HostileFiles.sparse(dir.resolve("全国推荐材料/视频.mp4"), 9L << 30);
        });

        star(p, "巨幅证件照", dir -> Files.write(dir.resolve("证件照.jpg"),
                HostileFiles.hugeJpeg(Files.readAllBytes(dir.resolve("证件照.jpg")))));
        star(p, "巨幅PNG", dir -> move(dir, "生活照.jpg", "生活照.png", HostileFiles.hugePng()));

        star(p, "符号链接", dir -> {
            Files.createSymbolicLink(dir.resolve("外部.docx"), Path.of("/etc/passwd"));
            Files.createSymbolicLink(dir.resolve("循环"), dir);
        });
        star(p, "一万个文件", dir -> {
            for (int i = 0; i < 10_000; i++) {
                Files.write(dir.resolve(String.format("附件%05d.txt", i)), new byte[] {'x'});
            }
        });
        star(p, "深层嵌套", dir -> {
            Path deep = dir.resolve("材料");
            for (int i = 0; i < 200; i++) {
                deep = deep.resolve("d");
            }
            Files.createDirectories(deep);
            Files.writeString(deep.resolve("深处.docx"), "x");
        });
        Path badName = p.category("杭州市", Province.STAR).resolve("非UTF8文件名");
        p.star("杭州市", "非UTF8文件名").write();
        new ProcessBuilder("sh", "-c", "printf x > \"$1\"/$(printf '\\377\\376').docx", "sh", badName.toString())
                .inheritIO().start().waitFor();

        treeBefore = treeHash(root);
        Path json = tmp.resolve("report.json");
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                "zjlearn.cli.Main", "validate", root.toString(), "--format", "json", "-o", json.toString()));
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(180, TimeUnit.SECONDS)).as("validation finished in time").isTrue();
        millis = (System.nanoTime() - start) / 1_000_000;
        exitCode = process.exitValue();
        stderr = new String(output, StandardCharsets.UTF_8);
        report = new ObjectMapper().readTree(json.toFile());
    }

    interface Breaker {
        void apply(Path dir) throws Exception;
    }

    static void star(Province p, String name, Breaker breaker) throws Exception {
        breaker.apply(p.star("杭州市", name).write());
    }

    static void project(Province p, String name, Breaker breaker) throws Exception {
        breaker.apply(p.project("宁波市", name).write());
    }

    static void national(Province p, String name, byte[] video) throws Exception {
        p.star("温州市", name).national(3, video).write();
    }

    static void move(Path dir, String from, String to, byte[] content) throws IOException {
        Files.delete(dir.resolve(from));
        Files.write(dir.resolve(to), content);
    }

    @Test
    void theRunCompletesWithFindingsNotACrash() {
        assertThat(exitCode).as(stderr).isEqualTo(1);
        assertThat(stderr).doesNotContain("Exception").doesNotContain("内部错误").doesNotContain("OutOfMemory");
        assertThat(millis).as("wall time in ms").isLessThan(150_000);
    }

    @Test
    void theInputFolderIsUnchanged() throws Exception {
        assertThat(treeHash(root)).isEqualTo(treeBefore);
    }

    @ParameterizedTest(name = "{0}/{1} → {2}")
    @CsvSource({
            "空推荐表docx, 推荐表.docx, file.empty",
            "空推荐表doc, 推荐表.doc, file.empty",
            "空登记表xlsx, 推荐登记表.xlsx, file.empty",
            "空登记表xls, 推荐登记表.xls, file.empty",
            "空证件照, 证件照.jpg, file.empty",
            "空生活照png, 生活照.png, file.empty",
            "空视频, 全国推荐材料/视频.mp4, file.empty",
            "空总结pdf, 工作总结.pdf, file.empty",
            "空总结txt, 工作总结.txt, file.empty",
            "截断推荐表, 推荐表.docx, file.unreadable",
            "截断视频, 全国推荐材料/视频.mp4, file.unreadable",
            "截断总结, 工作总结.docx, file.unreadable",
            "加密推荐表, 推荐表.docx, file.encrypted",
            "加密登记表xls, 推荐登记表.xls, file.encrypted",
            "压缩炸弹, 推荐表.docx, file.unreadable",
            "两万个条目, 推荐表.docx, file.unreadable",
            "外部实体, 推荐表.docx, file.unreadable",
            "十亿笑声, 推荐表.docx, file.unreadable",
            "目录损坏, 推荐登记表.xls, file.unreadable",
            "盒子大小为0, 全国推荐材料/视频.mp4, file.unreadable",
            "盒子大小2的40次方, 全国推荐材料/视频.mp4, file.unreadable",
            "子盒子大于父盒子, 全国推荐材料/视频.mp4, file.unreadable",
            "巨大moov, 全国推荐材料/视频.mp4, file.unreadable",
            "十亿个样本, 全国推荐材料/视频.mp4, file.unreadable",
            "超大视频, 全国推荐材料/视频.mp4, file.too-large",
            "巨幅证件照, 证件照.jpg, image.aspect",
            "截断证件照, 证件照.jpg, file.unreadable",
            "符号链接, 外部.docx, layout.unknown-file",
            "符号链接, 循环, layout.unknown-file",
            "一万个文件, , files.too-many",
            "深层嵌套, 材料, layout.unplaced"})
    void eachBadFileBecomesItsFinding(String submission, String file, String rule) {
        JsonNode s = submission(submission);
        List<String> matches = new ArrayList<>();
        for (JsonNode f : s.get("findings")) {
            String path = f.get("file").isNull() ? null : f.get("file").asText();
            boolean fileMatches = file == null ? true : path != null && path.endsWith(submission + "/" + file);
            if (fileMatches && f.get("rule").asText().equals(rule)) {
                matches.add(f.get("message").asText());
            }
        }
        assertThat(matches).as("findings of %s: %s", submission, s.get("findings")).isNotEmpty();
    }

    @Test
    void aHugePngIsMeasuredFromItsHeader() {
        JsonNode s = submission("巨幅PNG");
        assertThat(s.get("files")).anySatisfy(f -> {
            assertThat(f.get("path").asText()).endsWith("生活照.png");
            assertThat(f.get("type").asText()).isEqualTo("png");
        });
        assertThat(s.get("findings")).noneSatisfy(f -> assertThat(f.get("rule").asText()).isEqualTo("file.unreadable"));
    }

    @Test
    void aTruncatedPhotoStillHasItsSize() {
        JsonNode s = submission("截断证件照");
        assertThat(s.get("findings")).noneSatisfy(f -> assertThat(f.get("rule").asText()).startsWith("image."));
    }

    @Test
    void aNameThatIsNotUtf8IsReportedNotFatal() {
        JsonNode s = submission("非UTF8文件名");
        assertThat(s.get("findings")).anySatisfy(f -> {
            assertThat(f.get("rule").asText()).isEqualTo("layout.unknown-file");
            assertThat(f.get("file").asText()).contains("\uFFFD");
        });
    }

    static JsonNode submission(String title) {
        for (JsonNode s : report.get("submissions")) {
            if (s.get("title").asText().equals(title)) {
                return s;
            }
        }
        throw new AssertionError("no submission " + title);
    }

    static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Names, sizes, modification times and content hashes of every file, symlinks by their target. */
    static String treeHash(Path dir) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.sorted().toList()) {
                sha.update(dir.relativize(f).toString().getBytes(StandardCharsets.UTF_8));
                if (Files.isSymbolicLink(f)) {
                    sha.update(Files.readSymbolicLink(f).toString().getBytes(StandardCharsets.UTF_8));
                } else if (Files.isRegularFile(f)) {
                    sha.update(Long.toString(Files.getLastModifiedTime(f).toMillis()).getBytes(StandardCharsets.UTF_8));
                    if (Files.size(f) < (64 << 20)) {
                        sha.update(Files.readAllBytes(f));
                    } else {
                        sha.update(Long.toString(Files.size(f)).getBytes(StandardCharsets.UTF_8));
                    }
                }
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }

}

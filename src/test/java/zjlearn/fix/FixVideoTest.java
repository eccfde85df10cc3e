package zjlearn.fix;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import zjlearn.ValidationResult;
import zjlearn.check.Finding;
import zjlearn.probe.video.VideoFacts;
import zjlearn.probe.video.VideoProbe;
import zjlearn.rules.Rules;
import zjlearn.testing.Province;
import zjlearn.testing.Runs;
import zjlearn.testing.Trees;
import zjlearn.testing.Cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code zjlearn fix} on ffmpeg-made videos of each kind phones and editors export: every converted copy passes the
 * video checks when validated for real, the length is never changed, a compliant video is copied byte for byte and
 * the input is untouched. The rules allow 1–10 s so that 2-second clips can pass.
 */
class FixVideoTest {
    @TempDir
    static Path tmp;
    static Path root;
    static Path copy;
    static Rules rules;
    static Cli.Run run;
    static Map<String, String> before;
    static Map<String, String> after;
    static ValidationResult copied;
    /** Kind → the video's folder relative to the root. */
    static final Map<String, String> KINDS = new LinkedHashMap<>();

    @BeforeAll
    static void convert() throws Exception {
        assumeTrue(FixFixtures.ffmpeg() != null, "ffmpeg is not installed: the video conversions are not tested");
        Path rulesFile = FixFixtures.shortVideoRules(tmp.resolve("rules"));
        rules = FixFixtures.load(rulesFile);
        root = tmp.resolve("in").resolve("全省");
        Province p = new Province(root);
        String x264 = "libx264";
        video(p, "1080p30", "杭州市", "张一", "视频.mp4", args(FixFixtures.source("1920x1080", "30", 2, true), "-c:v", x264, "-preset", "ultrafast", "-c:a", "aac"));
        video(p, "29.97", "杭州市", "张二", "视频.mp4", args(FixFixtures.source("1280x720", "30000/1001", 2, true), "-c:v", x264, "-preset", "ultrafast", "-c:a", "aac"));
        video(p, "vfr", "宁波市", "张三", "视频.mp4", args(FixFixtures.source("1280x720", "25", 2, true),
                "-vf", "settb=1/90000,setpts=N/25/TB+(random(0)-0.5)*0.016/TB", "-fps_mode", "passthrough", "-enc_time_base", "1:90000",
                "-c:v", x264, "-preset", "ultrafast", "-c:a", "aac"));
        video(p, "hevc", "宁波市", "张四", "视频.mp4", args(FixFixtures.source("1280x720", "25", 2, true), "-c:v", "libx265", "-preset", "ultrafast",
                "-x265-params", "log-level=error", "-tag:v", "hvc1", "-c:a", "aac"));
        video(p, "rotated", "温州市", "张五", "竖屏.mp4", args(FixFixtures.source("1280x720", "25", 2, true), "-c:v", x264, "-preset", "ultrafast",
                "-c:a", "aac"));
        Path upright = root.resolve(KINDS.get("rotated")).resolve("竖屏.mp4");
        FixFixtures.make(upright.resolveSibling("视频.mp4"), "-i", upright.toString(), "-c", "copy", "-metadata:s:v:0", "rotate=90");
        Files.delete(upright);
        video(p, "mov", "温州市", "张六", "视频.mov", args(FixFixtures.source("1280x720", "25", 2, true), "-c:v", x264, "-preset", "ultrafast",
                "-pix_fmt", "yuv420p", "-c:a", "aac", "-f", "mov"));
        video(p, "no audio", "嘉兴市", "张七", "视频.mp4", args(FixFixtures.source("1280x720", "30", 2, false), "-c:v", x264, "-preset", "ultrafast"));
        video(p, "short", "嘉兴市", "张八", "视频.mp4", args(FixFixtures.source("1920x1080", "25", 0.5, true), "-c:v", x264, "-preset", "ultrafast", "-c:a", "aac"));
        video(p, "compliant", "湖州市", "张九", "视频.mp4", args(FixFixtures.source("1280x720", "25", 2, true), "-c:v", x264, "-preset", "ultrafast",
                "-pix_fmt", "yuv420p", "-c:a", "aac", "-movflags", "+faststart"));
        before = Trees.fingerprint(root);
        Path out = tmp.resolve("out");
        run = Cli.run("fix", root.toString(), "-o", out.toString(), "--rules", rulesFile.toString(), "-q");
        after = Trees.fingerprint(root);
        copy = out.resolve("全省");
        copied = Runs.validate(rules, copy);
    }

    private static List<String> args(List<String> source, String... rest) {
        List<String> a = new ArrayList<>(source);
        a.addAll(List.of(rest));
        return a;
    }

    private static void video(Province p, String kind, String unit, String name, String file, List<String> args) throws Exception {
        Path dir = p.star(unit, name).national(3, new byte[] {0}).write();
        Path national = dir.resolve("全国推荐材料");
        Files.delete(national.resolve("视频.mp4"));
        FixFixtures.make(national.resolve(file), args.toArray(String[]::new));
        KINDS.put(kind, unit + "/百姓学习之星/" + name + "/全国推荐材料/");
    }

    private static List<String> videoRules(String kind, String file) {
        String path = KINDS.get(kind) + file;
        return copied.findings().stream().filter(f -> path.equals(f.file()) && f.rule().id().startsWith("video."))
                .filter(Finding::isError).map(f -> f.rule().id()).toList();
    }

    private static VideoFacts probe(Path file) throws Exception {
        return VideoProbe.probe(file);
    }

    @Test
    void everyConvertedCopyPassesTheVideoChecks() {
        assertThat(run.err()).as(run.out()).doesNotContain("Exception");
        for (String kind : List.of("1080p30", "29.97", "vfr", "hevc", "rotated", "no audio", "compliant")) {
            assertThat(videoRules(kind, "视频.mp4")).as(kind + "\n" + run.out()).isEmpty();
        }
        assertThat(videoRules("mov", "视频.mp4")).as(run.out()).isEmpty();
    }

    @Test
    void theInputIsUntouched() {
        assertThat(after).isEqualTo(before);
    }

    @Test
    void theMovIsRemuxedUnderItsMp4Name() throws Exception {
        Path mov = copy.resolve(KINDS.get("mov"));
        assertThat(mov.resolve("视频.mp4")).exists();
        assertThat(mov.resolve("视频.mov")).doesNotExist();
        assertThat(run.out()).contains(KINDS.get("mov") + "视频.mov → 视频.mp4").contains("转封装为 MP4");
        VideoFacts in = probe(root.resolve(KINDS.get("mov")).resolve("视频.mov"));
        VideoFacts out = probe(mov.resolve("视频.mp4"));
        assertThat(out.container().kind()).isEqualTo("mp4");
        assertThat(out.timing().frameCount()).isEqualTo(in.timing().frameCount());
    }

    @Test
    void theRotatedClipIsTurnedAndPadded() throws Exception {
        VideoFacts out = probe(copy.resolve(KINDS.get("rotated")).resolve("视频.mp4"));
        assertThat(List.of(out.picture().displayWidth(), out.picture().displayHeight(), out.picture().rotation())).containsExactly(1280, 720, 0);
    }

    @Test
    void aVideoOfTheWrongLengthIsConvertedButNotCut() throws Exception {
        assertThat(videoRules("short", "视频.mp4")).containsExactly("video.duration");
        VideoFacts in = probe(root.resolve(KINDS.get("short")).resolve("视频.mp4"));
        VideoFacts out = probe(copy.resolve(KINDS.get("short")).resolve("视频.mp4"));
        assertThat(out.timing().durationSeconds()).isCloseTo(in.timing().durationSeconds(), org.assertj.core.data.Offset.offset(1 / 25.0 + 1e-6));
        assertThat(out.picture().codec()).isEqualTo("avc1");
        assertThat(out.timing().fps()).isEqualTo(25.0);
        assertThat(run.out()).contains("[video.duration]");
    }

    @Test
    void noSoundStaysAWarningWithItsFix() {
        String path = KINDS.get("no audio") + "视频.mp4";
        assertThat(copied.findings()).anyMatch(f -> path.equals(f.file()) && f.rule().id().equals("video.audio"));
        assertThat(run.out()).contains(path + "  [video.audio]");
    }

    @Test
    void aCompliantVideoIsCopiedByteForByte() throws Exception {
        String rel = KINDS.get("compliant") + "视频.mp4";
        assertThat(Files.mismatch(root.resolve(rel), copy.resolve(rel))).isEqualTo(-1L);
        assertThat(run.out()).doesNotContain(rel + " →");
    }

    @Test
    void everyInputFileIsInTheCopy() throws Exception {
        List<String> in;
        List<String> out;
        try (Stream<Path> w = Files.walk(root)) {
            in = w.filter(Files::isRegularFile).map(p -> root.relativize(p).toString().replace("视频.mov", "视频.mp4")).sorted().toList();
        }
        try (Stream<Path> w = Files.walk(copy)) {
            out = w.filter(Files::isRegularFile).map(p -> copy.relativize(p).toString()).sorted().toList();
        }
        assertThat(out).isEqualTo(in);
    }

    @Test
    void theCopysOwnValidationIsPrintedAndDecidesTheExitCode() {
        assertThat(run.out()).contains("副本的检查报告").contains("已转换 8 个文件");
        assertThat(run.code()).isEqualTo(1); // the short clip's length stays an error
    }
}

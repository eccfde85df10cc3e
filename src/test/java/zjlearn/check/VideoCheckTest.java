package zjlearn.check;

import zjlearn.rules.Rule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import zjlearn.ValidationResult;
import zjlearn.probe.video.Mp4Builder;
import zjlearn.rules.Severity;
import zjlearn.testing.Province;
import zjlearn.testing.Runs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static zjlearn.testing.Runs.findings;
import static zjlearn.testing.Runs.zh;

/** Each video property of the notice passes on a compliant file and fails, with a fix, on a wrong one. */
class VideoCheckTest {
    @TempDir
    Path tmp;

    /** A national star whose video is the default builder's (compliant) file changed by {@code change}. */
    ValidationResult withVideo(Consumer<Mp4Builder> change) {
        Mp4Builder b = new Mp4Builder();
        change.accept(b);
        Province p = new Province(tmp.resolve("省"));
        p.star("杭州市", "张三").national(3, b.build()).write();
        return Runs.validate(p.root());
    }

    @Test
    void aCompliantVideoIsSilent() {
        ValidationResult result = withVideo(b -> { });
        assertThat(Runs.describe(result)).isEmpty();
        assertThat(result.validation().scan().submissions().get(0).national()).isTrue();
    }

    @Test
    void moovFirstOrLastMakesNoDifference() {
        assertThat(Runs.describe(withVideo(b -> b.moovFirst = true))).isEmpty();
    }

    @Test
    void aQuickTimeFileIsNotMp4() {
        ValidationResult result = withVideo(b -> {
            b.brand = "qt  ";
            b.compatible = java.util.List.of("qt  ");
        });
        assertThat(findings(result, "video.container")).singleElement().satisfies(f -> {
            assertThat(zh(f)).contains("不是 MP4").contains("QuickTime");
            assertThat(fix(f)).contains("ffmpeg -i \"视频.mp4\" -c copy");
        });
    }

    @Test
    void hevcIsNotH264() {
        ValidationResult result = withVideo(b -> b.codec = "hvc1");
        assertThat(findings(result, "video.codec")).singleElement().satisfies(f -> {
            assertThat(zh(f)).contains("H.265/HEVC");
            assertThat(fix(f)).contains("libx264");
        });
    }

    @Test
    void theResolutionIsJudgedAsDisplayed() {
        assertThat(findings(withVideo(b -> {
            b.width = 1920;
            b.height = 1080;
        }), "video.resolution")).singleElement().satisfies(f -> assertThat(zh(f)).contains("1920×1080"));
        assertThat(findings(withVideo(b -> b.rotation = 90), "video.resolution")).singleElement()
                .satisfies(f -> assertThat(zh(f)).contains("720×1280").contains("旋转"));
        assertThat(findings(withVideo(b -> {
            b.width = 960;
            b.paspH = 4;
            b.paspV = 3;
        }), "video.resolution")).singleElement().satisfies(f -> assertThat(zh(f)).contains("像素宽高比 4:3"));
        assertThat(findings(withVideo(b -> b.rotation = 180), "video.resolution")).isEmpty();
    }

    @Test
    void interlacedIsNot720p() {
        assertThat(findings(withVideo(b -> b.interlaced = true), "video.scan")).singleElement()
                .satisfies(f -> assertThat(fix(f)).contains("yadif"));
    }

    @Test
    void theFrameRateMustBeAConstant25() {
        assertThat(findings(withVideo(b -> {
            b.timescale = 30000;
            b.delta = 1001;
            b.frames = 8100;
        }), "video.fps")).singleElement().satisfies(f -> assertThat(zh(f)).contains("29.97 帧/秒"));
        long[] jitter = new long[6750];
        for (int i = 0; i < jitter.length; i++) {
            jitter[i] = i % 2 == 0 ? 412 : 612;
        }
        assertThat(findings(withVideo(b -> b.deltas = jitter), "video.fps")).singleElement()
                .satisfies(f -> assertThat(zh(f)).contains("可变帧率").contains("平均 25"));
    }

    @Test
    void theDurationIsTheVideoTracksWithinOneFrame() {
        assertThat(findings(withVideo(b -> b.frames = 25 * 200), "video.duration")).singleElement()
                .satisfies(f -> assertThat(zh(f)).contains("3:20").contains("4:00–5:00"));
        assertThat(findings(withVideo(b -> b.frames = 25 * 320), "video.duration")).singleElement()
                .satisfies(f -> assertThat(fix(f)).contains("-t 300"));
        assertThat(findings(withVideo(b -> b.frames = 25 * 240), "video.duration")).isEmpty();
        assertThat(findings(withVideo(b -> b.frames = 25 * 300 + 1), "video.duration")).isEmpty();
        assertThat(findings(withVideo(b -> b.frames = 25 * 240 - 2), "video.duration")).hasSize(1);
    }

    @Test
    void aSilentVideoIsAWarning() {
        ValidationResult result = withVideo(b -> b.audio = false);
        assertThat(findings(result, "video.audio")).singleElement()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.WARNING));
        assertThat(result.exitCode(false)).isZero();
    }

    @Test
    void fragmentedMp4IsMp4AndCountsItsFragments() {
        ValidationResult result = withVideo(b -> {
            b.fragmentSamples = 250;
            b.moovSamples = 0;
        });
        assertThat(Runs.describe(result)).isEmpty();
    }

    @Test
    void brokenAndMislabelledVideosAreFindingsNotCrashes() {
        byte[] good = new Mp4Builder().build();
        assertThat(findings(withVideo(b -> { }), "file.unreadable")).isEmpty();
        Province p = new Province(tmp.resolve("truncated"));
        p.star("杭州市", "张三").national(3, Arrays.copyOf(good, good.length - 100)).write();
        assertThat(findings(Runs.validate(p.root()), "file.unreadable")).hasSize(1);

        Province q = new Province(tmp.resolve("mkv"));
        q.star("杭州市", "李四").national(3, new byte[] {0x1A, 0x45, (byte) 0xDF, (byte) 0xA3, 1, 2, 3, 4, 5, 6, 7, 8}).write();
        ValidationResult mkv = Runs.validate(q.root());
        assertThat(findings(mkv, "video.container")).singleElement()
                .satisfies(f -> assertThat(zh(f)).contains("Matroska"));
    }

    @Test
    void aNationalCandidateNeedsItsExtras() {
        Province p = new Province(tmp.resolve("省"));
        p.star("杭州市", "张三").national(2, null).write();
        assertThat(findings(Runs.validate(p.root()), "files.count")).extracting(Runs::zh)
                .anySatisfy(m -> assertThat(m).contains("“全国推荐材料”文件夹中缺少视频"))
                .anySatisfy(m -> assertThat(m).contains("照片").contains("3–5 份"));
    }

    @Test
    void realEncoderOutputFromFfmpegIsJudgedLikeTheSpecSays() throws IOException {
        Province p = new Province(tmp.resolve("省"));
        p.star("杭州市", "张三").national(3, fixture("h264_720p25_moov_end.mp4")).write();
        ValidationResult result = Runs.validate(p.root());
        // The committed clips are 2 s long: only the duration may fail.
        assertThat(result.findings()).extracting(f -> f.rule()).containsOnly(Rule.VIDEO_DURATION);
    }

    private static byte[] fixture(String name) throws IOException {
        try (InputStream in = VideoCheckTest.class.getResourceAsStream("/fixtures/video/" + name)) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        }
    }

    private static String fix(zjlearn.check.Finding f) {
        return f.fix().render(Locale.CHINA);
    }
}

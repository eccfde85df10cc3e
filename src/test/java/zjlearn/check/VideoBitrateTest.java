package zjlearn.check;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import zjlearn.ValidationResult;
import zjlearn.probe.video.Mp4Builder;
import zjlearn.rules.Rules;
import zjlearn.rules.RulesLoader;
import zjlearn.rules.Severity;
import zjlearn.testing.Province;
import zjlearn.testing.Runs;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static zjlearn.testing.Runs.findings;

/**
 * {@code video.bitrate}: the video track's average bitrate (sample bytes × 8 ÷ duration) against
 * {@code video.minKbps}, a warning by default. The videos are 10 s long (their length is another rule's business),
 * so a realistic bitrate costs only a few MB.
 */
class VideoBitrateTest {
    @TempDir
    Path tmp;

    /** The built-in rules as shipped (the shared test rules leave this rule off: see {@link Runs#rules()}). */
    static final Rules BUILT_IN = RulesLoader.loadDefault();

    ValidationResult withVideo(Rules rules, Consumer<Mp4Builder> change) {
        Mp4Builder b = new Mp4Builder();
        b.frames = 250;
        change.accept(b);
        Province p = new Province(tmp.resolve("省"));
        p.star("杭州市", "张三").national(3, b.build()).write();
        return Runs.validate(rules, p.root());
    }

    static int kbps() {
        return zjlearn.rules.Rule.VIDEO_BITRATE.param(BUILT_IN, "video.minKbps").orElseThrow().intValue();
    }

    /** Bytes per frame for an average bitrate at 25 fps. */
    static int frameBytes(double kbps) {
        return (int) Math.round(kbps * 1000 / 8 / 25);
    }

    @Test
    void aVideoUnderTheMinimumIsAWarningThatSaysByHowMuch() {
        ValidationResult result = withVideo(BUILT_IN, b -> b.sampleSize = frameBytes(kbps() / 4.0));
        assertThat(findings(result, "video.bitrate")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.message().key()).isEqualTo("video.bitrate.message");
            assertThat(f.message().args()).containsExactly(VideoBitrateCheck.rate(kbps() * 250.0),
                    VideoBitrateCheck.rate(kbps() * 1000.0));
            assertThat(f.message().render(Locale.SIMPLIFIED_CHINESE)).startsWith("视频平均码率只有 ")
                    .contains("放映时画面可能出现明显的马赛克");
            assertThat(f.message().render(Locale.ENGLISH)).startsWith("the video's average bitrate is only ");
            assertThat(f.fix().render(Locale.SIMPLIFIED_CHINESE)).contains("重新导出").contains(VideoBitrateCheck.rate(kbps() * 1000.0));
        });
    }

    @Test
    void aVideoAtOrOverTheMinimumIsSilent() {
        assertThat(findings(withVideo(BUILT_IN, b -> b.sampleSize = frameBytes(kbps() * 1.01)), "video.bitrate")).isEmpty();
        assertThat(findings(withVideo(BUILT_IN, b -> b.sampleSize = frameBytes(kbps() * 3)), "video.bitrate")).isEmpty();
    }

    @Test
    void fragmentedFilesCountTheirFragmentsBytes() {
        ValidationResult low = withVideo(BUILT_IN, b -> {
            b.sampleSize = frameBytes(kbps() / 4.0);
            b.fragmentSamples = 50;
            b.moovSamples = 0;
        });
        assertThat(findings(low, "video.bitrate")).hasSize(1);
        ValidationResult high = withVideo(BUILT_IN, b -> {
            b.sampleSize = frameBytes(kbps() * 2);
            b.fragmentSamples = 50;
            b.moovSamples = 0;
        });
        assertThat(findings(high, "video.bitrate")).isEmpty();
    }

    @Test
    void theMinimumAndSeverityComeFromTheRulesFile() throws Exception {
        String yaml = Files.readString(Path.of("rules.yaml"), StandardCharsets.UTF_8);
        Rules stricter = RulesLoader.parse(yaml.replaceFirst("minKbps: \\d+", "minKbps: " + kbps() * 4)
                .replace("\nseverity:\n", "\nseverity:\n  video.bitrate: error\n"), "other.yaml", Path.of("."));
        ValidationResult result = withVideo(stricter, b -> b.sampleSize = frameBytes(kbps() * 2));
        assertThat(findings(result, "video.bitrate")).singleElement()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.ERROR));
        Rules without = RulesLoader.parse(yaml.replaceFirst("\n  minKbps: \\d+[^\n]*", ""), "old.yaml", Path.of("."));
        assertThat(findings(withVideo(without, b -> b.sampleSize = 4), "video.bitrate"))
                .as("an older rules file without video.minKbps checks no bitrate").isEmpty();
    }

    @Test
    void aFileWithoutPictureGetsNoBitrateFinding() {
        assertThat(findings(withVideo(BUILT_IN, b -> b.videoTrack = false), "video.bitrate")).isEmpty();
    }
}

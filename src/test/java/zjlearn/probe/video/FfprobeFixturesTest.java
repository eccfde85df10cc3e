package zjlearn.probe.video;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import zjlearn.probe.ProbeException;

/**
 * Real ffmpeg-made files (src/test/resources/fixtures/video, made by make-fixtures.sh) checked against the ffprobe
 * output stored beside each one.
 */
class FfprobeFixturesTest {

    static Path dir() throws URISyntaxException {
        return Path.of(FfprobeFixturesTest.class.getResource("/fixtures/video/make-fixtures.sh").toURI()).getParent();
    }

    static Stream<Path> fixtures() throws Exception {
        return FfprobeOracle.corpus(dir()).stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void agreesWithFfprobe(Path mp4) throws Exception {
        FfprobeOracle.Result r = FfprobeOracle.compare(mp4);
        assertThat(r.mismatches()).as("%s%n  ours:    %s%n  ffprobe: %s", r.file(), r.ours(), r.ffprobe()).isEmpty();
    }

    @Test
    void theCorpusIsThere() throws Exception {
        assertThat(FfprobeOracle.corpus(dir())).hasSizeGreaterThanOrEqualTo(20);
    }

    @Test
    void specificFacts() throws Exception {
        Path d = dir();
        VideoFacts ok = VideoProbe.probe(d.resolve("h264_720p25_moov_end.mp4"));
        assertThat(List.of(ok.picture().codec(), ok.picture().displayWidth(), ok.picture().displayHeight(), ok.timing().fps(), ok.audio().codec()))
                .containsExactly("avc1", 1280, 720, 25.0, "mp4a");
        VideoFacts rot = VideoProbe.probe(d.resolve("h264_720p25_rot90.mp4"));
        assertThat(rot.picture().displayWidth()).isEqualTo(720);
        assertThat(rot.picture().displayHeight()).isEqualTo(1280);
        VideoFacts sar = VideoProbe.probe(d.resolve("h264_960x720_sar4-3.mp4"));
        assertThat(sar.picture().displayWidth()).isEqualTo(1280);
        VideoFacts mbaff = VideoProbe.probe(d.resolve("h264_720p25_interlaced_mbaff.mp4"));
        assertThat(mbaff.picture().codedHeight()).isEqualTo(720);
        assertThat(mbaff.picture().progressive()).isFalse();
        assertThat(mbaff.picture().mbaff()).isTrue();
        VideoFacts vfr = VideoProbe.probe(d.resolve("h264_720p25_vfr_jitter.mp4"));
        assertThat(vfr.timing().constant()).isFalse();
        VideoFacts frag = VideoProbe.probe(d.resolve("h264_720p25_frag_first_gop.mp4"));
        assertThat(frag.container().fragmented()).isTrue();
        assertThat(frag.container().fragmentCount()).isPositive();
        assertThat(frag.timing().frameCount()).isEqualTo(50);
        assertThat(VideoProbe.probe(d.resolve("h264_720p25_faststart_truncated.mp4")).integrity().truncated()).isTrue();
        assertThat(VideoProbe.probe(d.resolve("h264_720p25_quicktime.mov.mp4")).container().kind()).isEqualTo("quicktime");
        try {
            VideoProbe.probe(d.resolve("h264_720p25_moov_end_truncated.mp4"));
            throw new AssertionError("expected UNREADABLE");
        } catch (ProbeException e) {
            assertThat(e.kind()).isEqualTo(ProbeException.Kind.UNREADABLE);
        }
    }
}

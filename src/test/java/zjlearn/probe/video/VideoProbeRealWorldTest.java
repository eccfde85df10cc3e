package zjlearn.probe.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import zjlearn.probe.ProbeException;

/**
 * What players tolerate is tolerated, what they reject is rejected, and DRM is named: built in code with
 * {@link Mp4Builder}, and on the encrypted files of mp4parse-rust's test suite (src/test/resources/realworld).
 */
class VideoProbeRealWorldTest {
    private static final Path REAL = Path.of("src/test/resources/realworld/mp4");

    @TempDir
    Path dir;

    @Test
    void emptyStscInTheAudioTrackIsTolerated() throws Exception {
        Mp4Builder b = new Mp4Builder();
        b.audioEmptyStsc = true;
        VideoFacts f = VideoProbe.probe(b.write(dir, "v.mp4"));
        assertThat(f.picture().codec()).isEqualTo("avc1");
        assertThat(f.timing().durationSeconds()).isEqualTo(270.0);
        assertThat(f.audio().codec()).isEqualTo("mp4a");
    }

    @Test
    void stscPointingPastTheChunkTableIsRejected() throws Exception {
        Mp4Builder b = new Mp4Builder();
        b.stscFirstChunk = 100_000;
        assertThatThrownBy(() -> VideoProbe.probe(b.write(dir, "v.mp4")))
                .isInstanceOfSatisfying(ProbeException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ProbeException.Kind.UNREADABLE);
                    assertThat(e.getMessage()).contains("stsc refers to chunk 100000").contains("270 chunks");
                });
    }

    @Test
    void stscWithinTheChunkTableStaysReadable() throws Exception {
        Mp4Builder b = new Mp4Builder();
        b.stscFirstChunk = 1;
        assertThat(VideoProbe.probe(b.write(dir, "v.mp4")).timing().frameCount()).isEqualTo(6750);
    }

    @Test
    void aDuplicateMoovIsSkippedAsPlayersDo() throws Exception {
        byte[] file = new Mp4Builder().build();
        int moov = indexOf(file, "moov") - 4;
        int size = (file[moov] & 0xFF) << 24 | (file[moov + 1] & 0xFF) << 16 | (file[moov + 2] & 0xFF) << 8 | (file[moov + 3] & 0xFF);
        byte[] twice = java.util.Arrays.copyOf(file, file.length + size);
        System.arraycopy(file, moov, twice, file.length, size);
        VideoFacts f = VideoProbe.probe(java.nio.file.Files.write(dir.resolve("two-moov.mp4"), twice));
        assertThat(f.timing().durationSeconds()).isEqualTo(270.0);
    }

    private static int indexOf(byte[] b, String fourcc) {
        byte[] n = fourcc.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        outer:
        for (int i = 0; i + n.length <= b.length; i++) {
            for (int j = 0; j < n.length; j++) {
                if (b[i + j] != n[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    @Test
    void cencTracksAreNamedEncrypted() throws Exception {
        Mp4Builder b = new Mp4Builder();
        b.encryption = "cenc";
        assertThatThrownBy(() -> VideoProbe.probe(b.write(dir, "v.mp4")))
                .isInstanceOfSatisfying(ProbeException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ProbeException.Kind.ENCRYPTED);
                    assertThat(e.getMessage()).contains("scheme cenc").contains("codec avc1");
                });
    }

    @Test
    void realCencAndCbcsInitSegmentsAreNamedEncrypted() {
        for (String name : new String[] {"bipbop_480wp_1001kbps-cenc-video-key1-init.mp4", "bipbop_cbcs_video_init.mp4",
                "bipbop-cenc-audioinit.mp4"}) {
            assertThatThrownBy(() -> VideoProbe.probe(REAL.resolve(name))).as(name)
                    .isInstanceOfSatisfying(ProbeException.class,
                            e -> assertThat(e.kind()).isEqualTo(ProbeException.Kind.ENCRYPTED));
        }
    }

    @Test
    void clearRealFileIsNotCalledEncrypted() throws Exception {
        VideoFacts f = VideoProbe.probe(REAL.resolve("h264_white_frame_sar_16_9.mp4"));
        assertThat(f.picture().codec()).isEqualTo("avc1");
        assertThat(f.picture().pixelAspect()).isEqualTo("16:9");
    }
}

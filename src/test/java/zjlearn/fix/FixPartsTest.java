package zjlearn.fix;

import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The small parts of fix: ffmpeg's progress lines, EXIF orientations, names of converted files. */
class FixPartsTest {
    @Test
    void ffmpegProgressBlocksBecomeUpdates() throws Exception {
        String lines = """
                frame=50
                fps=0.00
                out_time_us=2000000
                out_time_ms=2000000
                speed=1.5x
                progress=continue
                out_time_us=N/A
                speed=N/A
                progress=continue
                out_time_us=4040000
                speed= 2.02x
                progress=end
                """;
        List<double[]> seen = new ArrayList<>();
        Ffmpeg.readProgress(new ByteArrayInputStream(lines.getBytes(StandardCharsets.UTF_8)), (s, v) -> seen.add(new double[] {s, v}));
        assertThat(seen).hasSize(3);
        assertThat(seen.get(0)).containsExactly(2.0, 1.5);
        assertThat(seen.get(1)).containsExactly(0.0, 0.0); // N/A is no number
        assertThat(seen.get(2)).containsExactly(4.04, 2.02);
    }

    @Test
    void theMeterShowsPercentSpeedAndTimeLeft() {
        assertThat(zjlearnMeter(141, 300, 1.8, false)).isEqualTo(" 47%  1.8×  剩余 1:28");
        assertThat(zjlearnMeter(141, 300, 1.8, true)).isEqualTo(" 47%  1.8×  left 1:28");
        assertThat(zjlearnMeter(65, 0, 0, false)).isEqualTo("1:05");
    }

    private static String zjlearnMeter(double done, double total, double speed, boolean english) {
        try {
            Class<?> c = Class.forName("zjlearn.cli.FixCommand$VideoMeter");
            java.lang.reflect.Method m = c.getDeclaredMethod("render", double.class, double.class, double.class, boolean.class);
            m.setAccessible(true);
            return (String) m.invoke(null, done, total, speed, english);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    /** A 3×2 picture whose top-left pixel is marked, as stored with each orientation, shown the right way up. */
    @Test
    void everyExifOrientationIsTurnedAsViewersShowIt() {
        // where the stored top-left pixel appears once displayed (TIFF 6.0 / EXIF orientation meanings)
        int[][] expected = {
                null,
                {0, 0, 3, 2}, // 1: as stored
                {2, 0, 3, 2}, // 2: mirrored: top-right
                {2, 1, 3, 2}, // 3: rotated 180: bottom-right
                {0, 1, 3, 2}, // 4: flipped: bottom-left
                {0, 0, 2, 3}, // 5: transposed: top-left, portrait
                {1, 0, 2, 3}, // 6: rotate 90 clockwise: top-right
                {1, 2, 2, 3}, // 7: transverse: bottom-right
                {0, 2, 2, 3}, // 8: rotate 90 counter-clockwise: bottom-left
        };
        for (int o = 1; o <= 8; o++) {
            BufferedImage stored = new BufferedImage(3, 2, BufferedImage.TYPE_INT_RGB);
            stored.setRGB(0, 0, 0xFF0000);
            BufferedImage shown = PhotoConverter.upright(stored, o);
            assertThat(List.of(shown.getWidth(), shown.getHeight())).as("orientation %d size", o)
                    .containsExactly(expected[o][2], expected[o][3]);
            assertThat(shown.getRGB(expected[o][0], expected[o][1]) & 0xFFFFFF).as("orientation %d", o).isEqualTo(0xFF0000);
        }
    }

    @Test
    void aConvertedFileTakesItsOriginalsPlaceOrANameBesideIt() {
        Set<String> taken = new HashSet<>(Set.of("a/视频.mov", "a/照片.heic", "a/照片.jpg"));
        assertThat(Planner.unique("a/视频.mov", "mp4", taken)).isEqualTo("a/视频.mp4");
        assertThat(Planner.unique("a/照片.heic", "jpg", taken)).isEqualTo("a/照片-heic.jpg");
        assertThat(Planner.unique("视频.mkv", "mp4", taken)).isEqualTo("视频.mp4");
        assertThat(Planner.unique("视频.avi", "mp4", taken)).isEqualTo("视频-avi.mp4");
    }

    @Test
    void anEncoderListIsReadByName() {
        String encoders = """
                 V....D libx264              libx264 H.264 / AVC / MPEG-4 AVC / MPEG-4 part 10 (codec h264)
                 A....D aac                  AAC (Advanced Audio Coding)
                """;
        assertThat(Ffmpeg.hasEncoder(encoders, "libx264")).isTrue();
        assertThat(Ffmpeg.hasEncoder(encoders, "aac")).isTrue();
        assertThat(Ffmpeg.hasEncoder(encoders, "libx265")).isFalse();
    }
}

package zjlearn.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import zjlearn.probe.image.ImageFixtures;
import zjlearn.probe.video.Mp4Builder;
import zjlearn.testing.Cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static zjlearn.testing.Cli.run;

/** {@code inspect} shows every problem its probe found, not only the facts it could read, and exits 1 for them. */
class InspectProblemsTest {
    @TempDir
    Path tmp;

    @Test
    void aTruncatedPhotoShowsItsTruncation() throws Exception {
        byte[] whole = ImageFixtures.jpeg(ImageFixtures.colourPhoto(800, 600));
        Path cut = Files.write(tmp.resolve("生活照.jpg"), Arrays.copyOf(whole, whole.length / 2));
        Cli.Run r = run("inspect", cut.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("width: 800").contains("problems:").contains("truncated: 数据在图像结束前就断了");
        Cli.Run en = run("inspect", cut.toString(), "--format", "json", "--lang", "en");
        assertThat(en.out()).contains("\"damage\" : \"truncated\"").contains("the data ends before the picture does (")
                .doesNotContain("（");

        Path intact = Files.write(tmp.resolve("证件照.jpg"), whole);
        Cli.Run ok = run("inspect", intact.toString());
        assertThat(ok.code()).isZero();
        assertThat(ok.out()).doesNotContain("problems");
    }

    @Test
    void aVideoShowsItsTruncationAndMissingTracks() throws Exception {
        Mp4Builder silent = new Mp4Builder();
        silent.audio = false;
        silent.moovFirst = true;
        byte[] video = silent.build();
        Path cut = Files.write(tmp.resolve("视频.mp4"), Arrays.copyOf(video, video.length - 200));
        Cli.Run r = run("inspect", cut.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("codec: avc1").contains("no-audio-track").contains("truncated");

        Mp4Builder noVideo = new Mp4Builder();
        noVideo.videoTrack = false;
        Path audioOnly = Files.write(tmp.resolve("录音.mp4"), noVideo.build());
        assertThat(run("inspect", audioOnly.toString()).out()).contains("no-video-track");
    }
}

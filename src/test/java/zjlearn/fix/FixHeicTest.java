package zjlearn.fix;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import zjlearn.rules.FileType;
import zjlearn.probe.image.ImageFacts;
import zjlearn.probe.image.ImageProbe;
import zjlearn.testing.Province;
import zjlearn.testing.Runs;
import zjlearn.testing.Cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A real HEIC photo (libheif's encoder, {@code fixtures/heic/make-heic.sh}): no Java decoder reads it, FFmpeg 5.1
 * cannot either, the FFmpeg 7.1 that zjlearn brings can, so fix converts it to JPEG with that one and otherwise
 * copies it unchanged and says why.
 */
class FixHeicTest {
    @TempDir
    static Path tmp;
    static Path root;
    static final String PHOTO = "终身学习品牌项目/书香夜校/活动照片3.heic";

    @BeforeAll
    static void tree() throws Exception {
        root = tmp.resolve("in").resolve("杭州市");
        new Province(tmp.resolve("in")).project("杭州市", "书香夜校").photos(2).write();
        Files.copy(Path.of(FixHeicTest.class.getResource("/fixtures/heic/照片.heic").toURI()), root.resolve(PHOTO));
    }

    @Test
    void theBroughtFfmpegConvertsItToJpeg() throws Exception {
        Path jar = FfmpegLocatorTest.broughtJar(FfmpegLocator.platform());
        assumeTrue(jar != null, "the bytedeco ffmpeg jar is not on the test class path");
        FfmpegLocator.Result brought = new FfmpegLocator(Map.of("PATH", ""), List.of(jar.getParent()), tmp.resolve("cache"))
                .locate(null, List.of("libx264", "aac"));
        Path out = tmp.resolve("out-7.1");
        Cli.Run run = Cli.run("fix", root.toString(), "-o", out.toString(), "--ffmpeg", brought.ffmpeg().executable().toString());
        Path jpg = out.resolve("杭州市").resolve(PHOTO.replace(".heic", ".jpg"));
        assertThat(jpg).as(run.out() + run.err()).exists();
        assertThat(out.resolve("杭州市").resolve(PHOTO)).doesNotExist();
        ImageFacts f = ImageProbe.probe(jpg, FileType.JPEG);
        assertThat(List.of(f.width(), f.height(), f.colour())).containsExactly(400, 300, true);
        assertThat(Runs.validate(out.resolve("杭州市")).findings()) // only its pixel count (400×300) is left to say
                .noneMatch(x -> PHOTO.replace(".heic", ".jpg").equals(x.file()) && x.rule().id().startsWith("file."));
        assertThat(run.out()).contains("活动照片3.heic → 活动照片3.jpg");
    }

    @Test
    void ffmpeg51CannotAndTheFileIsCopiedWithTheReason() throws Exception {
        assumeTrue(FixFixtures.ffmpeg() != null, "no ffmpeg on PATH");
        String version = Ffmpeg.query(Path.of(FixFixtures.ffmpeg()), "-version");
        assumeTrue(version != null && version.startsWith("ffmpeg version 5."), "the ffmpeg on PATH is not 5.x");
        Path out = tmp.resolve("out-5.1");
        Cli.Run run = Cli.run("fix", root.toString(), "-o", out.toString(), "--ffmpeg", FixFixtures.ffmpeg());
        Path copied = out.resolve("杭州市").resolve(PHOTO);
        assertThat(Files.mismatch(root.resolve(PHOTO), copied)).isEqualTo(-1L);
        assertThat(run.out()).contains(PHOTO + "  [file.type-not-allowed]").contains("读不了这张HEIC");
        assertThat(Runs.validate(out.resolve("杭州市")).findings())
                .anyMatch(x -> PHOTO.equals(x.file()) && x.rule().id().equals("file.type-not-allowed"));
    }
}

package zjlearn.fix;

import zjlearn.cli.ExitCode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import zjlearn.ValidationResult;
import zjlearn.check.Finding;
import zjlearn.cli.Main;
import zjlearn.rules.FileType;
import zjlearn.probe.image.ImageFacts;
import zjlearn.probe.image.ImageFixtures;
import zjlearn.probe.image.ImageProbe;
import zjlearn.probe.video.Mp4Builder;
import zjlearn.testing.Province;
import zjlearn.testing.Runs;
import zjlearn.testing.Trees;
import zjlearn.testing.Cli;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code zjlearn fix} on photos (BMP/TIFF/WebP to JPEG, EXIF rotation, the ID photo's crop) and without any ffmpeg:
 * the photos are converted, the video is copied unchanged and reported, and the run exits 6.
 */
class FixPhotoTest {
    @TempDir
    static Path tmp;
    static Path root;
    static Path copy;
    static Cli.Run run;
    static Map<String, String> before;
    static Map<String, String> after;
    static ValidationResult copied;
    static final String CROP = "百姓学习之星/李一/";
    static final String SQUARE = "百姓学习之星/李二/";
    static final String PROJECT = "终身学习品牌项目/书香夜校/";

    @BeforeAll
    static void fix() throws Exception {
        root = tmp.resolve("in").resolve("杭州市");
        Province p = new Province(tmp.resolve("in"));
        Mp4Builder thirty = new Mp4Builder();
        thirty.timescale = 15360;
        thirty.delta = 512;
        thirty.frames = 30 * 270;
        p.star("杭州市", "李一").idPhoto(500, 600, true).national(3, thirty.build()).write();
        p.star("杭州市", "李二").idPhoto(600, 600, true).write();
        Path project = p.project("杭州市", "书香夜校").photos(0).write();
        BufferedImage picture = ImageFixtures.colourPhoto(1280, 960);
        ImageIO.write(picture, "bmp", project.resolve("活动照片1.bmp").toFile());
        ImageIO.write(picture, "tiff", project.resolve("活动照片2.tif").toFile());
        Files.write(project.resolve("活动照片3.jpg"), ImageFixtures.withExif(ImageFixtures.jpeg(ImageFixtures.colourPhoto(960, 1280)),
                ImageFixtures.exifTiff(true, 6, null, 2)));
        Files.write(project.resolve("活动照片4.heic"), heic());
        if (FixFixtures.ffmpeg() != null) {
            Path png = project.resolve("webp.png");
            ImageIO.write(picture, "png", png.toFile());
            FixFixtures.make(project.resolve("活动照片5.webp"), "-i", png.toString(), "-c:v", "libwebp");
            Files.delete(png);
        }
        before = Trees.fingerprint(root);
        run = Cli.run("fix", root.toString(), "-o", tmp.resolve("out").toString(), "--ffmpeg", tmp.resolve("无此程序/ffmpeg").toString());
        after = Trees.fingerprint(root);
        copy = tmp.resolve("out").resolve("杭州市");
        copied = Runs.validate(copy);
    }

    /** The start of an iPhone photo: an ISO file whose ftyp says HEIC (no decoder for Java reads the rest). */
    static byte[] heic() {
        byte[] b = new byte[64];
        byte[] head = {0, 0, 0, 24, 'f', 't', 'y', 'p', 'h', 'e', 'i', 'c', 0, 0, 0, 0, 'm', 'i', 'f', '1', 'h', 'e', 'i', 'c'};
        System.arraycopy(head, 0, b, 0, head.length);
        return b;
    }

    private static List<String> rules(String file) {
        return copied.findings().stream().filter(f -> file.equals(f.file())).map(f -> f.rule().id()).toList();
    }

    private static ImageFacts probe(Path file) throws Exception {
        return ImageProbe.probe(file, FileType.JPEG);
    }

    @Test
    void bmpAndTiffBecomeJpegUnderTheirOwnNames() throws Exception {
        for (String name : List.of("活动照片1", "活动照片2")) {
            assertThat(copy.resolve(PROJECT + name + ".jpg")).exists();
            assertThat(rules(PROJECT + name + ".jpg")).doesNotContain("file.type-not-allowed", "file.type-mismatch");
            ImageFacts f = probe(copy.resolve(PROJECT + name + ".jpg"));
            assertThat(List.of(f.format(), f.displayWidth(), f.displayHeight(), f.colour())).containsExactly("jpeg", 1280, 960, true);
        }
        assertThat(run.out()).contains(PROJECT + "活动照片1.bmp → 活动照片1.jpg").contains(PROJECT + "活动照片2.tif → 活动照片2.jpg");
    }

    @Test
    void webpBecomesJpeg() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(FixFixtures.ffmpeg() != null, "ffmpeg makes the WebP input");
        assertThat(copy.resolve(PROJECT + "活动照片5.jpg")).exists();
        assertThat(rules(PROJECT + "活动照片5.jpg")).doesNotContain("file.type-not-allowed");
    }

    @Test
    void exifRotationIsApplied() throws Exception {
        ImageFacts in = probe(root.resolve("终身学习品牌项目/书香夜校/活动照片3.jpg"));
        ImageFacts out = probe(copy.resolve(PROJECT + "活动照片3.jpg"));
        assertThat(in.orientation()).isEqualTo(6);
        assertThat(List.of(out.orientation(), out.width(), out.height())).containsExactly(1, in.displayWidth(), in.displayHeight());
    }

    @Test
    void theIdPhotoIsCroppedWhenEnoughIsKept() throws Exception {
        assertThat(rules(CROP + "证件照.jpg")).doesNotContain("image.aspect");
        ImageFacts f = probe(copy.resolve(CROP + "证件照.jpg"));
        assertThat(List.of(f.displayWidth(), f.displayHeight())).containsExactly(413, 579);
        assertThat(run.out()).contains("保留原图 86%");
    }

    @Test
    void aSquareIdPhotoIsReportedNotGuessed() throws Exception {
        assertThat(rules(SQUARE + "证件照.jpg")).contains("image.aspect");
        assertThat(Files.mismatch(root.resolve("百姓学习之星/李二/证件照.jpg"), copy.resolve(SQUARE + "证件照.jpg"))).isEqualTo(-1L);
        assertThat(run.out()).contains(SQUARE + "证件照.jpg  [image.aspect] 裁剪成二寸比例只能保留原图的 71%");
    }

    @Test
    void heicWithoutADecoderIsCopiedAndReported() throws Exception {
        assertThat(Files.mismatch(root.resolve("终身学习品牌项目/书香夜校/活动照片4.heic"), copy.resolve(PROJECT + "活动照片4.heic"))).isEqualTo(-1L);
        assertThat(rules(PROJECT + "活动照片4.heic")).contains("file.type-not-allowed");
        assertThat(run.out()).contains(PROJECT + "活动照片4.heic  [file.type-not-allowed]");
    }

    @Test
    void withoutFfmpegTheVideoIsCopiedUnchangedAndTheExitCodeSaysSo() throws Exception {
        String video = CROP + "全国推荐材料/视频.mp4";
        assertThat(run.code()).isEqualTo(ExitCode.NO_FFMPEG.code());
        assertThat(Files.mismatch(root.resolve("百姓学习之星/李一/全国推荐材料/视频.mp4"), copy.resolve(video))).isEqualTo(-1L);
        assertThat(rules(video)).contains("video.fps");
        assertThat(run.err()).contains("没有可用的 ffmpeg").contains("无此程序");
        assertThat(run.out()).contains(video + "  [video.fps] 没有可用的 ffmpeg");
    }

    @Test
    void theInputIsUntouched() {
        assertThat(after).isEqualTo(before);
    }

    @Test
    void aDryRunListsThePlanAndWritesNothing() throws Exception {
        Path out = tmp.resolve("dry");
        Cli.Run dry = Cli.run("fix", root.toString(), "-o", out.toString(), "--dry-run");
        assertThat(dry.code()).isZero();
        assertThat(dry.out()).contains("计划转换").contains("活动照片1.bmp → 活动照片1.jpg").contains("视频.mp4");
        assertThat(out).doesNotExist();
        assertThat(Trees.fingerprint(root)).isEqualTo(before);
    }

    @Test
    void anArchiveIsReadInPlaceAndItsCopyIsAFolder() throws Exception {
        Path zip = tmp.resolve("zips").resolve("杭州市.zip");
        Files.createDirectories(zip.getParent());
        try (java.util.zip.ZipOutputStream z = new java.util.zip.ZipOutputStream(Files.newOutputStream(zip));
             java.util.stream.Stream<Path> walk = Files.walk(root)) {
            for (Path f : walk.filter(Files::isRegularFile).sorted().toList()) {
                z.putNextEntry(new java.util.zip.ZipEntry("杭州市/" + root.relativize(f).toString().replace('\\', '/')));
                z.write(Files.readAllBytes(f));
                z.closeEntry();
            }
        }
        Path out = tmp.resolve("zipout");
        Cli.Run r = Cli.run("fix", zip.toString(), "-o", out.toString(), "--ffmpeg", "/无此程序");
        assertThat(r.code()).as(r.err()).isEqualTo(ExitCode.NO_FFMPEG.code());
        Path copied = out.resolve("杭州市");
        assertThat(copied.resolve(PROJECT + "活动照片1.jpg")).exists();
        assertThat(copied.resolve(PROJECT + "活动照片1.bmp")).doesNotExist();
        assertThat(Files.mismatch(root.resolve("百姓学习之星/李二/证件照.jpg"), copied.resolve(SQUARE + "证件照.jpg"))).isEqualTo(-1L);
        assertThat(r.out()).contains("杭州市.zip!/" + PROJECT + "活动照片1.bmp → 活动照片1.jpg");
    }

    @Test
    void anOutputInsideTheInputOrAnExistingCopyIsRefused() {
        Cli.Run inside = Cli.run("fix", root.toString(), "-o", root.resolve("修改后").toString());
        assertThat(inside.code()).isEqualTo(ExitCode.USAGE.code());
        assertThat(root.resolve("修改后")).doesNotExist();
        Cli.Run again = Cli.run("fix", root.toString(), "-o", tmp.resolve("out").toString(), "--ffmpeg", "/无此程序");
        assertThat(again.code()).isEqualTo(ExitCode.USAGE.code());
        assertThat(again.err()).contains("已经存在");
    }
}

package zjlearn.check;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import zjlearn.ValidationResult;
import zjlearn.probe.image.ImageFixtures;
import zjlearn.rules.Severity;
import zjlearn.testing.Province;
import zjlearn.testing.Runs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static zjlearn.testing.Runs.findings;
import static zjlearn.testing.Runs.zh;

class ImageCheckTest {
    @TempDir
    Path tmp;

    Province province() {
        return new Province(tmp.resolve("省"));
    }

    @Test
    void compliantPhotosAreSilent() {
        Province p = province();
        p.star("杭州市", "张三").write();
        p.star("杭州市", "李四").idPhoto(390, 567, true).write();
        p.star("杭州市", "王五").idPhoto(413, 626, true).photoSize(960, 1280).write();
        p.star("杭州市", "赵六").idPhoto(413, 531, true).write();      // 小二寸 35×45 mm
        ValidationResult result = Runs.validate(p.root());
        assertThat(result.findings()).noneMatch(f -> f.rule().id().startsWith("image."));
    }

    @Test
    void aLandscapeOrTinyIdPhotoIsClearlyNotOneAndAnError() {
        Province p = province();
        p.star("杭州市", "张三").idPhoto(579, 413, true).write();
        p.star("杭州市", "李四").idPhoto(100, 140, true).write();
        ValidationResult result = Runs.validate(p.root());
        assertThat(findings(result, "image.not-id-photo")).hasSize(2).allMatch(f -> f.severity() == Severity.ERROR)
                .anySatisfy(f -> assertThat(zh(f)).contains("横版"))
                .anySatisfy(f -> assertThat(zh(f)).contains("100×140"));
        assertThat(findings(result, "image.aspect")).isEmpty();
        assertThat(findings(result, "image.resolution")).isEmpty();
    }

    @Test
    void proportionsAndPixelCountsTheNoticeDoesNotSetAreWarnings() {
        Province p = province();
        p.star("杭州市", "张三").idPhoto(500, 500, true).write();
        p.star("杭州市", "李四").idPhoto(300, 420, true).write();
        p.project("杭州市", "共富夜校").photoSize(640, 480).write();
        ValidationResult result = Runs.validate(p.root());
        assertThat(findings(result, "image.aspect")).singleElement().satisfies(f -> {
            assertThat(f.submission()).endsWith("张三");
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(zh(f)).contains("宽高比");
        });
        assertThat(findings(result, "image.resolution")).hasSize(3).allMatch(f -> f.severity() == Severity.WARNING)
                .extracting(Runs::zh)
                .anySatisfy(m -> assertThat(m).contains("证件照像素太少：300×420").contains("413×579"))
                .anySatisfy(m -> assertThat(m).contains("照片像素太少：640×480"));
        assertThat(findings(result, "image.not-id-photo")).isEmpty();
        assertThat(result.exitCode(false)).isZero();
    }

    @Test
    void theClearlyNotLimitsComeFromTheRulesFile() throws Exception {
        Province p = province();
        p.star("杭州市", "张三").idPhoto(300, 420, true).write();
        String yaml = EligibilityTest.defaultYaml().replace("      minShortSide: 150", "      minShortSide: 320");
        ValidationResult result = Runs.validate(zjlearn.rules.RulesLoader.parse(yaml, "r.yaml", null), p.root());
        assertThat(findings(result, "image.not-id-photo")).singleElement()
                .satisfies(f -> assertThat(f.message().args()).contains("320"));
    }

    @Test
    void aGreyIdPhotoIsNotInColour() {
        Province p = province();
        p.star("杭州市", "张三").idPhoto(413, 579, false).write();
        ValidationResult result = Runs.validate(p.root());
        assertThat(findings(result, "image.grayscale")).singleElement()
                .satisfies(f -> assertThat(zh(f)).contains("黑白"));
    }

    @Test
    void aHeicPhotoNamedJpgIsNotAccepted() throws IOException {
        Province p = province();
        Path dir = p.star("杭州市", "张三").write();
        byte[] heic = {0, 0, 0, 24, 'f', 't', 'y', 'p', 'h', 'e', 'i', 'c', 0, 0, 0, 0, 'm', 'i', 'f', '1', 'h', 'e', 'i', 'c',
                0, 0, 0, 8, 'm', 'e', 't', 'a'};
        Files.write(dir.resolve("生活照.jpg"), heic);
        ValidationResult result = Runs.validate(p.root());
        assertThat(findings(result, "file.type-not-allowed")).singleElement().satisfies(f -> {
            assertThat(zh(f)).contains("照片");
            assertThat(f.actual().render(java.util.Locale.CHINA)).contains("HEIC");
            assertThat(f.fix().render(java.util.Locale.CHINA)).contains(".jpg").contains("替换原来的文件");
        });
        assertThat(findings(result, "file.type-mismatch")).hasSize(1);
    }

    @Test
    void sizesAreJudgedAsDisplayed() throws IOException {
        Province p = province();
        Path dir = p.star("杭州市", "张三").withoutIdPhoto().photos(1).write();
        // A phone stores the portrait ID photo as 579×413 and says "rotate 90°" in EXIF (orientation 6).
        byte[] stored = ImageFixtures.jpeg(ImageFixtures.colourPhoto(579, 413));
        Files.write(dir.resolve("证件照.jpg"), ImageFixtures.withExif(stored, ImageFixtures.exifTiff(false, 6, null, 2)));
        ValidationResult result = Runs.validate(p.root());
        assertThat(result.findings()).noneMatch(f -> f.rule().id().startsWith("image."));

        Files.write(dir.resolve("证件照.jpg"), stored);
        assertThat(findings(Runs.validate(p.root()), "image.not-id-photo")).hasSize(1);
    }

    @Test
    void aTruncatedPhotoIsUnreadableAndOneMissingOnlyItsEndIsAWarning() throws IOException {
        Province p = province();
        Path cut = p.star("杭州市", "张三").write();
        Path end = p.star("杭州市", "李四").write();
        p.star("杭州市", "王五").write();
        byte[] photo = Files.readAllBytes(cut.resolve("生活照.jpg"));
        Files.write(cut.resolve("生活照.jpg"), java.util.Arrays.copyOf(photo, photo.length / 2));
        Files.write(end.resolve("生活照.jpg"), java.util.Arrays.copyOf(photo, photo.length - 2));
        ValidationResult result = Runs.validate(p.root());
        assertThat(findings(result, "file.unreadable")).singleElement().satisfies(f -> {
            assertThat(f.file()).endsWith("张三/生活照.jpg");
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(zh(f)).contains("不完整");
        });
        assertThat(findings(result, "file.missing-end")).singleElement().satisfies(f -> {
            assertThat(f.file()).endsWith("李四/生活照.jpg");
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
        });
        assertThat(result.findings()).noneMatch(f -> f.submission().endsWith("王五"));
    }

    @Test
    void aPhoneScreenshotOfferedAsAPhotoIsAWarning() throws IOException {
        Province p = province();
        Path named = p.star("杭州市", "张三").write();
        Files.move(named.resolve("生活照.jpg"), named.resolve("Screenshot_20210801_093012.jpg"));
        Path sized = p.star("杭州市", "李四").write();
        Files.write(sized.resolve("生活照.jpg"), ImageFixtures.jpeg(ImageFixtures.colourPhoto(1080, 2340)));
        Path tall = p.star("杭州市", "王五").write();
        Files.write(tall.resolve("生活照.jpg"), ImageFixtures.jpeg(ImageFixtures.colourPhoto(1000, 2200)));
        // The same screen size taken by a camera (EXIF names it) is a photo.
        Path camera = p.star("杭州市", "赵六").write();
        Files.write(camera.resolve("生活照.jpg"), ImageFixtures.withExif(ImageFixtures.jpeg(ImageFixtures.colourPhoto(1080, 2340)),
                zjlearn.probe.image.ImageDamageFixtures.makeTiff("HUAWEI")));
        ValidationResult result = Runs.validate(p.root());
        assertThat(findings(result, "image.screenshot")).allMatch(f -> f.severity() == Severity.WARNING)
                .extracting(f -> f.submission().substring(f.submission().lastIndexOf('/') + 1))
                .containsExactlyInAnyOrder("张三", "李四", "王五");
        assertThat(findings(result, "image.screenshot")).anySatisfy(f -> assertThat(zh(f)).contains("Screenshot_20210801_093012.jpg"))
                .anySatisfy(f -> assertThat(zh(f)).contains("1080×2340"));
        assertThat(result.exitCode(false)).isZero();
    }
}

package zjlearn.check;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import zjlearn.ValidationResult;
import zjlearn.probe.video.Mp4Builder;
import zjlearn.rules.Rule;
import zjlearn.rules.Rules;
import zjlearn.rules.RulesLoader;
import zjlearn.testing.Province;
import zjlearn.testing.Runs;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static zjlearn.testing.Runs.findings;

/**
 * The video, image, file, archive, layout and file-count messages are bundle keys whose campaign words are
 * arguments from the rules file: another year's rules file (1920×1080 at 30 fps in H.265 with other encoder
 * settings, three photos, a renamed list form and national folder) gets its own words and none of 2021's.
 */
class MediaMessagesTest {
    @TempDir
    Path tmp;

    /** Another year's video spec and encoder settings. */
    static String anotherYearsVideo() throws Exception {
        return Files.readString(Path.of("rules.yaml"), StandardCharsets.UTF_8)
                .replace("  width: 1280\n  height: 720\n", "  width: 1920\n  height: 1080\n")
                .replace("  fps: 25\n", "  fps: 30\n")
                .replace("  codecs: [avc1, avc3]\n", "  codecs: [hvc1, hev1]\n")
                .replace("codecName: H.264", "codecName: H.265")
                .replace("containerName: MP4", "containerName: M4V")
                .replace("encoder: libx264", "encoder: libx265")
                .replace("audioEncoder: aac", "audioEncoder: libopus")
                .replace("crf: 21", "crf: 28");
    }

    /** Another year's video spec, photo count, list form and national folder. */
    static Rules anotherYear() throws Exception {
        String yaml = anotherYearsVideo()
                .replace("folder: 全国推荐材料", "folder: 国家级推荐材料")
                .replace("name: 推荐登记表", "name: 报名汇总表")
                .replace("patterns: [\"*登记表*\"]", "patterns: [\"*汇总名单*\"]")
                .replace("      - roles: [id-photo, photo]          # “每人报送照片 2 张，其中一张为 2 寸免冠彩色证件照”\n        min: 2\n        max: 2\n",
                        "      - roles: [id-photo, photo]\n        min: 3\n        max: 3\n");
        assertThat(yaml).doesNotContain("libx264").doesNotContain("全国推荐材料");
        return RulesLoader.parse(yaml, "other.yaml", Path.of("."));
    }

    static Stream<String> rendered(ValidationResult result) {
        return result.findings().stream().flatMap(f -> Stream.of(f.message(), f.expected(), f.actual(), f.fix()))
                .filter(m -> m != null)
                .flatMap(m -> Stream.of(m.render(Locale.SIMPLIFIED_CHINESE), m.render(Locale.ENGLISH)));
    }

    @Test
    void aVideoIsToldAnotherYearsSizeRateCodecAndEncoder() throws Exception {
        Province p = new Province(tmp.resolve("省"));
        Mp4Builder b = new Mp4Builder();
        b.interlaced = true;
        p.star("杭州市", "张三").national(3, b.build()).photos(3).write();
        ValidationResult result = Runs.validate(RulesLoader.parse(anotherYearsVideo(), "other.yaml", Path.of(".")), p.root());
        assertThat(findings(result, "video.codec")).as(String.join("\n", Runs.describe(result))).hasSize(1);
        Finding codec = findings(result, "video.codec").get(0);
        assertThat(codec.message().key()).isEqualTo("video.codec.other.message");
        assertThat(codec.message().args()).contains("H.265");
        assertThat(codec.message().render(Locale.SIMPLIFIED_CHINESE)).isEqualTo("视频编码不是 H.265，而是 avc1");
        assertThat(codec.message().render(Locale.ENGLISH)).isEqualTo("the video codec is not H.265 but avc1");
        assertThat(codec.fix().render(Locale.ENGLISH)).contains("-c:v libx265").contains("-crf 28")
                .contains("-c:a libopus").contains("scale=1920:1080").contains("fps=30");

        Finding scan = findings(result, "video.scan").get(0);
        assertThat(scan.message().args()).contains("1080");
        assertThat(scan.message().render(Locale.SIMPLIFIED_CHINESE)).isEqualTo("视频是隔行扫描（MBAFF），1080P 应为逐行扫描");
        assertThat(findings(result, "video.resolution").get(0).message().args()).startsWith("1920", "1080", "1280", "720");
        assertThat(findings(result, "video.fps").get(0).message().args()).containsExactly("25", "30");

        assertThat(rendered(result)).isNotEmpty().allSatisfy(text -> assertThat(text)
                .doesNotContain("H.264").doesNotContain("libx264").doesNotContain("-c:a aac")
                .doesNotContain("720P").doesNotContain("1280:720"));
    }

    @Test
    void layoutAndCountMessagesUseAnotherYearsFolderFormAndPhotoCount() throws Exception {
        Province p = new Province(tmp.resolve("省"));
        Path zhang = p.star("杭州市", "张三").write();
        Files.createDirectories(zhang.resolve("全国推荐材料"));
        Files.write(zhang.resolve("全国推荐材料").resolve("照片.jpg"), new byte[] {1, 2, 3});
        Files.write(p.category("杭州市", "百姓学习之星").resolve("说明.docx"), new byte[] {1, 2, 3});
        ValidationResult result = Runs.validate(anotherYear(), p.root());

        Finding subfolder = findings(result, "layout.unplaced").stream()
                .filter(f -> "layout.unknown-subfolder.message".equals(f.message().key())).findFirst().orElseThrow();
        assertThat(subfolder.fix().args()).containsExactly("国家级推荐材料");
        assertThat(subfolder.fix().render(Locale.SIMPLIFIED_CHINESE))
                .isEqualTo("把其中的材料移到推荐对象文件夹中；推荐到全国的照片和视频移到“国家级推荐材料”文件夹");

        Finding stray = findings(result, "layout.unplaced").stream()
                .filter(f -> "layout.stray-in-category.message".equals(f.message().key())).findFirst().orElseThrow();
        assertThat(stray.message().render(Locale.SIMPLIFIED_CHINESE)).contains("全类别的报名汇总表");
        assertThat(stray.expected().render(Locale.ENGLISH)).isEqualTo("a list form named *汇总名单*, or submission folders");

        Finding count = findings(result, "files.count").stream()
                .filter(f -> f.message().render(Locale.SIMPLIFIED_CHINESE).contains("照片")).findFirst().orElseThrow();
        assertThat(count.expected().render(Locale.SIMPLIFIED_CHINESE)).isEqualTo("3 份");

        assertThat(rendered(result)).isNotEmpty().allSatisfy(text -> assertThat(text)
                .doesNotContain("全国推荐材料”").doesNotContain("“登记表”"));
    }

    @Test
    void theDefaultRulesStillRenderThe2021Words() {
        Province p = new Province(tmp.resolve("省"));
        Mp4Builder b = new Mp4Builder();
        b.codec = "hvc1";
        p.star("杭州市", "张三").national(3, b.build()).write();
        Finding codec = findings(Runs.validate(p.root()), "video.codec").get(0);
        assertThat(codec.message().render(Locale.SIMPLIFIED_CHINESE)).isEqualTo("视频编码不是 H.264，而是 H.265/HEVC（hvc1）");
        assertThat(codec.expected().render(Locale.ENGLISH)).isEqualTo("H.264 (avc1/avc3)");
        assertThat(codec.fix().render(Locale.SIMPLIFIED_CHINESE))
                .startsWith("用 H.264 重新编码：ffmpeg -i \"视频.mp4\" -vf \"scale=1280:720:")
                .contains("-c:v libx264 -preset veryfast -profile:v high -pix_fmt yuv420p -crf 21 -c:a aac -b:a 128k -ar 48000")
                .endsWith("然后用生成的“视频_合规.mp4”替换原来的“视频.mp4”（把原视频移出报送文件夹另存），否则会有两个视频");
    }

    @Test
    void everyMediaCheckDeclaresTheRulesItReports() {
        Set<Rule> declared = new java.util.HashSet<>();
        for (Check check : List.of(new VideoCheck(), new ImageCheck(), new FileCheck(), new ArchiveCheck(),
                new LayoutCheck(), new FileCountCheck())) {
            assertThat(check.emits()).as(check.getClass().getSimpleName()).isNotEmpty();
            declared.addAll(check.emits());
        }
        assertThat(declared).contains(Rule.VIDEO_CODEC, Rule.VIDEO_AUDIO, Rule.IMAGE_SCREENSHOT, Rule.LAYOUT_ARCHIVE,
                Rule.FILES_COUNT, Rule.ARCHIVE_NESTED);
    }

    @Test
    void aCheckReportsOnlyTheRulesItDeclares() {
        ValidationResult samples = Runs.validate(Path.of("samples"));
        assertThat(samples.findings()).isNotEmpty();
        for (Check check : Checker.checks()) {
            if (check.emits().isEmpty()) {
                continue;
            }
            FindingSink sink = new FindingSink(samples.validation().rules());
            check.run(samples.validation(), sink);
            assertThat(sink.findings()).as(check.getClass().getSimpleName())
                    .allSatisfy(f -> assertThat(check.emits()).contains(f.rule()));
        }
    }
}

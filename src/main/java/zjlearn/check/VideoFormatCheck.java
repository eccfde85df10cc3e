package zjlearn.check;

import zjlearn.i18n.Msg;
import com.google.auto.service.AutoService;
import zjlearn.probe.video.VideoFacts;
import zjlearn.rules.Rule;
import zjlearn.rules.Rules;

/**
 * The video file itself: complete ({@code file.unreadable} when its headers point past its end), in the rules'
 * container ({@code video.container}: an ISO media file with one of {@code video.brands}) and codec
 * ({@code video.codec}: a video track coded as one of {@code video.codecs}).
 */
@AutoService(VideoCheck.Part.class)
public final class VideoFormatCheck extends VideoCheck.Part {
    public VideoFormatCheck() {
        super(Rule.FILE_UNREADABLE, Rule.VIDEO_CONTAINER, Rule.VIDEO_CODEC);
    }

    @Override
    boolean needsPicture() {
        return false;
    }

    @Override
    void check(VideoSubject v) {
        VideoFacts video = v.video;
        VideoFacts.Container container = video.container();
        Rules.Video spec = v.spec;
        if (video.integrity().truncated()) {
            v.add(Rule.FILE_UNREADABLE,
                    Msg.key("video.truncated.message", String.valueOf(video.integrity().fileSize()), String.valueOf(video.integrity().dataEnd())),
                    Msg.key("video.truncated.expected"), Msg.key("video.truncated.actual"),
                    Msg.key("video.truncated.fix"));
        }
        boolean iso = "mp4".equals(container.kind()) && (spec.brands().contains(trim(container.majorBrand()))
                || container.compatibleBrands().stream().map(VideoFormatCheck::trim).anyMatch(spec.brands()::contains));
        if (!iso) {
            Msg actual = container.detectedType() == null ? Msg.literal(container.kind()) : Texts.type(container.detectedType());
            v.add(Rule.VIDEO_CONTAINER,
                    Msg.key("video.container.message", actual,
                            container.majorBrand() == null ? Msg.key("video.container.no-brand") : trim(container.majorBrand()),
                            v.spec.containerWord()),
                    Msg.key("video.container.expected", String.join("/", spec.brands()), v.spec.containerWord()),
                    actual,
                    Msg.key("video.container.fix", v.name, v.out));
        }
        if (!v.hasPicture()) {
            v.add(Rule.VIDEO_CODEC,
                    Msg.key("video.codec.none.message"),
                    Msg.key("video.codec.none.expected", v.spec.codecWord()), Msg.key("video.codec.none.actual"),
                    Msg.key("video.codec.none.fix", v.reencode()));
            return;
        }
        if (!spec.codecs().contains(video.picture().codec())) {
            v.add(Rule.VIDEO_CODEC,
                    Msg.key("video.codec.other.message", codecName(video.picture().codec()), v.spec.codecWord()),
                    Msg.key("video.codec.other.expected", String.join("/", spec.codecs()), v.spec.codecWord()),
                    Msg.literal(codecName(video.picture().codec())),
                    Msg.key("video.codec.other.fix", v.reencode(), v.spec.codecWord()));
        }
    }

    /** What a sample-entry code is called (technical names, the same in every campaign). */
    private static String codecName(String fourcc) {
        return switch (fourcc) {
            case "hvc1", "hev1" -> "H.265/HEVC（" + fourcc + "）";
            case "mp4v" -> "MPEG-4 Part 2（mp4v）";
            case "av01" -> "AV1（av01）";
            case "vp09" -> "VP9（vp09）";
            default -> fourcc;
        };
    }

    private static String trim(String brand) {
        return brand == null ? "" : brand.strip();
    }
}

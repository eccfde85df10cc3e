package zjlearn.check;

import zjlearn.i18n.Msg;
import com.google.auto.service.AutoService;
import zjlearn.probe.video.VideoFacts;
import zjlearn.rules.Rule;
import zjlearn.rules.Rules;

/**
 * The picture: its displayed size ({@code video.resolution}: {@code video.width}×{@code video.height}, landscape,
 * square pixels) and its scan ({@code video.scan}: progressive when {@code video.progressive}; {@code check.not-run}
 * when the headers do not tell).
 */
@AutoService(VideoCheck.Part.class)
public final class VideoPictureCheck extends VideoCheck.Part {
    public VideoPictureCheck() {
        super(Rule.VIDEO_RESOLUTION, Rule.VIDEO_SCAN, Rule.CHECK_NOT_RUN);
    }

    @Override
    void check(VideoSubject v) {
        VideoFacts.Picture picture = v.video.picture();
        Rules.Video spec = v.spec;
        String width = String.valueOf(spec.width());
        String height = String.valueOf(spec.height());
        boolean rotated = picture.rotation() == 90 || picture.rotation() == 270;
        boolean square = picture.pixelAspect() == null || "1:1".equals(picture.pixelAspect());
        if (picture.displayWidth() != spec.width() || picture.displayHeight() != spec.height() || !square) {
            Msg why = rotated
                    ? Msg.key("video.resolution.rotated", String.valueOf(picture.rotation()))
                    : !square ? Msg.key("video.resolution.pixel-aspect", picture.pixelAspect(),
                    String.valueOf(picture.codedWidth()), String.valueOf(picture.codedHeight()))
                    : Msg.literal("");
            v.add(Rule.VIDEO_RESOLUTION,
                    Msg.key("video.resolution.message", width, height,
                            String.valueOf(picture.displayWidth()), String.valueOf(picture.displayHeight()), why),
                    Msg.key("video.resolution.expected", width, height),
                    Msg.key("video.resolution.actual", String.valueOf(picture.displayWidth()), String.valueOf(picture.displayHeight())),
                    Msg.key("video.resolution.fix", width, height, v.reencode()));
        }
        if (!Boolean.TRUE.equals(spec.progressive())) {
            return;
        }
        if (picture.progressive() == null) {
            if (spec.codecs().contains(picture.codec())) {
                v.add(Rule.CHECK_NOT_RUN,
                        Msg.key("video.scan.unknown.message", v.spec.codecWord()),
                        Msg.key("video.scan.unknown.expected"), Msg.key("video.scan.unknown.actual"),
                        Msg.key("video.scan.unknown.fix", v.reencode()));
            }
        } else if (!picture.progressive()) {
            v.add(Rule.VIDEO_SCAN,
                    Msg.key("video.scan.interlaced.message",
                            picture.mbaff() ? Msg.key("video.scan.mbaff") : Msg.literal(""), height),
                    Msg.key("video.scan.interlaced.expected"), Msg.key("video.scan.interlaced.actual"),
                    Msg.key("video.scan.interlaced.fix", v.reencodeDeinterlaced()));
        }
    }
}

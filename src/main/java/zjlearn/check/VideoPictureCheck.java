package zjlearn.check;

import zjlearn.probe.video.VideoFacts;
import zjlearn.rules.Rule;
import zjlearn.rules.Rules;

import java.util.Set;

/**
 * The picture: its displayed size ({@code video.resolution}: {@code video.width}×{@code video.height}, landscape,
 * square pixels) and its scan ({@code video.scan}: progressive when {@code video.progressive}; {@code check.not-run}
 * when the headers do not tell).
 */
final class VideoPictureCheck implements VideoCheck.Part {
    @Override
    public Set<Rule> emits() {
        return Set.of(Rule.VIDEO_RESOLUTION, Rule.VIDEO_SCAN, Rule.CHECK_NOT_RUN);
    }

    @Override
    public void check(VideoSubject v) {
        VideoFacts video = v.video;
        Rules.Video spec = v.spec;
        String width = String.valueOf(spec.width());
        String height = String.valueOf(spec.height());
        boolean rotated = video.rotation() == 90 || video.rotation() == 270;
        boolean square = video.pixelAspect() == null || "1:1".equals(video.pixelAspect());
        if (video.displayWidth() != spec.width() || video.displayHeight() != spec.height() || !square) {
            Msg why = rotated
                    ? Msg.key("video.resolution.rotated", String.valueOf(video.rotation()))
                    : !square ? Msg.key("video.resolution.pixel-aspect", video.pixelAspect(),
                    String.valueOf(video.codedWidth()), String.valueOf(video.codedHeight()))
                    : Msg.literal("");
            v.add(Rule.VIDEO_RESOLUTION,
                    Msg.key("video.resolution.message", width, height,
                            String.valueOf(video.displayWidth()), String.valueOf(video.displayHeight()), why),
                    Msg.key("video.resolution.expected", width, height),
                    Msg.key("video.resolution.actual", String.valueOf(video.displayWidth()), String.valueOf(video.displayHeight())),
                    Msg.key("video.resolution.fix", width, height, v.reencode()));
        }
        if (!Boolean.TRUE.equals(spec.progressive())) {
            return;
        }
        if (video.progressive() == null) {
            if (spec.codecs().contains(video.codec())) {
                v.add(Rule.CHECK_NOT_RUN,
                        Msg.key("video.scan.unknown.message", v.codecName()),
                        Msg.key("video.scan.unknown.expected"), Msg.key("video.scan.unknown.actual"),
                        Msg.key("video.scan.unknown.fix", v.reencode()));
            }
        } else if (!video.progressive()) {
            v.add(Rule.VIDEO_SCAN,
                    Msg.key("video.scan.interlaced.message",
                            video.mbaff() ? Msg.key("video.scan.mbaff") : Msg.literal(""), height),
                    Msg.key("video.scan.interlaced.expected"), Msg.key("video.scan.interlaced.actual"),
                    Msg.key("video.scan.interlaced.fix", v.reencodeDeinterlaced()));
        }
    }
}

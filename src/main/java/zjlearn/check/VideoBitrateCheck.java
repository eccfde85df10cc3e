package zjlearn.check;

import zjlearn.i18n.Msg;
import com.google.auto.service.AutoService;
import com.fasterxml.jackson.databind.JsonNode;
import zjlearn.rules.Rule;

import java.util.Locale;

/**
 * Picture quality ({@code video.bitrate}): the video track's average bitrate (its samples' bytes over its
 * duration) against {@code video.minKbps}. The notice sets no bitrate, but the video is shown on a large screen,
 * where too few bits per second show as blocks; so a warning, whose fix (exporting again at a higher bitrate)
 * clears it.
 */
@AutoService(VideoCheck.Part.class)
public final class VideoBitrateCheck extends VideoCheck.Part {
    public VideoBitrateCheck() {
        super(Rule.VIDEO_BITRATE);
    }

    @Override
    void check(VideoSubject v) {
        int minKbps = Rule.VIDEO_BITRATE.param(v.rules, "video.minKbps").map(JsonNode::intValue).orElse(0);
        double bitrate = v.video.timing().averageBitrate();
        if (minKbps <= 0 || bitrate <= 0 || bitrate >= minKbps * 1000.0) {
            return;
        }
        v.add(Rule.VIDEO_BITRATE,
                Msg.key("video.bitrate.message", rate(bitrate), rate(minKbps * 1000.0)),
                Msg.key("video.bitrate.expected", rate(minKbps * 1000.0)),
                Msg.key("video.bitrate.actual", rate(bitrate), String.format(Locale.ROOT, "%.1f", v.video.timing().videoBytes() / 1048576.0),
                        VideoSubject.fmt(Math.round(v.video.timing().durationSeconds()))),
                Msg.key("video.bitrate.fix", rate(minKbps * 1000.0)));
    }

    /** 850 kbit/s, 1.2 Mbit/s. */
    static String rate(double bitsPerSecond) {
        return bitsPerSecond >= 1_000_000
                ? String.format(Locale.ROOT, "%.1f Mbit/s", bitsPerSecond / 1_000_000)
                : String.format(Locale.ROOT, "%d kbit/s", Math.round(bitsPerSecond / 1000));
    }
}

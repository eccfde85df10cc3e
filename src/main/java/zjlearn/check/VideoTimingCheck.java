package zjlearn.check;

import zjlearn.i18n.Msg;
import com.google.auto.service.AutoService;
import zjlearn.probe.video.VideoFacts;
import zjlearn.rules.Rule;
import zjlearn.rules.Rules;

import static zjlearn.check.VideoSubject.clock;
import static zjlearn.check.VideoSubject.fmt;

/**
 * Time: a constant frame rate of {@code video.fps} ({@code video.fps}) and a length between
 * {@code video.minSeconds} and {@code video.maxSeconds}, one frame's tolerance ({@code video.duration}).
 */
@AutoService(VideoCheck.Part.class)
public final class VideoTimingCheck extends VideoCheck.Part {
    public VideoTimingCheck() {
        super(Rule.VIDEO_FPS, Rule.VIDEO_DURATION);
    }

    @Override
    void check(VideoSubject v) {
        VideoFacts.Timing timing = v.video.timing();
        Rules.Video spec = v.spec;
        double fps = timing.fps();
        if (!timing.constant()) {
            v.add(Rule.VIDEO_FPS,
                    Msg.key("video.fps.variable.message",
                            fmt(fps), String.valueOf(timing.minDelta()), String.valueOf(timing.maxDelta()), fmt(spec.fps())),
                    Msg.key("video.fps.variable.expected", fmt(spec.fps())),
                    Msg.key("video.fps.variable.actual", fmt(fps)),
                    Msg.key("video.fps.variable.fix", fmt(spec.fps()), v.reencode()));
        } else if (Math.abs(fps - spec.fps()) > 0.01) {
            v.add(Rule.VIDEO_FPS,
                    Msg.key("video.fps.other.message", fmt(fps), fmt(spec.fps())),
                    Msg.key("video.fps.value", fmt(spec.fps())), Msg.key("video.fps.value", fmt(fps)),
                    Msg.key("video.fps.other.fix", fmt(spec.fps()), v.reencode()));
        }
        double seconds = timing.durationSeconds();
        double frame = fps > 0 ? 1 / fps : 1 / spec.fps();
        if (seconds < spec.minSeconds() - frame || seconds > spec.maxSeconds() + frame) {
            boolean tooShort = seconds < spec.minSeconds();
            v.add(Rule.VIDEO_DURATION,
                    Msg.key("video.duration.message", clock(seconds), clock(spec.minSeconds()), clock(spec.maxSeconds())),
                    Msg.key("video.duration.expected", clock(spec.minSeconds()), clock(spec.maxSeconds()),
                            fmt(spec.minSeconds()), fmt(spec.maxSeconds())),
                    Msg.key("video.duration.actual", clock(seconds), fmt(seconds)),
                    tooShort
                            ? Msg.key("video.duration.short.fix", clock(spec.minSeconds()))
                            : Msg.key("video.duration.long.fix", clock(spec.maxSeconds()), v.name, fmt(spec.maxSeconds()), v.out));
        }
    }
}

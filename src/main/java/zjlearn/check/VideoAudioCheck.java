package zjlearn.check;

import zjlearn.i18n.Msg;
import com.google.auto.service.AutoService;
import zjlearn.rules.Rule;

/** Sound ({@code video.audio}): an audio track when {@code video.requireAudio}. */
@AutoService(VideoCheck.Part.class)
public final class VideoAudioCheck extends VideoCheck.Part {
    public VideoAudioCheck() {
        super(Rule.VIDEO_AUDIO);
    }

    @Override
    void check(VideoSubject v) {
        if (Boolean.TRUE.equals(v.spec.requireAudio()) && v.video.audio().codec() == null) {
            v.add(Rule.VIDEO_AUDIO,
                    Msg.key("video.audio.message"),
                    Msg.key("video.audio.expected"), Msg.key("video.audio.actual"),
                    Msg.key("video.audio.fix", v.name, v.out, v.audioEncoding()));
        }
    }
}

package zjlearn.check;

import zjlearn.rules.Rule;

import java.util.Set;

/** Sound ({@code video.audio}): an audio track when {@code video.requireAudio}. */
final class VideoAudioCheck implements VideoCheck.Part {
    @Override
    public Set<Rule> emits() {
        return Set.of(Rule.VIDEO_AUDIO);
    }

    @Override
    public void check(VideoSubject v) {
        if (Boolean.TRUE.equals(v.spec.requireAudio()) && v.video.audioCodec() == null) {
            v.add(Rule.VIDEO_AUDIO,
                    Msg.key("video.audio.message"),
                    Msg.key("video.audio.expected"), Msg.key("video.audio.actual"),
                    Msg.key("video.audio.fix", v.name, v.out, v.audioEncoding()));
        }
    }
}

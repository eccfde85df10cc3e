package zjlearn.check;

import zjlearn.probe.ProbedFile;
import zjlearn.rules.Rule;
import zjlearn.rules.Rules;
import zjlearn.scan.Submission;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * {@code video.*}: the national video against the rules file's video spec (the 2021 notice: “MP4 格式，编码：H.264，
 * 分辨率：1280*720P，帧率：25，视频时间 4-5 分钟”), as DESIGN.md's "Video decisions" read it — judged from the
 * headers only. Each video is handed to the parts below in turn, one rule or a small family each; every failure
 * carries the ffmpeg command that would make the file compliant.
 */
public final class VideoCheck implements Check {
    /** One rule or a small family of rules about one video. */
    interface Part {
        Set<Rule> emits();

        void check(VideoSubject video);

        /** Whether the part needs a picture (a video track); a file without one is told so once. */
        default boolean needsPicture() {
            return true;
        }
    }

    private static final List<Part> PARTS = List.of(
            new VideoFormatCheck(),
            new VideoPictureCheck(),
            new VideoTimingCheck(),
            new VideoAudioCheck());

    @Override
    public Set<Rule> emits() {
        Set<Rule> rules = EnumSet.noneOf(Rule.class);
        PARTS.forEach(p -> rules.addAll(p.emits()));
        return rules;
    }

    @Override
    public void run(Validation v, FindingSink sink) {
        Rules.Video spec = v.rules().video();
        if (spec == null) {
            return;
        }
        for (Submission s : v.scan().submissions()) {
            for (ProbedFile f : v.files(s)) {
                if (f.video() != null && spec.role().equals(f.role())) {
                    VideoSubject subject = new VideoSubject(v.rules(), f, s.path(), sink);
                    for (Part part : PARTS) {
                        if (subject.hasPicture() || !part.needsPicture()) {
                            part.check(subject);
                        }
                    }
                }
            }
        }
    }
}

package zjlearn.check;

import zjlearn.probe.ProbedFile;
import zjlearn.rules.Rule;
import zjlearn.rules.Rules;
import zjlearn.scan.Submission;

import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;

/**
 * {@code video.*}: the national video against the rules file's video spec (the 2021 notice: “MP4 格式，编码：H.264，
 * 分辨率：1280*720P，帧率：25，视频时间 4-5 分钟”), as DESIGN.md's "Video decisions" read it — judged from the
 * headers only. Each video is handed to the parts below in turn, one rule or a small family each; every failure
 * carries the ffmpeg command that would make the file compliant.
 */
public final class VideoCheck implements Check {
    /**
     * One rule or a small family of rules about one video. A part is found by {@link ServiceLoader} (its
     * {@code @AutoService(VideoCheck.Part.class)} writes the registration), so a new video rule is one new class;
     * parts run in the order of the first rule each reports ({@link Rule}'s order: format, picture, timing, sound,
     * bitrate), which is the order their findings appear in.
     */
    public abstract static class Part {
        private final Set<Rule> emits;

        protected Part(Rule first, Rule... more) {
            this.emits = Collections.unmodifiableSet(EnumSet.of(first, more));
        }

        public final Set<Rule> emits() {
            return emits;
        }

        abstract void check(VideoSubject video);

        /** Whether the part needs a picture (a video track); a file without one is told so once. */
        boolean needsPicture() {
            return true;
        }

        private int firstRule() {
            return emits.iterator().next().ordinal();
        }
    }

    private static final List<Part> PARTS = load();

    /** The registered parts; none found is a broken build (videos would pass unchecked), never a silent pass. */
    private static List<Part> load() {
        List<Part> parts = ServiceLoader.load(Part.class, VideoCheck.class.getClassLoader()).stream()
                .map(ServiceLoader.Provider::get)
                .sorted(Comparator.comparingInt(Part::firstRule))
                .toList();
        if (parts.isEmpty()) {
            throw new IllegalStateException("no video check parts registered (META-INF/services/" + Part.class.getName()
                    + " is missing from the build)");
        }
        return parts;
    }

    /** The parts, in the order they run. */
    static List<Part> parts() {
        return PARTS;
    }

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
                if (f.facts() instanceof ProbedFile.Video read && spec.role().equals(f.role())) {
                    VideoSubject subject = new VideoSubject(v.rules(), f, read.facts(), s.path(), sink);
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

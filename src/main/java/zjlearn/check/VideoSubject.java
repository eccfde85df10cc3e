package zjlearn.check;

import zjlearn.i18n.Msg;
import zjlearn.rules.FileType;
import zjlearn.probe.ProbedFile;
import zjlearn.probe.video.VideoFacts;
import zjlearn.rules.Rule;
import zjlearn.rules.Rules;

import java.util.Locale;

/**
 * One national video under check: its facts, the rules file's video spec, the campaign's names for the format
 * and codec, and the ffmpeg commands (built from {@code video.convert}) that make it compliant. The video checks
 * ({@link VideoCheck}'s parts) report through it.
 */
final class VideoSubject {
    /** Added to the stem of the name of the copy an ffmpeg command writes. */
    private static final String COPY_SUFFIX = "_合规";

    final Rules rules;
    final Rules.Video spec;
    final VideoFacts video;
    final String submission;
    final String path;
    final String name;
    final String out;
    private final FindingSink sink;

    VideoSubject(Rules rules, ProbedFile f, VideoFacts video, String submission, FindingSink sink) {
        this.rules = rules;
        this.spec = rules.video();
        this.video = video;
        this.submission = submission;
        this.path = f.file().relPath();
        this.name = f.file().name();
        this.out = stem(name) + COPY_SUFFIX + "." + extension(rules, name);
        this.sink = sink;
    }

    /** Whether the file holds a picture at all; the checks after the format's need one. */
    boolean hasPicture() {
        return video.container().videoTrackCount() > 0 && video.picture().codec() != null;
    }

    /**
     * Adds a finding. A fix that writes a new file gets the instruction to replace the original by it: the new
     * file left beside the original would be a second video, and so a new error.
     */
    void add(Rule rule, Msg message, Msg expected, Msg actual, Msg fix) {
        Msg full = fix != null && fix.render(Locale.ROOT).contains(out)
                ? Msg.key("video.fix.replace-original", fix, out, name)
                : fix;
        sink.add(rule, submission, path, message, expected, actual, full);
    }

    /** The one command that turns any video into a compliant one (the duration aside). */
    String reencode() {
        return reencode(false);
    }

    String reencodeDeinterlaced() {
        return reencode(true);
    }

    private String reencode(boolean deinterlace) {
        return String.format(Locale.ROOT,
                "ffmpeg -i \"%s\" -vf \"%sscale=%d:%d:force_original_aspect_ratio=decrease,pad=%d:%d:(ow-iw)/2:(oh-ih)/2,setsar=1,fps=%s\"%s%s -movflags +faststart \"%s\"",
                name, deinterlace ? "yadif," : "", spec.width(), spec.height(), spec.width(), spec.height(),
                fmt(spec.fps()), videoEncoding(), audioEncoding(), out);
    }

    /** " -c:v libx264 -preset … -crf …" from {@code video.convert}; empty (ffmpeg's default) without it. */
    private String videoEncoding() {
        return spec.convert() == null ? "" : " " + String.join(" ", spec.convert().videoOptions());
    }

    /** " -c:a aac -b:a 128k …" from {@code video.convert}; empty without it. */
    String audioEncoding() {
        return spec.convert() == null ? "" : " " + String.join(" ", spec.convert().audioOptions());
    }

    /** The extension of the video role's first accepted type (mp4), else the original's. */
    private static String extension(Rules rules, String name) {
        Rules.RoleDef role = rules.roles().get(rules.video().role());
        if (role != null && !role.types().isEmpty()) {
            FileType type = FileType.fromId(role.types().get(0));
            if (type != null && !type.extensions().isEmpty()) {
                return type.extensions().get(0);
            }
        }
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(dot + 1) : "";
    }

    private static String stem(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    static String fmt(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.3f", value).replaceAll("0+$", "");
    }

    static String clock(double seconds) {
        long s = Math.round(seconds);
        return String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}

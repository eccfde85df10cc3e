package zjlearn.fix;

import zjlearn.ValidationResult;
import zjlearn.check.Finding;
import zjlearn.i18n.Msg;
import zjlearn.rules.FileType;
import zjlearn.probe.ProbedFile;
import zjlearn.probe.image.ImageFacts;
import zjlearn.probe.video.VideoFacts;
import zjlearn.rules.Rule;
import zjlearn.rules.Rules;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Decides what {@code zjlearn fix} converts from a validation: the findings' rule ids on each file and the facts
 * probed from it (never by judging the file again). The targets come from rules.yaml ({@code video},
 * {@code images}); a problem that no conversion can answer (a video's length, a missing sound track, a grey ID
 * photo, a crop that would lose too much) is left in the plan with why.
 */
public final class Planner {
    /** Video problems a re-encode to the spec answers. */
    static final Set<Rule> REENCODE = Set.of(Rule.VIDEO_CODEC, Rule.VIDEO_RESOLUTION, Rule.VIDEO_FPS, Rule.VIDEO_SCAN);
    /** Photo types that may be converted to JPEG when a decoder reads them. */
    static final Set<FileType> CONVERTIBLE = Set.of(FileType.HEIC, FileType.WEBP, FileType.BMP, FileType.TIFF);
    /** Containers ffmpeg reads whose tracks the header probe does not describe. */
    private static final Set<FileType> OTHER_VIDEO = Set.of(FileType.MATROSKA);

    private final Rules rules;
    private final PhotoConverter photos;

    public Planner(Rules rules, PhotoConverter photos) {
        this.rules = rules;
        this.photos = photos;
    }

    public Plan plan(ValidationResult result) {
        Map<String, Set<Rule>> byFile = new HashMap<>();
        for (Finding f : result.findings()) {
            if (f.file() != null) {
                byFile.computeIfAbsent(f.file(), k -> new LinkedHashSet<>()).add(f.rule());
            }
        }
        Set<String> taken = new HashSet<>();
        List<ProbedFile> files = new ArrayList<>(result.validation().probed().values());
        files.sort(Comparator.comparing(p -> p.file().relPath()));
        files.forEach(p -> taken.add(p.file().relPath().toLowerCase(Locale.ROOT)));
        List<Plan.Job> jobs = new ArrayList<>();
        List<Plan.Left> left = new ArrayList<>();
        for (ProbedFile p : files) {
            Set<Rule> found = byFile.getOrDefault(p.file().relPath(), Set.of());
            if (rules.video() != null && video(p) != null && rules.video().role().equals(p.role())) {
                video(p, found, taken, jobs, left);
            } else if (p.role() != null && rules.role(p.role()) != null && rules.role(p.role()).types().contains(FileType.JPEG.id())) {
                photo(p, found, taken, jobs, left);
            }
        }
        return new Plan(jobs, left);
    }

    private void video(ProbedFile p, Set<Rule> found, Set<String> taken, List<Plan.Job> jobs, List<Plan.Left> left) {
        String path = p.file().relPath();
        VideoFacts v = video(p);
        if (found.contains(Rule.FILE_UNREADABLE) || found.contains(Rule.FILE_EMPTY) || v.integrity().truncated()) {
            if (found.stream().anyMatch(r -> r.id().startsWith("video."))) {
                left.add(new Plan.Left(path, Rule.FILE_UNREADABLE, Msg.key("fix.video.incomplete")));
            }
            return;
        }
        List<Rule> answered = new ArrayList<>();
        boolean reencode = false;
        for (Rule r : found) {
            if (REENCODE.contains(r)) {
                answered.add(r);
                reencode = true;
            }
        }
        if (found.contains(Rule.VIDEO_CONTAINER)) {
            answered.add(Rule.VIDEO_CONTAINER);
        }
        if (!v.hasVideo() && reencode && !(VideoFacts.OTHER.equals(v.container().kind()) && OTHER_VIDEO.contains(v.container().detectedType()))) {
            left.add(new Plan.Left(path, Rule.VIDEO_CODEC, Msg.key("fix.video.no-picture")));
            return;
        }
        if (found.contains(Rule.VIDEO_DURATION)) {
            left.add(new Plan.Left(path, Rule.VIDEO_DURATION, Msg.key("fix.video.length-kept")));
        }
        if (found.contains(Rule.VIDEO_AUDIO)) {
            left.add(new Plan.Left(path, Rule.VIDEO_AUDIO, Msg.key("fix.video.no-sound")));
        }
        if (answered.isEmpty()) {
            return;
        }
        String target = p.file().extension().equals("mp4") ? path : unique(path, "mp4", taken);
        jobs.add(new Plan.VideoJob(p.file(), target, answered, reencode, v.timing().durationSeconds()));
    }

    private void photo(ProbedFile p, Set<Rule> found, Set<String> taken, List<Plan.Job> jobs, List<Plan.Left> left) {
        String path = p.file().relPath();
        if (found.contains(Rule.FILE_UNREADABLE) || !p.readable()) {
            return;
        }
        List<Rule> answered = new ArrayList<>();
        boolean toJpeg = false;
        boolean viaFfmpeg = false;
        if (CONVERTIBLE.contains(p.type()) && (found.contains(Rule.FILE_TYPE_NOT_ALLOWED) || found.contains(Rule.FILE_TYPE_MISMATCH))) {
            viaFfmpeg = !photos.canRead(p.type()); // HEIC: no Java decoder; FFmpeg 7.1 and newer read it
            toJpeg = true;
            found.stream().filter(r -> r == Rule.FILE_TYPE_NOT_ALLOWED || r == Rule.FILE_TYPE_MISMATCH).forEach(answered::add);
        } else if (p.type() != FileType.JPEG && p.type() != FileType.PNG) {
            return;
        }
        ImageFacts img = p.facts() instanceof ProbedFile.Image i ? i.facts() : null;
        int orientation = img != null && img.orientation() > 1 ? img.orientation() : 1;
        Rules.IdPhoto id = rules.images() == null ? null : rules.images().idPhoto();
        Rules.IdPhoto crop = null;
        if (id != null && id.crop() != null && id.role().equals(p.role()) && !found.contains(Rule.IMAGE_NOT_ID_PHOTO)) {
            if (img == null) {
                crop = toJpeg ? id : null; // judged once decoded
            } else if (found.contains(Rule.IMAGE_ASPECT)) {
                double kept = kept(img.displayWidth(), img.displayHeight(), id);
                if (kept >= id.crop().minKept()) {
                    crop = id;
                    answered.add(Rule.IMAGE_ASPECT);
                } else {
                    left.add(new Plan.Left(path, Rule.IMAGE_ASPECT, Msg.key("fix.photo.crop-too-little-planned",
                            id.sizeName(), percent(kept), percent(id.crop().minKept()))));
                }
            }
        }
        if (!toJpeg && orientation == 1 && crop == null) {
            return;
        }
        String target = toJpeg ? unique(path, "jpg", taken) : path;
        jobs.add(new Plan.PhotoJob(p.file(), target, answered, p.type(), toJpeg, orientation, crop, viaFfmpeg));
    }

    /** The share of a {@code w}×{@code h} picture a centred crop to the ID photo's first size keeps. */
    static double kept(int w, int h, Rules.IdPhoto id) {
        Rules.SizeMm size = id.sizesMm().get(0);
        double want = size.width() / size.height();
        double have = (double) w / h;
        return have > want ? want / have : have / want;
    }

    static String percent(double share) {
        return String.valueOf(Math.round(share * 100));
    }

    /** {@code 视频.mov} → {@code 视频.mp4}, or {@code 视频-mov.mp4} when that name is taken. */
    static String unique(String path, String ext, Set<String> taken) {
        int slash = path.lastIndexOf('/');
        String name = path.substring(slash + 1);
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        String old = dot > 0 ? name.substring(dot + 1) : "";
        String folder = path.substring(0, slash + 1);
        String candidate = folder + stem + "." + ext;
        for (int i = 2; taken.contains(candidate.toLowerCase(Locale.ROOT)); i++) {
            candidate = folder + stem + "-" + old + (i == 2 ? "" : String.valueOf(i)) + "." + ext;
        }
        taken.add(candidate.toLowerCase(Locale.ROOT));
        return candidate;
    }

    /** The video facts of a probed file, or null when it is no video that could be read. */
    static VideoFacts video(ProbedFile p) {
        return p.facts() instanceof ProbedFile.Video v ? v.facts() : null;
    }
}

package zjlearn.fix;

import zjlearn.i18n.Msg;
import zjlearn.rules.FileType;
import zjlearn.rules.Rule;
import zjlearn.rules.Rules;
import zjlearn.scan.InputFile;

import java.util.List;

/**
 * What {@code zjlearn fix} will do: the conversions ({@link Job}) and the problems it saw but leaves alone
 * ({@link Left}), each with why. Every other file is copied byte for byte.
 */
public record Plan(List<Job> jobs, List<Left> left) {
    public Plan {
        jobs = List.copyOf(jobs);
        left = List.copyOf(left);
    }

    /** One file to convert into {@code target} (its path in the copy, relative to the root, {@code /}-separated). */
    public sealed interface Job permits VideoJob, PhotoJob {
        InputFile file();

        String target();

        /** The rule ids of the findings this job answers. */
        List<Rule> rules();
    }

    /**
     * A video to remux (only the container is wrong) or re-encode to the rules' spec.
     *
     * @param seconds the video's duration from its headers (for the progress), 0 when unknown
     */
    public record VideoJob(InputFile file, String target, List<Rule> rules, boolean reencode, double seconds)
            implements Job {
    }

    /**
     * A photo to decode and write again: converted to JPEG ({@code toJpeg}), turned upright by its EXIF
     * orientation ({@code orientation} 2–8), cropped to the ID photo's shape ({@code idPhoto} non-null) when that
     * keeps enough of it. {@code viaFfmpeg}: no Java decoder reads it (HEIC), ffmpeg decodes it first.
     */
    public record PhotoJob(InputFile file, String target, List<Rule> rules, FileType from, boolean toJpeg,
                           int orientation, Rules.IdPhoto idPhoto, boolean viaFfmpeg) implements Job {
    }

    /** Whether a run needs ffmpeg: a video, or a photo only ffmpeg decodes. */
    public boolean needsFfmpeg() {
        return !videos().isEmpty() || photos().stream().anyMatch(PhotoJob::viaFfmpeg);
    }

    /** A problem of {@code file} that fix does not convert, and why (the copy's report keeps its usual fix). */
    public record Left(String file, Rule rule, Msg why) {
    }

    public List<VideoJob> videos() {
        return jobs.stream().filter(VideoJob.class::isInstance).map(VideoJob.class::cast).toList();
    }

    public List<PhotoJob> photos() {
        return jobs.stream().filter(PhotoJob.class::isInstance).map(PhotoJob.class::cast).toList();
    }
}

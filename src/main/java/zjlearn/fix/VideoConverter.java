package zjlearn.fix;

import zjlearn.i18n.Msg;
import zjlearn.rules.Rules;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The ffmpeg command for one video: a remux when only the container is wrong (the output is always written as MP4, the
 * one container the probe reads besides QuickTime; the 2021 notice asks for MP4, rules file {@code video.brands}), else
 * a re-encode to the rules'
 * spec ({@code video}: size, frame rate; {@code video.convert}: encoder, preset, quality, pixel format, audio)
 * that scales and pads without distortion, applies the rotation, makes the frame rate constant, keeps the sound and
 * moves the index to the front (faststart). The length is never changed.
 */
public final class VideoConverter {
    private final Rules.Video spec;
    private final Rules.VideoConvert convert;

    public VideoConverter(Rules.Video spec) {
        this.spec = spec;
        this.convert = spec.convert() != null ? spec.convert()
                : new Rules.VideoConvert("libx264", "veryfast", 21, "yuv420p", "high", "aac", "128k", 48000);
    }

    /** The encoders an ffmpeg must have for these conversions. */
    public List<String> encoders() {
        return List.of(convert.encoder(), convert.audioEncoder());
    }

    /** ffmpeg's arguments (after its global options) that turn {@code in} into {@code out}. */
    public List<String> arguments(Plan.VideoJob job, String audioCodec, Path in, Path out) {
        List<String> a = new ArrayList<>(List.of("-i", in.toString(), "-map", "0:v:0", "-map", "0:a:0?", "-dn", "-sn"));
        if (!job.reencode()) {
            a.addAll(List.of("-c", "copy"));
        } else {
            String fps = fmt(spec.fps());
            a.addAll(List.of("-vf", String.format(Locale.ROOT,
                    "yadif=deint=interlaced,scale=%d:%d:force_original_aspect_ratio=decrease,pad=%d:%d:(ow-iw)/2:(oh-ih)/2,setsar=1,fps=%s",
                    spec.width(), spec.height(), spec.width(), spec.height(), fps)));
            a.addAll(List.of("-r", fps));
            a.addAll(convert.videoOptions());
            if (convert.pixelFormat() == null) {
                a.addAll(List.of("-pix_fmt", "yuv420p"));
            }
            a.addAll("mp4a".equals(audioCodec) ? List.of("-c:a", "copy") : convert.audioOptions());
        }
        a.addAll(List.of("-movflags", "+faststart", "-f", "mp4", out.toString()));
        return a;
    }

    /** What the conversion did, for the change list. */
    public Msg describe(Plan.VideoJob job) {
        if (!job.reencode()) {
            return Msg.key("fix.video.remuxed", spec.containerWord());
        }
        return Msg.key("fix.video.reencoded",
                String.valueOf(spec.width()), String.valueOf(spec.height()), fmt(spec.fps()), convert.encoder(),
                convert.preset() == null ? "" : "preset " + convert.preset(), convert.crf() == null ? "" : "crf " + convert.crf(),
                spec.codecWord());
    }

    /** Runs the conversion. */
    public Ffmpeg.Outcome run(Ffmpeg ffmpeg, Plan.VideoJob job, String audioCodec, Path in, Path out, Ffmpeg.Progress progress)
            throws IOException, InterruptedException {
        return ffmpeg.run(arguments(job, audioCodec, in, out), progress);
    }

    static String fmt(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.3f", value).replaceAll("0+$", "");
    }
}

package zjlearn.probe.video;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Stream;
import zjlearn.probe.FileType;
import zjlearn.probe.ProbeException;

/**
 * Compares {@link VideoProbe} with the ffprobe JSON that {@code make-fixtures.sh} stored beside each file.
 * {@code main(dir)} prints a Markdown table for a whole corpus (e.g. one made with longer clips).
 */
final class FfprobeOracle {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One file's comparison. */
    record Result(String file, String ours, String ffprobe, List<String> mismatches, long bytesRead, long size) {
    }

    static Result compare(Path mp4) throws IOException {
        String name = mp4.getFileName().toString();
        Path jsonPath = mp4.resolveSibling(name.substring(0, name.length() - 4) + ".ffprobe.json");
        JsonNode json = Files.size(jsonPath) == 0 ? JSON.createObjectNode() : JSON.readTree(jsonPath.toFile());
        JsonNode video = null;
        JsonNode audio = null;
        for (JsonNode s : json.path("streams")) {
            if (video == null && s.path("codec_type").asText().equals("video")) {
                video = s;
            }
            if (audio == null && s.path("codec_type").asText().equals("audio")) {
                audio = s;
            }
        }
        String formatName = json.path("format").path("format_name").asText("");
        List<String> bad = new ArrayList<>();
        LongAdder read = new LongAdder();
        VideoFacts f = null;
        String ours;
        try {
            f = VideoProbe.probe(mp4, read);
            ours = describe(f);
        } catch (ProbeException e) {
            ours = e.kind() + ": " + e.getMessage();
        }
        String theirs = video == null ? "error / no streams" : describe(json, video, audio);
        boolean expectBroken = name.contains("truncated");
        if (expectBroken) {
            if (f != null && !f.truncated()) {
                bad.add("expected truncated or unreadable");
            }
        } else if (formatName.startsWith("matroska")) {
            if (f == null || f.detectedType() != FileType.MATROSKA || !f.container().equals("other")) {
                bad.add("expected container other / Matroska");
            }
        } else if (video == null) {
            if (f != null) {
                bad.add("ffprobe found no video, we did");
            }
        } else if (f == null) {
            bad.add("ffprobe read it, we did not");
        } else {
            compareFacts(f, json, video, audio, bad);
        }
        return new Result(name, ours, theirs, bad, read.sum(), Files.size(mp4));
    }

    private static void compareFacts(VideoFacts f, JsonNode json, JsonNode v, JsonNode a, List<String> bad) {
        String brand = json.path("format").path("tags").path("major_brand").asText(null);
        check(bad, "brand", brand, f.majorBrand());
        check(bad, "container", "qt  ".equals(brand) ? "quicktime" : "mp4", f.container());
        check(bad, "codec", v.path("codec_tag_string").asText(), f.codec());
        check(bad, "width", v.path("width").asInt(), f.codedWidth());
        check(bad, "height", v.path("height").asInt(), f.codedHeight());
        String sar = v.path("sample_aspect_ratio").asText("1:1");
        check(bad, "sar", sar.equals("0:1") ? "1:1" : sar, f.pixelAspect());
        int rot = 0;
        for (JsonNode sd : v.path("side_data_list")) {
            if (sd.has("rotation")) {
                rot = Math.floorMod(sd.path("rotation").asInt(), 360);
            }
        }
        check(bad, "rotation", rot, f.rotation());
        String field = v.path("field_order").asText(null);
        Boolean progressive = field == null || !f.codec().startsWith("avc") ? null : field.equals("progressive");
        if (f.codec().startsWith("avc")) {
            check(bad, "progressive", progressive, f.progressive());
        }
        double avg = rate(v.path("avg_frame_rate").asText("0/0"));
        // for VFR ffprobe divides by the edit-list duration, we by the sum of the sample durations
        double fpsTolerance = f.constantFrameRate() ? 0.01 : 0.02 * avg;
        if (Math.abs(avg - f.fps()) > fpsTolerance) {
            bad.add(String.format(Locale.ROOT, "fps ours %.3f ffprobe avg %.3f", f.fps(), avg));
        }
        boolean ffCfr = v.path("r_frame_rate").asText().equals(v.path("avg_frame_rate").asText());
        check(bad, "cfr", ffCfr, f.constantFrameRate());
        if (v.has("duration")) {
            double d = v.path("duration").asDouble();
            // ffprobe's stream duration follows the edit list; ours is the sum of the sample durations. They
            // agree to the millisecond on CFR files, and within one frame on VFR ones.
            double tolerance = f.constantFrameRate() ? 0.0015 : f.maxDelta() / (double) f.timescale();
            if (Math.abs(d - f.durationSeconds()) > tolerance) {
                bad.add(String.format(Locale.ROOT, "duration ours %.4f ffprobe %.4f", f.durationSeconds(), d));
            }
        }
        // for a fragmented file ffprobe's nb_frames counts the moov's samples only (25 of 50 for frag_first_gop)
        if (v.has("nb_frames") && !f.fragmented()) {
            check(bad, "frames", v.path("nb_frames").asLong(), f.frameCount());
        }
        check(bad, "audio", a == null ? null : a.path("codec_tag_string").asText(), f.audioCodec());
        if (f.truncated()) {
            bad.add("truncated although intact");
        }
    }

    private static void check(List<String> bad, String what, Object theirs, Object ours) {
        if (theirs == null ? ours != null : !theirs.equals(ours)) {
            bad.add(what + " ours " + ours + " ffprobe " + theirs);
        }
    }

    private static double rate(String r) {
        String[] p = r.split("/");
        double den = Double.parseDouble(p[1]);
        return den == 0 ? 0 : Double.parseDouble(p[0]) / den;
    }

    static String describe(VideoFacts f) {
        if (f.container().equals("other")) {
            return "other (" + f.detectedType().id() + ")";
        }
        return String.format(Locale.ROOT, "%s/%s %s %dx%d%s sar %s rot %d %s %.3f fps %s %d fr %.3f s aud %s%s%s",
                f.container(), f.majorBrand() == null ? "-" : f.majorBrand().strip(), f.codec(), f.codedWidth(),
                f.codedHeight(),
                f.displayWidth() != f.codedWidth() || f.displayHeight() != f.codedHeight()
                        ? "→" + f.displayWidth() + "x" + f.displayHeight() : "",
                f.pixelAspect(), f.rotation(),
                f.progressive() == null ? "scan ?" : f.progressive() ? "prog" : f.mbaff() ? "MBAFF" : "interl",
                f.fps(), f.constantFrameRate() ? "CFR" : "VFR(" + f.minDelta() + ".." + f.maxDelta() + ")",
                f.frameCount(), f.durationSeconds(), f.audioCodec(), f.fragmented() ? " frag×" + f.fragmentCount() : "",
                f.truncated() ? " TRUNCATED" : "");
    }

    private static String describe(JsonNode json, JsonNode v, JsonNode a) {
        int rot = 0;
        for (JsonNode sd : v.path("side_data_list")) {
            rot = sd.path("rotation").asInt(rot);
        }
        return String.format(Locale.ROOT, "%s/%s %s %sx%s sar %s rot %d %s r %s avg %s %s fr %s s aud %s",
                json.path("format").path("format_name").asText().split(",")[0],
                json.path("format").path("tags").path("major_brand").asText("-").strip(),
                v.path("codec_tag_string").asText(), v.path("width").asText(), v.path("height").asText(),
                v.path("sample_aspect_ratio").asText("-"), rot, v.path("field_order").asText("-"),
                v.path("r_frame_rate").asText(), v.path("avg_frame_rate").asText(), v.path("nb_frames").asText("-"),
                v.path("duration").asText("-"), a == null ? null : a.path("codec_tag_string").asText());
    }

    static List<Path> corpus(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".mp4")).sorted().toList();
        }
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        System.out.println("| file | size B | VideoProbe | ffprobe | bytes read | agree |");
        System.out.println("|---|---|---|---|---|---|");
        for (Path p : corpus(dir)) {
            Result r = compare(p);
            System.out.printf("| %s | %d | %s | %s | %d | %s |%n", r.file(), r.size(), r.ours(), r.ffprobe(),
                    r.bytesRead(), r.mismatches().isEmpty() ? "yes" : String.join("; ", r.mismatches()));
        }
    }
}

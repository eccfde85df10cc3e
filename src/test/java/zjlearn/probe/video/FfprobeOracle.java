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
import zjlearn.rules.FileType;
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
            if (f != null && !f.integrity().truncated()) {
                bad.add("expected truncated or unreadable");
            }
        } else if (formatName.startsWith("matroska")) {
            if (f == null || f.container().detectedType() != FileType.MATROSKA || !f.container().kind().equals("other")) {
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
        check(bad, "brand", brand, f.container().majorBrand());
        check(bad, "container", "qt  ".equals(brand) ? "quicktime" : "mp4", f.container().kind());
        check(bad, "codec", v.path("codec_tag_string").asText(), f.picture().codec());
        check(bad, "width", v.path("width").asInt(), f.picture().codedWidth());
        check(bad, "height", v.path("height").asInt(), f.picture().codedHeight());
        String sar = v.path("sample_aspect_ratio").asText("1:1");
        check(bad, "sar", sar.equals("0:1") ? "1:1" : sar, f.picture().pixelAspect());
        int rot = 0;
        for (JsonNode sd : v.path("side_data_list")) {
            if (sd.has("rotation")) {
                rot = Math.floorMod(sd.path("rotation").asInt(), 360);
            }
        }
        check(bad, "rotation", rot, f.picture().rotation());
        String field = v.path("field_order").asText(null);
        Boolean progressive = field == null || !f.picture().codec().startsWith("avc") ? null : field.equals("progressive");
        if (f.picture().codec().startsWith("avc")) {
            check(bad, "progressive", progressive, f.picture().progressive());
        }
        double avg = rate(v.path("avg_frame_rate").asText("0/0"));
        // for VFR ffprobe divides by the edit-list duration, we by the sum of the sample durations
        double fpsTolerance = f.timing().constant() ? 0.01 : 0.02 * avg;
        if (Math.abs(avg - f.timing().fps()) > fpsTolerance) {
            bad.add(String.format(Locale.ROOT, "fps ours %.3f ffprobe avg %.3f", f.timing().fps(), avg));
        }
        boolean ffCfr = v.path("r_frame_rate").asText().equals(v.path("avg_frame_rate").asText());
        check(bad, "cfr", ffCfr, f.timing().constant());
        if (v.has("duration")) {
            double d = v.path("duration").asDouble();
            // ffprobe's stream duration follows the edit list; ours is the sum of the sample durations. They
            // agree to the millisecond on CFR files, and within one frame on VFR ones.
            double tolerance = f.timing().constant() ? 0.0015 : f.timing().maxDelta() / (double) f.timing().timescale();
            if (Math.abs(d - f.timing().durationSeconds()) > tolerance) {
                bad.add(String.format(Locale.ROOT, "duration ours %.4f ffprobe %.4f", f.timing().durationSeconds(), d));
            }
        }
        // for a fragmented file ffprobe's nb_frames counts the moov's samples only (25 of 50 for frag_first_gop)
        if (v.has("nb_frames") && !f.container().fragmented()) {
            check(bad, "frames", v.path("nb_frames").asLong(), f.timing().frameCount());
        }
        if (v.has("bit_rate")) {
            // ffprobe: the video samples' bytes × 8 / the stream duration, cut to whole bit/s. On these 2-second clips
            // 1 bit/s is a quarter of a byte, so agreement also says the byte totals are the same.
            double theirs = v.path("bit_rate").asDouble();
            double tolerance = f.timing().constant() ? 1
                    : 1 + theirs * f.timing().maxDelta() / (double) f.timing().timescale() / f.timing().durationSeconds();
            if (Math.abs(theirs - f.timing().averageBitrate()) > tolerance) {
                bad.add(String.format(Locale.ROOT, "bitrate ours %.1f ffprobe %.0f (ours %d bytes)",
                        f.timing().averageBitrate(), theirs, f.timing().videoBytes()));
            }
        }
        check(bad, "audio", a == null ? null : a.path("codec_tag_string").asText(), f.audio().codec());
        if (f.integrity().truncated()) {
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
        VideoFacts.Container c = f.container();
        if (c.kind().equals("other")) {
            return "other (" + c.detectedType().id() + ")";
        }
        VideoFacts.Picture p = f.picture();
        VideoFacts.Timing t = f.timing();
        return String.format(Locale.ROOT,
                "%s/%s %s %dx%d%s sar %s rot %d %s %.3f fps %s %d fr %.3f s %.0f bit/s aud %s%s%s",
                c.kind(), c.majorBrand() == null ? "-" : c.majorBrand().strip(), p.codec(), p.codedWidth(),
                p.codedHeight(),
                p.displayWidth() != p.codedWidth() || p.displayHeight() != p.codedHeight()
                        ? "→" + p.displayWidth() + "x" + p.displayHeight() : "",
                p.pixelAspect(), p.rotation(),
                p.progressive() == null ? "scan ?" : p.progressive() ? "prog" : p.mbaff() ? "MBAFF" : "interl",
                t.fps(), t.constant() ? "CFR" : "VFR(" + t.minDelta() + ".." + t.maxDelta() + ")",
                t.frameCount(), t.durationSeconds(), t.averageBitrate(), f.audio().codec(),
                c.fragmented() ? " frag×" + c.fragmentCount() : "", f.integrity().truncated() ? " TRUNCATED" : "");
    }

    private static String describe(JsonNode json, JsonNode v, JsonNode a) {
        int rot = 0;
        for (JsonNode sd : v.path("side_data_list")) {
            rot = sd.path("rotation").asInt(rot);
        }
        return String.format(Locale.ROOT, "%s/%s %s %sx%s sar %s rot %d %s r %s avg %s %s fr %s s %s bit/s aud %s",
                json.path("format").path("format_name").asText().split(",")[0],
                json.path("format").path("tags").path("major_brand").asText("-").strip(),
                v.path("codec_tag_string").asText(), v.path("width").asText(), v.path("height").asText(),
                v.path("sample_aspect_ratio").asText("-"), rot, v.path("field_order").asText("-"),
                v.path("r_frame_rate").asText(), v.path("avg_frame_rate").asText(), v.path("nb_frames").asText("-"),
                v.path("duration").asText("-"), v.path("bit_rate").asText("-"), a == null ? null : a.path("codec_tag_string").asText());
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

package zjlearn.testing;

import zjlearn.rules.Rule;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import zjlearn.ValidationResult;
import zjlearn.Validator;
import zjlearn.check.Finding;
import zjlearn.probe.Inspector;
import zjlearn.rules.Rules;
import zjlearn.rules.RulesLoader;
import zjlearn.rules.Vocabulary;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * The corpus run ({@code scripts/corpus-run.sh}): {@code inspect} and {@code validate} over every file of
 * real-world corpora in one JVM, each file under a time limit, and a summary: crashes (an exception out of
 * the tool), hangs (over the limit), out-of-memory errors, slow files (over 2 s), the real type against
 * {@code file --mime-type}, and MP4 facts against ffprobe where ffprobe reads the file.
 *
 * <p>Usage: {@code CorpusRun OUT_DIR NAME=DIR...}. Writes {@code OUT_DIR/NAME.tsv} (one line per file) and
 * {@code OUT_DIR/NAME-problems.txt}, and prints the summary table.
 */
public final class CorpusRun {
    static final long SLOW_MS = 2000;
    static final long LIMIT_MS = Long.getLong("corpus.limitMs", 30_000);
    private static final Set<String> FORM_EXT = Set.of("doc", "docx", "docm", "dot", "dotx", "wps", "rtf",
            "xls", "xlsx", "xlsm", "xlsb", "xlt", "xltx", "et");
    private static final Set<String> TEXT_EXT = Set.of("txt", "pdf");
    private static final Set<String> IMAGE_EXT = Set.of("jpg", "jpeg", "png", "gif", "bmp", "tif", "tiff", "webp",
            "heic", "heif", "avif", "jp2", "j2k", "mpo", "ico", "icns", "tga", "pcx", "ppm", "pgm", "pbm", "psd");
    private static final Set<String> VIDEO_EXT = Set.of("mp4", "m4v", "mov", "3gp", "m4a", "mkv", "webm", "avi");

    private final Vocabulary vocabulary;
    private final Inspector inspector;
    private final Rules rules;
    private final ObjectMapper json = new ObjectMapper();
    private ExecutorService worker = newWorker();

    private CorpusRun(Rules rules) {
        this.rules = rules;
        this.vocabulary = new Vocabulary(rules);
        this.inspector = new Inspector(vocabulary);
    }

    /** One file's outcome in one pass. */
    record Outcome(String status, long millis, String detail) {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: CorpusRun OUT_DIR NAME=DIR...");
            System.exit(2);
        }
        Path out = Path.of(args[0]);
        Files.createDirectories(out);
        CorpusRun run = new CorpusRun(RulesLoader.loadDefault());
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            String[] nameDir = args[i].split("=", 2);
            rows.add(run.corpus(nameDir[0], Path.of(nameDir[1]), out));
        }
        PrintStream o = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        printTable(o, rows);
        Files.writeString(out.resolve("summary.txt"), table(rows));
        System.exit(0);
    }

    private Map<String, Object> corpus(String name, Path dir, Path out) throws Exception {
        List<Path> files;
        try (Stream<Path> s = Files.walk(dir)) {
            files = s.filter(Files::isRegularFile).filter(p -> !p.toString().contains("/.git/")).sorted().toList();
        }
        Map<Path, String> mimes = FileCommand.mimeTypes(files);
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("corpus", name);
        row.put("files", files.size());
        Map<String, Integer> counts = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        List<String> tsv = new ArrayList<>();
        long maxMs = 0;
        String slowest = "";
        Path scratch = Files.createTempDirectory("corpus-");
        for (Path file : files) {
            String rel = dir.relativize(file).toString();
            Outcome inspect = timed(() -> inspect(file));
            Map<String, Object> facts = lastFacts;
            Outcome validate = timed(() -> validate(file, scratch));
            for (Outcome o : List.of(inspect, validate)) {
                String pass = o == inspect ? "inspect" : "validate";
                if (!o.status().equals("ok")) {
                    counts.merge(o.status(), 1, Integer::sum);
                    problems.add(o.status() + "\t" + pass + "\t" + rel + "\t" + o.detail());
                }
                if (o.millis() > SLOW_MS) {
                    counts.merge("slow", 1, Integer::sum);
                    problems.add("slow\t" + pass + "\t" + rel + "\t" + o.millis() + " ms");
                }
                if (o.millis() > maxMs) {
                    maxMs = o.millis();
                    slowest = rel + " (" + pass + ")";
                }
            }
            String type = facts == null ? "?" : String.valueOf(facts.get("type"));
            Object error = facts == null ? null : facts.get("error");
            if (error != null) {
                counts.merge("unreadable", 1, Integer::sum);
            }
            String mime = mimes.getOrDefault(file, "");
            String expected = FileCommand.expectedType(mime);
            if (expected != null && !expected.equals(type) && !FileCommand.compatible(expected, type)) {
                counts.merge("typeDisagreements", 1, Integer::sum);
                problems.add("type\t" + rel + "\tzjlearn " + type + "\tfile " + mime);
            }
            String mp4 = "";
            if (facts != null && ("mp4".equals(type) || "mov".equals(type))) {
                Map<?, ?> video = facts.get("video") instanceof Map<?, ?> v ? v : Map.of();
                mp4 = Ffprobe.compare(file, video, error);
                boolean drm = error instanceof Map<?, ?> e && "encrypted".equals(e.get("kind"));
                if (!mp4.isEmpty() && !mp4.startsWith("ffprobe cannot") && !drm) {
                    counts.merge("mp4Disagreements", 1, Integer::sum);
                    problems.add("mp4\t" + rel + "\t" + mp4);
                }
            }
            tsv.add(String.join("\t", rel, type, mime, inspect.status(), String.valueOf(inspect.millis()),
                    validate.status(), String.valueOf(validate.millis()),
                    error == null ? "" : json.writeValueAsString(error), lastRules, mp4));
        }
        clear(scratch);
        Files.delete(scratch);
        Files.write(out.resolve(name + ".tsv"), tsv);
        Files.write(out.resolve(name + "-problems.txt"), problems);
        for (String k : List.of("crash", "hang", "oom", "slow", "unreadable", "typeDisagreements", "mp4Disagreements")) {
            row.put(k, counts.getOrDefault(k, 0));
        }
        row.put("maxMs", maxMs);
        row.put("slowest", slowest);
        return row;
    }

    private Map<String, Object> lastFacts;
    private String lastRules = "";

    private interface Job {
        void run() throws Exception;
    }

    /** Runs one pass on one file on the worker thread, within the time limit. */
    private Outcome timed(Job job) {
        lastRules = "";
        long start = System.nanoTime();
        Future<?> f = worker.submit(() -> {
            job.run();
            return null;
        });
        try {
            f.get(LIMIT_MS, TimeUnit.MILLISECONDS);
            return new Outcome("ok", ms(start), "");
        } catch (TimeoutException e) {
            f.cancel(true);
            worker.shutdownNow();
            worker = newWorker(); // the stuck thread is a daemon and is left behind
            return new Outcome("hang", ms(start), "over " + LIMIT_MS + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome("crash", ms(start), "interrupted");
        } catch (java.util.concurrent.ExecutionException e) {
            Throwable cause = e.getCause();
            String status = cause instanceof OutOfMemoryError ? "oom" : "crash";
            return new Outcome(status, ms(start), String.valueOf(cause));
        }
    }

    private void inspect(Path file) {
        lastFacts = null;
        Map<String, Object> facts = inspector.inspect(file);
        lastFacts = facts;
        if (facts.get("error") instanceof Map<?, ?> error && String.valueOf(error.get("detail")).contains("OutOfMemory")) {
            throw new OutOfMemoryError("caught inside: " + error.get("detail"));
        }
    }

    /** Validates a one-submission province holding the file under the name of the material it most likely is. */
    private void validate(Path file, Path scratch) throws Exception {
        clear(scratch);
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String ext = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        Path submission;
        String target;
        if (FORM_EXT.contains(ext)) {
            submission = scratch.resolve("杭州市/百姓学习之星/01-张三");
            target = "推荐表." + ext;
        } else if (TEXT_EXT.contains(ext)) {
            submission = scratch.resolve("杭州市/终身学习品牌项目/共富夜校");
            target = "工作总结." + ext;
        } else if (IMAGE_EXT.contains(ext)) {
            submission = scratch.resolve("杭州市/百姓学习之星/01-张三");
            target = "证件照." + ext;
        } else if (VIDEO_EXT.contains(ext) || ext.isEmpty()) {
            submission = scratch.resolve("杭州市/百姓学习之星/01-张三/全国推荐材料");
            target = "视频.mp4";
        } else {
            submission = scratch.resolve("杭州市/终身学习品牌项目/共富夜校");
            target = name;
        }
        Files.createDirectories(submission);
        Files.copy(file, submission.resolve(target), StandardCopyOption.REPLACE_EXISTING);
        ValidationResult result = new Validator(rules, 1).validate(scratch);
        Map<String, Integer> byRule = new TreeMap<>();
        for (Finding f : result.findings()) {
            if (f.file() != null && f.file().endsWith(target)) {
                byRule.merge(f.rule().id(), 1, Integer::sum);
            }
        }
        lastRules = byRule.keySet().toString();
    }

    /** Empties a folder. */
    private static void clear(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                if (!p.equals(dir)) {
                    Files.delete(p);
                }
            }
        }
    }

    private static long ms(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static ExecutorService newWorker() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "corpus-worker");
            t.setDaemon(true);
            return t;
        });
    }

    private static final List<String> COLUMNS = List.of("corpus", "files", "crash", "hang", "oom", "slow", "maxMs",
            "unreadable", "typeDisagreements", "mp4Disagreements");

    static String table(List<Map<String, Object>> rows) {
        StringBuilder sb = new StringBuilder();
        sb.append("| ").append(String.join(" | ", COLUMNS)).append(" | slowest |\n");
        sb.append("|").append("---|".repeat(COLUMNS.size() + 1)).append('\n');
        for (Map<String, Object> row : rows) {
            sb.append("| ");
            for (String c : COLUMNS) {
                sb.append(row.get(c)).append(" | ");
            }
            sb.append(row.get("slowest")).append(" |\n");
        }
        return sb.toString();
    }

    private static void printTable(PrintStream o, List<Map<String, Object>> rows) {
        o.println("crash = exception out of the tool; hang = over " + LIMIT_MS + " ms; slow = over " + SLOW_MS
                + " ms (inspect and validate counted separately); unreadable = inspect reported an error");
        o.print(table(rows));
    }

    /** {@code file --mime-type} for many files at once, and what zjlearn should call each answer. */
    static final class FileCommand {
        private static final Map<String, String> TYPES = new HashMap<>();

        static {
            String[][] t = {
                    {"application/msword", "doc"}, {"application/vnd.ms-excel", "xls"},
                    {"application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"},
                    {"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"},
                    {"application/pdf", "pdf"}, {"image/jpeg", "jpeg"}, {"image/png", "png"}, {"image/gif", "gif"},
                    {"image/bmp", "bmp"}, {"image/x-ms-bmp", "bmp"}, {"image/tiff", "tiff"}, {"image/webp", "webp"},
                    {"image/heic", "heic"}, {"image/heif", "heic"}, {"video/mp4", "mp4"}, {"video/quicktime", "mov"},
                    {"text/html", "html"}, {"text/rtf", "rtf"}, {"application/zip", "zip"},
                    {"application/x-rar", "rar"}, {"application/vnd.rar", "rar"}, {"application/x-7z-compressed", "7z"},
                    {"inode/x-empty", "empty"}, {"application/x-empty", "empty"},
                    {"video/x-matroska", "mkv"}, {"video/webm", "mkv"}, {"video/x-msvideo", "avi"},
                    {"application/vnd.oasis.opendocument.text", "odt"},
                    {"application/vnd.oasis.opendocument.spreadsheet", "ods"},
                    {"application/vnd.ms-powerpoint", "unknown"},
                    {"application/vnd.openxmlformats-officedocument.presentationml.presentation", "unknown"},
                    {"application/vnd.ms-outlook", "unknown"}, {"image/avif", "unknown"},
            };
            for (String[] r : t) {
                TYPES.put(r[0], r[1]);
            }
        }

        static String expectedType(String mime) {
            return TYPES.get(mime);
        }

        /** Answers that are not disagreements: `file` knows less or names a close relative. */
        static boolean compatible(String expected, String ours) {
            return switch (expected) {
                case "zip" -> Set.of("docx", "xlsx", "odt", "ods").contains(ours);
                case "mp4" -> ours.equals("mov") || ours.equals("heic");
                case "mov" -> ours.equals("mp4");
                case "html" -> ours.equals("txt") || ours.equals("mht");
                case "doc", "xls", "docx", "xlsx" -> ours.equals("encrypted-office") || ours.equals(expected + "-strict")
                        || ours.equals(expected.equals("doc") ? "doc-word95" : expected.equals("xls") ? "xls-excel95" : "")
                        || expected.equals("doc") && ours.equals("doc-word2")
                        || expected.equals("xlsx") && ours.equals("xlsb"); // `file` calls .xlsb an .xlsx
                default -> false;
            };
        }

        static Map<Path, String> mimeTypes(List<Path> files) throws IOException, InterruptedException {
            Map<Path, String> out = new HashMap<>();
            Path list = Files.createTempFile("corpus-files", ".txt");
            try {
                Files.write(list, files.stream().map(Path::toString).toList());
                Process p = new ProcessBuilder("file", "-b", "--mime-type", "-f", list.toString())
                        .redirectErrorStream(true).start();
                List<String> lines = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
                p.waitFor();
                for (int i = 0; i < files.size() && i < lines.size(); i++) {
                    out.put(files.get(i), lines.get(i).strip());
                }
            } catch (IOException e) {
                // no `file` command: no comparison
            } finally {
                Files.deleteIfExists(list);
            }
            return out;
        }
    }

    /** MP4 facts against ffprobe's (codec, displayed size, frame rate, video duration). */
    static final class Ffprobe {
        private static final ObjectMapper JSON = new ObjectMapper();

        static String compare(Path file, Map<?, ?> ours, Object ourError) {
            JsonNode probe;
            try {
                Process p = new ProcessBuilder("ffprobe", "-v", "error", "-show_streams", "-of", "json", file.toString())
                        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
                byte[] out = p.getInputStream().readAllBytes();
                if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                    return "ffprobe cannot read it" + (ourError == null ? "; zjlearn read it" : "");
                }
                probe = JSON.readTree(out);
            } catch (IOException e) {
                return "ffprobe cannot run";
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "ffprobe cannot run";
            }
            JsonNode video = null;
            for (JsonNode s : probe.path("streams")) {
                if ("video".equals(s.path("codec_type").asText()) && !"mjpeg".equals(s.path("codec_name").asText())
                        && !"png".equals(s.path("codec_name").asText())) {
                    video = s;
                    break;
                }
            }
            List<String> diffs = new ArrayList<>();
            if (ourError != null) {
                diffs.add("zjlearn: unreadable " + ourError + ", ffprobe reads " + probe.path("streams").size() + " stream(s)");
                return String.join("; ", diffs);
            }
            String codec = ours.get("codec") == null ? null : ours.get("codec").toString();
            if (video == null) {
                if (codec != null) {
                    diffs.add("zjlearn codec " + codec + ", ffprobe no video stream");
                }
                return String.join("; ", diffs);
            }
            String tag = video.path("codec_tag_string").asText();
            if (codec == null) {
                diffs.add("zjlearn no video, ffprobe " + video.path("codec_name").asText() + "/" + tag);
                return String.join("; ", diffs);
            }
            if (!tag.equals(codec)) {
                diffs.add("codec " + codec + " vs " + tag);
            }
            int w = video.path("width").asInt();
            int h = video.path("height").asInt();
            String[] sar = video.path("sample_aspect_ratio").asText("1:1").split(":");
            if (sar.length == 2 && !sar[0].equals("0") && !sar[1].equals("0")) {
                w = (int) Math.round(w * Double.parseDouble(sar[0]) / Double.parseDouble(sar[1]));
            }
            int ow = ((Number) ours.get("width")).intValue();
            int oh = ((Number) ours.get("height")).intValue();
            if (!(ow == w && oh == h) && !(ow == h && oh == w)) {
                diffs.add("size " + ow + "x" + oh + " vs " + w + "x" + h);
            }
            double dur = video.path("duration").asDouble(-1);
            double ourDur = ((Number) ours.get("durationSeconds")).doubleValue();
            if (dur >= 0 && Math.abs(dur - ourDur) > 0.05) {
                diffs.add("duration " + ourDur + " vs " + dur);
            }
            return String.join("; ", diffs);
        }
    }
}

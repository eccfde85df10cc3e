package zjlearn.probe;

import zjlearn.rules.FileType;
import zjlearn.probe.form.FormContent;
import zjlearn.probe.form.FormReader;
import zjlearn.probe.image.ImageFacts;
import zjlearn.probe.image.ImageProbe;
import zjlearn.probe.video.VideoFacts;
import zjlearn.probe.video.VideoProbe;
import zjlearn.rules.Rules;
import zjlearn.rules.Vocabulary;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What the probes see in one file, for {@code zjlearn inspect}: its real type, the role its name
 * gives it and the facts the checks use. Never throws for a bad file; the failure is part of the facts.
 */
public final class Inspector {

    private final Vocabulary vocabulary;
    private final boolean english;

    public Inspector(Vocabulary vocabulary) {
        this(vocabulary, Locale.SIMPLIFIED_CHINESE);
    }

    /** Problems are described in this language (Chinese unless English). */
    public Inspector(Vocabulary vocabulary, Locale locale) {
        this.vocabulary = vocabulary;
        this.english = "en".equals(locale.getLanguage());
    }

    public Map<String, Object> inspect(Path file) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("path", file.toString());
        FileType type = FileType.UNKNOWN;
        try {
            facts.put("size", Files.size(file));
            String name = file.getFileName().toString();
            type = Prober.named(TypeSniffer.sniff(file), name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT));
            facts.put("type", type.id());
            String role = vocabulary.role(file.getFileName().toString(), type).orElse(null);
            facts.put("role", role);
            describe(file, type, role, facts);
        } catch (ProbeException e) {
            facts.put("error", Map.of("kind", e.kind().name().toLowerCase(Locale.ROOT), "detail", String.valueOf(e.getMessage())));
        } catch (Exception | StackOverflowError | OutOfMemoryError e) {
            facts.putIfAbsent("type", type.id());
            facts.put("error", Map.of("kind", "unreadable", "detail", e.getClass().getSimpleName() + ": " + e.getMessage()));
        }
        return facts;
    }

    private void describe(Path file, FileType type, String role, Map<String, Object> facts) throws Exception {
        Rules rules = vocabulary.rules();
        if (type == FileType.EMPTY) {
            throw new ProbeException(ProbeException.Kind.EMPTY, "zero bytes");
        }
        if (type == FileType.ENCRYPTED_OFFICE) {
            throw new ProbeException(ProbeException.Kind.ENCRYPTED, "password protected");
        }
        if (type == FileType.JPEG || type == FileType.PNG) {
            ImageFacts image = ImageProbe.probe(file, type);
            facts.put("image", image.toMap());
            problems(facts, imageProblems(image));
        } else if (type == FileType.MP4 || type == FileType.QUICKTIME
                || rules.video() != null && rules.video().role().equals(role)) {
            VideoFacts video = VideoProbe.probe(file);
            facts.put("video", video.toMap());
            problems(facts, videoProblems(video));
        } else if (FileType.FORMS.contains(type) && formOf(role) != null) {
            facts.put("form", form(file, type, role));
        }
        if (FileType.TEXTS.contains(type) && facts.get("form") == null) {
            String text = TextExtractor.extract(file, type);
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("characters", CharCounter.wordCount(text));
            t.put("nonWhitespaceCodePoints", CharCounter.nonWhitespaceCodePoints(text));
            facts.put("text", t);
        }
    }

    /** Every problem the probe found besides the facts, as "code: description" lines; absent when none. */
    private static void problems(Map<String, Object> facts, List<String> problems) {
        if (!problems.isEmpty()) {
            facts.put("problems", problems);
        }
    }

    private List<String> imageProblems(ImageFacts image) {
        List<String> found = new ArrayList<>();
        String detail = image.damageDetail() == null ? "" : "（" + image.damageDetail() + "）";
        switch (image.damage()) {
            case TRUNCATED -> found.add(say("truncated: 数据在图像结束前就断了，部分画面缺失" + detail,
                    "truncated: the data ends before the picture does" + detail));
            case CORRUPT -> found.add(say("corrupt: 图像数据损坏，无法完整解码" + detail, "corrupt: the picture data is broken" + detail));
            case MISSING_END -> found.add(say("missing-end: 画面完整，但文件缺少结束标记" + detail,
                    "missing-end: the picture is whole but the file lacks its end marker" + detail));
            default -> { }
        }
        return found;
    }

    private List<String> videoProblems(VideoFacts video) {
        List<String> found = new ArrayList<>();
        if (video.integrity().truncated()) {
            found.add(say("truncated: 文件不完整，有数据超出文件末尾（复制或导出没有完成）",
                    "truncated: some data lies past the end of the file (an unfinished copy or export)"));
        }
        if (!video.hasVideo()) {
            found.add(say("no-video-track: 没有视频轨道", "no-video-track: there is no video track"));
        } else if (video.container().videoTrackCount() > 1) {
            found.add(say("several-video-tracks: 有 " + video.container().videoTrackCount() + " 个视频轨道，只检查第一个",
                    "several-video-tracks: " + video.container().videoTrackCount() + " video tracks; only the first is checked"));
        }
        if (video.audio().codec() == null) {
            found.add(say("no-audio-track: 没有音频轨道（没有声音）", "no-audio-track: there is no sound track"));
        }
        return found;
    }

    private String say(String zh, String en) {
        return english ? en : zh;
    }

    /** The form whose labels the file matches best, among the forms held by files of this role. */
    private Map<String, Object> form(Path file, FileType type, String role) throws ProbeException {
        FormContent best = null;
        String bestTitle = null;
        for (Rules.FormDef def : vocabulary.rules().forms().values()) {
            if (!def.role().equals(role)) {
                continue;
            }
            FormContent content = FormReader.read(file, type, Prober.resolver(def), Prober.formLimits(vocabulary.rules()));
            int score = content.allFields().size() + content.records().size();
            if (best == null || score > best.allFields().size() + best.records().size()) {
                best = content;
                bestTitle = def.title();
            }
        }
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("form", bestTitle);
        form.put("fields", best == null ? Map.of() : best.allFields());
        form.put("records", best == null ? java.util.List.of() : best.records());
        return form;
    }

    private String formOf(String role) {
        return vocabulary.rules().forms().values().stream().filter(f -> f.role().equals(role))
                .map(Rules.FormDef::title).findFirst().orElse(null);
    }
}

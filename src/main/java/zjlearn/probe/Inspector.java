package zjlearn.probe;

import zjlearn.i18n.Bundles;
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
    private final Locale locale;

    public Inspector(Vocabulary vocabulary) {
        this(vocabulary, Locale.SIMPLIFIED_CHINESE);
    }

    /** Problems are described in this language (Chinese unless English). */
    public Inspector(Vocabulary vocabulary, Locale locale) {
        this.vocabulary = vocabulary;
        this.locale = locale;
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
        String detail = image.damageDetail() == null ? "" : Bundles.format("inspect.detail", locale, image.damageDetail());
        switch (image.damage()) {
            case TRUNCATED -> found.add(say("truncated", "inspect.image.truncated", detail));
            case CORRUPT -> found.add(say("corrupt", "inspect.image.corrupt", detail));
            case MISSING_END -> found.add(say("missing-end", "inspect.image.missing-end", detail));
            default -> { }
        }
        return found;
    }

    private List<String> videoProblems(VideoFacts video) {
        List<String> found = new ArrayList<>();
        if (video.integrity().truncated()) {
            found.add(say("truncated", "inspect.video.truncated"));
        }
        if (!video.hasVideo()) {
            found.add(say("no-video-track", "inspect.video.no-video-track"));
        } else if (video.container().videoTrackCount() > 1) {
            found.add(say("several-video-tracks", "inspect.video.several-video-tracks",
                    String.valueOf(video.container().videoTrackCount())));
        }
        if (video.audio().codec() == null) {
            found.add(say("no-audio-track", "inspect.video.no-audio-track"));
        }
        return found;
    }

    /** "code: description", the code the same in both languages, the description from {@code inspect_*.properties}. */
    private String say(String code, String key, Object... args) {
        return code + ": " + Bundles.format(key, locale, args);
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

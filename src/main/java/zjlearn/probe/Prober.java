package zjlearn.probe;

import zjlearn.rules.FileType;
import zjlearn.probe.form.FormContent;
import zjlearn.probe.form.FormLimits;
import zjlearn.probe.form.FormReader;
import zjlearn.probe.form.LabelResolver;
import zjlearn.probe.image.ImageProbe;
import zjlearn.probe.video.VideoProbe;
import zjlearn.rules.Names;
import zjlearn.rules.Rules;
import zjlearn.rules.Vocabulary;
import zjlearn.scan.InputFile;

import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Turns files into facts, in parallel: real type, role, and for forms and summaries their
 * content. A failure inside one file becomes that file's {@link ProbeException}; it never stops
 * the run.
 */
public final class Prober {
    /** A file to probe and the category whose forms it may hold. */
    public record Task(InputFile file, String category) {
    }

    /** Told after each file: how many are done, of how many, and which file that was. */
    @FunctionalInterface
    public interface Progress {
        Progress NONE = (done, total, file) -> { };

        void fileDone(int done, int total, InputFile file);
    }

    private static final long TIMEOUT_SECONDS = 120;
    private static final Set<String> OFFICE_EXTENSIONS = Set.of("docx", "doc", "xlsx", "xls");
    /** WPS Writer / WPS Spreadsheets names: usually Word 97 / Excel 97 content, else WPS's own format. */
    private static final Set<String> WPS_EXTENSIONS = Set.of("wps", "et");

    private final Rules rules;
    private final Vocabulary vocabulary;
    private final int jobs;
    private final Map<Rules.FormDef, LabelResolver> resolvers = new HashMap<>();

    public Prober(Vocabulary vocabulary, int jobs) {
        this.vocabulary = vocabulary;
        this.rules = vocabulary.rules();
        this.jobs = Math.max(1, jobs);
        rules.forms().values().forEach(form -> resolvers.put(form, resolver(form)));
    }

    /** The label resolver of a form of rules.yaml: names and aliases compared as {@link Names#label}. */
    public static LabelResolver resolver(Rules.FormDef form) {
        Map<String, String> byLabel = new HashMap<>();
        for (Rules.FieldDef field : form.fields()) {
            byLabel.putIfAbsent(Names.label(field.name()), field.name());
            field.aliases().forEach(a -> byLabel.putIfAbsent(Names.label(a), field.name()));
        }
        return text -> Optional.ofNullable(byLabel.get(Names.label(text)));
    }

    public Map<InputFile, ProbedFile> probe(List<Task> tasks) {
        return probe(tasks, Progress.NONE);
    }

    public Map<InputFile, ProbedFile> probe(List<Task> tasks, Progress progress) {
        ExecutorService pool = Executors.newFixedThreadPool(jobs, daemonThreads());
        AtomicInteger done = new AtomicInteger();
        try {
            Map<Task, Future<ProbedFile>> futures = new LinkedHashMap<>();
            for (Task task : tasks) {
                futures.put(task, pool.submit(() -> {
                    ProbedFile result = probeSafely(task);
                    progress.fileDone(done.incrementAndGet(), tasks.size(), task.file());
                    return result;
                }));
            }
            Map<InputFile, ProbedFile> results = new LinkedHashMap<>();
            for (Map.Entry<Task, Future<ProbedFile>> e : futures.entrySet()) {
                results.put(e.getKey().file(), await(e.getKey(), e.getValue()));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private static ProbedFile await(Task task, Future<ProbedFile> future) {
        try {
            return future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            return failed(task.file(), FileType.UNKNOWN, null, new ProbeException(ProbeException.Kind.UNREADABLE,
                    "reading took longer than " + TIMEOUT_SECONDS + " s"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed(task.file(), FileType.UNKNOWN, null,
                    new ProbeException(ProbeException.Kind.UNREADABLE, "interrupted"));
        } catch (ExecutionException e) {
            return failed(task.file(), FileType.UNKNOWN, null,
                    new ProbeException(ProbeException.Kind.UNREADABLE, String.valueOf(e.getCause())));
        }
    }

    /** Never throws: whatever goes wrong (even an Error from a hostile file) becomes a failure. */
    ProbedFile probeSafely(Task task) {
        FileType type = FileType.UNKNOWN;
        String role = vocabulary.roleByName(task.file().name()).orElse(null);
        try (OpenedFile opened = OpenedFile.open(task.file().path())) {
            type = named(opened.size() == 0 ? FileType.EMPTY : TypeSniffer.sniff(opened), task.file().extension());
            role = vocabulary.role(task.file().name(), type).orElse(null);
            return probe(task, opened, type, role);
        } catch (ProbeException e) {
            return failed(task.file(), type, role, e);
        } catch (IOException e) {
            return failed(task.file(), type, role, new ProbeException(ProbeException.Kind.UNREADABLE,
                    e.getClass().getSimpleName() + ": " + e.getMessage(), e));
        } catch (Throwable e) {
            return failed(task.file(), type, role, new ProbeException(ProbeException.Kind.UNREADABLE,
                    e.getClass().getSimpleName(), e));
        }
    }

    /**
     * Reads the file as its type and role ask. Images, videos and plain text go on from the opened file (the
     * sniffed header is not read again); Office and PDF files are opened by their libraries.
     */
    private ProbedFile probe(Task task, OpenedFile opened, FileType type, String role) throws ProbeException {
        InputFile file = task.file();
        if (type == FileType.EMPTY) {
            return failed(file, type, role, new ProbeException(ProbeException.Kind.EMPTY, "zero bytes"));
        }
        if (type == FileType.ENCRYPTED_OFFICE) {
            return failed(file, type, role, new ProbeException(ProbeException.Kind.ENCRYPTED, "password protected"));
        }
        if ((type == FileType.ZIP || type == FileType.UNKNOWN) && OFFICE_EXTENSIONS.contains(file.extension())) {
            // A truncated .docx still looks like a ZIP, a damaged .xls like nothing: call it damaged, not "rename it".
            return failed(file, type, role, new ProbeException(ProbeException.Kind.UNREADABLE,
                    "named ." + file.extension() + " but the content is " + (type == FileType.ZIP
                            ? "a ZIP archive without Word/Excel parts (damaged or truncated?)" : "unrecognisable (damaged?)")));
        }
        long limit = rules.limits().maxBytes(role);
        if (file.size() > limit) {
            return failed(file, type, role, new ProbeException(ProbeException.Kind.TOO_LARGE,
                    file.size() + " > " + limit + " bytes"));
        }
        Rules.CategoryDef category = rules.category(task.category());
        Optional<Rules.FormDef> formDef = rules.formFor(task.category(), role);
        if (formDef.isPresent() && FileType.FORMS.contains(type)) {
            FormContent form = FormReader.read(file.path(), type, resolvers.get(formDef.get()), formLimits(rules));
            return new ProbedFile(file, type, role, new ProbedFile.Form(form));
        }
        if (category.summary() != null && category.summary().role().equals(role) && FileType.TEXTS.contains(type)) {
            Integer maxPages = rules.limits().maxPdfPages();
            String text = TextExtractor.extract(opened, type, maxPages == null ? TextExtractor.DEFAULT_MAX_PDF_PAGES : maxPages);
            ProbedFile.TextFacts facts = new ProbedFile.TextFacts(CharCounter.wordCount(text),
                    CharCounter.nonWhitespaceCodePoints(text));
            return new ProbedFile(file, type, role, facts);
        }
        if (type == FileType.JPEG || type == FileType.PNG) {
            return new ProbedFile(file, type, role, new ProbedFile.Image(ImageProbe.probe(opened, type)));
        }
        if (isVideo(type, role)) {
            return new ProbedFile(file, type, role, new ProbedFile.Video(VideoProbe.probe(opened.channel(), null)));
        }
        return ProbedFile.plain(file, type, role);
    }

    /**
     * The content type, except that an unrecognised file named .wps/.et is called WPS's own format: WPS writes
     * Word 97 / Excel 97 files under these names (read as such), and otherwise its own format, which nothing
     * here can read.
     */
    static FileType named(FileType content, String extension) {
        return content == FileType.UNKNOWN && WPS_EXTENSIONS.contains(extension) ? FileType.WPS : content;
    }

    /** The bounds on reading one form, from rules.yaml's limits (the reader's defaults where it names none). */
    static FormLimits formLimits(Rules rules) {
        Rules.Limits l = rules.limits();
        FormLimits d = FormLimits.DEFAULT;
        return new FormLimits(l.maxCellChars() == null ? d.cellChars() : l.maxCellChars(),
                l.maxTableCells() == null ? d.tableCells() : l.maxTableCells(),
                l.maxFormChars() == null ? d.textChars() : l.maxFormChars());
    }

    /** Videos are read by their headers whatever their container, so that a .mov or .mkv gets a precise finding. */
    private boolean isVideo(FileType type, String role) {
        Rules.Video video = rules.video();
        return type == FileType.MP4 || type == FileType.QUICKTIME
                || video != null && role != null && role.equals(video.role());
    }


    private static ProbedFile failed(InputFile file, FileType type, String role, ProbeException e) {
        return ProbedFile.failed(file, type, role, e);
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "probe-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}

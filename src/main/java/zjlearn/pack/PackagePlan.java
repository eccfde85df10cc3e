package zjlearn.pack;

import zjlearn.rules.Rule;
import zjlearn.ValidationResult;
import zjlearn.archive.ArchiveMounter;
import zjlearn.check.Finding;
import zjlearn.i18n.Msg;
import zjlearn.check.Validation;
import zjlearn.rules.FileType;
import zjlearn.probe.ProbedFile;
import zjlearn.rules.Rules;
import zjlearn.scan.CategoryFolder;
import zjlearn.scan.InputFile;
import zjlearn.scan.ScanResult;
import zjlearn.scan.Submission;
import zjlearn.scan.UnitFolder;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What {@code zjlearn package} does with each submission, decided from a validation's findings alone (rule,
 * severity, the submission or file they are about — a check's internals are never asked again): which
 * are accepted (no error finding; no finding at all with {@code --strict}), which are rejected and
 * why, which are left out because their unit is over quota, and, per unit, the files that go into
 * its bag and where. Pure: reads no file.
 */
public final class PackagePlan {
    public enum Status {
        /** Packaged. */
        ACCEPTED,
        /** Has an error (or, with --strict, any finding). */
        REJECTED,
        /** Would pass, but its unit sent more than its quota in the category. */
        OVER_QUOTA;

        public Msg label() {
            return Msg.key("pack.status." + id());
        }

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    /**
     * One submission's fate.
     *
     * @param problem its one first problem: why it is not packaged (its first error — first finding, with
     *                --strict —, the quota finding, or its unit's second version); for an accepted one, its first
     *                warning, or null
     * @param fix     how to mend {@code problem} when it is not packaged; null when accepted
     * @param rules   the rule ids that keep it out (its errors, every finding's with --strict, and
     *                {@code quota.exceeded}), in order of first appearance
     */
    public record Outcome(Submission submission, Status status, Msg problem, Msg fix, List<Rule> rules,
                          long errors, long warnings) {
        public Outcome {
            rules = List.copyOf(rules);
        }

        public boolean accepted() {
            return status == Status.ACCEPTED;
        }

        /** Why it is not packaged; null when accepted. */
        public Msg reason() {
            return accepted() ? null : problem;
        }
    }

    /** A file that goes into the bag, at {@code bagPath} (e.g. {@code data/百姓学习之星/01-张三/推荐表.docx}). */
    public record Payload(String bagPath, InputFile file, boolean store) {
    }

    /**
     * One unit: its submissions' outcomes (folder order) and its bag's payload (sorted by bag path).
     *
     * @param unit     canonical name, or null for submissions of no known unit (never packaged)
     * @param folders  the unit's folders, relative to the root given ("." when the root is the unit)
     * @param excluded over-quota messages: categories (or the whole unit) not packaged
     */
    public record UnitPlan(String unit, List<String> folders, List<Outcome> outcomes, List<Payload> payload,
                           List<Msg> excluded) {
        public UnitPlan {
            folders = List.copyOf(folders);
            outcomes = List.copyOf(outcomes);
            payload = List.copyOf(payload);
            excluded = List.copyOf(excluded);
        }

        /** Whether an archive is written: a known unit with at least one accepted submission. */
        public boolean packaged() {
            return unit != null && outcomes.stream().anyMatch(Outcome::accepted);
        }

        public String archiveName() {
            return unit == null ? null : unit + ".zip";
        }

        public List<Outcome> accepted() {
            return outcomes.stream().filter(Outcome::accepted).toList();
        }

        public List<Outcome> notAccepted() {
            return outcomes.stream().filter(o -> !o.accepted()).toList();
        }

        public long count(Status status) {
            return outcomes.stream().filter(o -> o.status() == status).count();
        }

        public long count(Status status, String category) {
            return outcomes.stream().filter(o -> o.status() == status && o.submission().category().equals(category)).count();
        }

        public long payloadBytes() {
            return payload.stream().mapToLong(p -> p.file().size()).sum();
        }
    }

    /** Real types that are compressed already: stored as they are. Everything else is deflated. */
    private static final Set<FileType> STORED_TYPES = Set.of(FileType.JPEG, FileType.PNG, FileType.HEIC,
            FileType.WEBP, FileType.GIF, FileType.MP4, FileType.QUICKTIME, FileType.MATROSKA, FileType.AVI,
            FileType.ZIP, FileType.RAR, FileType.SEVEN_ZIP);

    private final ValidationResult result;
    private final boolean strict;
    private final List<UnitPlan> units;

    private PackagePlan(ValidationResult result, boolean strict, List<UnitPlan> units) {
        this.result = result;
        this.strict = strict;
        this.units = List.copyOf(units);
    }

    public ValidationResult result() {
        return result;
    }

    public boolean strict() {
        return strict;
    }

    /** Units in rules.yaml order; submissions of no known unit last. */
    public List<UnitPlan> units() {
        return units;
    }

    public List<Outcome> outcomes() {
        return units.stream().flatMap(u -> u.outcomes().stream()).toList();
    }

    public Optional<Outcome> outcome(Submission s) {
        return outcomes().stream().filter(o -> o.submission().equals(s)).findFirst();
    }

    public long count(Status status) {
        return outcomes().stream().filter(o -> o.status() == status).count();
    }

    /** Whether every submission was accepted. */
    public boolean allAccepted() {
        return outcomes().stream().allMatch(Outcome::accepted);
    }

    /**
     * What the run did not package besides submissions, and why: every error that belongs to no submission and
     * names a file or folder (an archive, a folder it did not understand, a list form in the wrong place, a second
     * version of a unit, an unreadable unit document …). Quota errors are told by the submissions they keep out.
     */
    public List<Finding> leftOut() {
        return result.generalFindings().stream()
                .filter(f -> f.isError() && f.file() != null && !Rule.QUOTA_EXCEEDED.equals(f.rule()))
                .toList();
    }

    /** Whether everything given was packaged: every submission accepted and nothing else left out. */
    public boolean complete() {
        return allAccepted() && leftOut().isEmpty();
    }

    /** Whether the given root may be packaged: a province root or a unit folder. */
    public static boolean packageable(ScanResult.Level level) {
        return level == ScanResult.Level.PROVINCE || level == ScanResult.Level.UNIT;
    }

    public static PackagePlan of(ValidationResult result, boolean strict) {
        Validation v = result.validation();
        Map<String, List<Submission>> byUnit = new LinkedHashMap<>();
        v.rules().units().forEach(u -> byUnit.put(u.name(), new ArrayList<>()));
        List<Submission> unknown = new ArrayList<>();
        for (Submission s : v.scan().submissions()) {
            if (s.unit() == null) {
                unknown.add(s);
            } else {
                byUnit.computeIfAbsent(s.unit(), k -> new ArrayList<>()).add(s);
            }
        }
        List<UnitPlan> plans = new ArrayList<>();
        for (Map.Entry<String, List<Submission>> e : byUnit.entrySet()) {
            if (!e.getValue().isEmpty()) {
                plans.add(unit(result, strict, e.getKey(), e.getValue()));
            }
        }
        if (!unknown.isEmpty()) {
            plans.add(unit(result, strict, null, unknown));
        }
        return new PackagePlan(result, strict, plans);
    }

    /**
     * The findings of no single submission that keep some of {@code submissions} out whole, whatever their
     * severity (a rules file may lower it, but only "off" lets them through): an exceeded quota, and a second
     * version of their unit or category folder. Each names the submissions it is about ({@link Finding#concerns}).
     */
    private static List<Finding> keepingOut(ValidationResult result, Rule rule, List<Submission> submissions) {
        return result.generalFindings().stream()
                .filter(f -> rule.equals(f.rule()) && submissions.stream().anyMatch(s -> f.concerns(s.path())))
                .toList();
    }

    private static UnitPlan unit(ValidationResult result, boolean strict, String unit, List<Submission> submissions) {
        Validation v = result.validation();
        List<Finding> quota = unit == null ? List.of() : keepingOut(result, Rule.QUOTA_EXCEEDED, submissions);
        List<Finding> conflicts = unit == null ? List.of()
                : keepingOut(result, Rule.LAYOUT_DUPLICATE_VERSION, submissions);
        List<Outcome> outcomes = new ArrayList<>();
        for (Submission s : submissions) {
            Outcome o = outcome(result, strict, s, quota);
            Optional<Finding> conflict = conflicts.stream().filter(f -> f.concerns(s.path())).findFirst();
            if (o.accepted() && conflict.isPresent()) {
                o = new Outcome(s, Status.REJECTED, conflict.get().message(), conflict.get().fix(),
                        List.of(Rule.LAYOUT_DUPLICATE_VERSION), o.errors(), o.warnings());
            }
            outcomes.add(o);
        }
        Set<String> folders = new LinkedHashSet<>();
        v.scan().unitFolders().stream().filter(u -> Objects.equals(u.unit(), unit)).forEach(u -> folders.add(u.path()));
        for (Submission s : submissions) {
            folders.add(unitFolderOf(v.scan(), s));
        }
        List<Payload> payload = unit == null ? List.of() : payload(v, unit, outcomes);
        List<Msg> excluded = quota.stream().map(Finding::message).toList();
        return new UnitPlan(unit, List.copyOf(folders), outcomes, payload, excluded);
    }

    /** What goes into a known unit's bag: its accepted submissions, their category folders' and its own files. */
    private static List<Payload> payload(Validation v, String unit, List<Outcome> outcomes) {
        List<Payload> payload = new ArrayList<>();
        Set<String> packagedCategoryFolders = new LinkedHashSet<>();
        for (Outcome o : outcomes) {
            if (!o.accepted()) {
                continue;
            }
            v.categoryFolder(o.submission()).ifPresent(c -> packagedCategoryFolders.add(c.path()));
            String base = unitFolderOf(v.scan(), o.submission());
            for (ProbedFile f : v.files(o.submission())) {
                if (f.role() != null) {
                    payload.add(payload(base, f));
                }
            }
        }
        for (CategoryFolder c : v.scan().categoryFolders()) {
            if (!packagedCategoryFolders.contains(c.path())) {
                continue;
            }
            for (ProbedFile f : v.files(c)) {
                if (f.role() != null && f.readable()) {
                    payload.add(payload(Validation.parentPath(c.path()), f));
                }
            }
        }
        if (outcomes.stream().anyMatch(Outcome::accepted)) {
            for (UnitFolder u : v.scan().unitFolders()) {
                if (!unit.equals(u.unit())) {
                    continue;
                }
                for (InputFile file : u.files()) {
                    ProbedFile f = v.facts(file);
                    if (f.role() != null && f.readable()) {
                        payload.add(payload(u.path(), f));
                    }
                }
            }
        }
        payload.sort(Comparator.comparing(Payload::bagPath));
        return payload;
    }

    /**
     * A submission's fate from its findings: rejected for its first error (first finding, with --strict), over
     * quota for a quota finding about it, else accepted with its first warning (if any) as its problem.
     */
    private static Outcome outcome(ValidationResult result, boolean strict, Submission s, List<Finding> quota) {
        List<Finding> findings = result.findingsOf(s);
        long errors = findings.stream().filter(Finding::isError).count();
        long warnings = findings.size() - errors;
        List<Finding> counted = strict ? findings : findings.stream().filter(Finding::isError).toList();
        Optional<Finding> first = findings.stream().filter(Finding::isError).findFirst()
                .or(() -> counted.stream().findFirst());
        Set<Rule> rules = new LinkedHashSet<>();
        counted.forEach(f -> rules.add(f.rule()));
        Optional<Finding> overQuota = quota.stream().filter(f -> f.concerns(s.path())).findFirst();
        if (s.unit() == null) {
            rules.add(Rule.LAYOUT_UNKNOWN_UNIT);
            return new Outcome(s, Status.REJECTED,
                    first.map(Finding::message).orElse(Msg.key("pack.unknown-unit.reason")),
                    first.map(Finding::fix).orElse(Msg.key("pack.unknown-unit.fix")), List.copyOf(rules), errors, warnings);
        }
        if (first.isPresent()) {
            overQuota.ifPresent(x -> rules.add(Rule.QUOTA_EXCEEDED));
            return new Outcome(s, Status.REJECTED, first.get().message(), first.get().fix(), List.copyOf(rules), errors,
                    warnings);
        }
        if (overQuota.isPresent()) {
            rules.add(Rule.QUOTA_EXCEEDED);
            return new Outcome(s, Status.OVER_QUOTA, overQuota.get().message(), overQuota.get().fix(),
                    List.copyOf(rules), errors, warnings);
        }
        return new Outcome(s, Status.ACCEPTED, findings.stream().findFirst().map(Finding::message).orElse(null), null,
                List.of(), errors, warnings);
    }

    /**
     * The unit folder a submission was read from: the folder above its category folder ("杭州市", "." from a unit
     * root, "杭州市/杭州市" when a wrapping folder was unwrapped); for a submission lying without its category
     * level, the folder it lies in.
     */
    static String unitFolderOf(ScanResult scan, Submission s) {
        String parent = Validation.parentPath(s.path());
        boolean inCategory = scan.categoryFolders().stream().anyMatch(c -> c.path().equals(parent));
        return inCategory ? Validation.parentPath(parent) : parent;
    }

    /** A file's place in the bag: data/ and its path below the unit folder it was read from. */
    private static Payload payload(String unitFolder, ProbedFile f) {
        String rel = f.file().relPath();
        // inside an archive read as a folder, paths pass through "宁波市.zip!/": the bag holds them as folders
        String inUnit = !".".equals(unitFolder) && rel.startsWith(unitFolder + "/") ? rel.substring(unitFolder.length() + 1)
                : ArchiveMounter.belowArchive(rel);
        return new Payload("data/" + ArchiveMounter.asFolders(inUnit), f.file(), STORED_TYPES.contains(f.type()));
    }
}

package zjlearn.pack;

import zjlearn.rules.Rule;
import zjlearn.ValidationResult;
import zjlearn.archive.ArchiveMounter;
import zjlearn.check.Finding;
import zjlearn.check.Msg;
import zjlearn.check.QuotaCheck;
import zjlearn.check.Validation;
import zjlearn.probe.FileType;
import zjlearn.probe.ProbedFile;
import zjlearn.rules.Rules;
import zjlearn.rules.Severity;
import zjlearn.scan.CategoryFolder;
import zjlearn.scan.InputFile;
import zjlearn.scan.LayoutIssue;
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
 * What {@code zjlearn package} does with each submission, decided from a validation alone: which
 * are accepted (no error finding; no finding at all with {@code --strict}), which are rejected and
 * why, which are left out because their unit is over quota, and, per unit, the files that go into
 * its bag and where. Pure: reads no file.
 */
public final class PackagePlan {
    public enum Status {
        /** Packaged. */
        ACCEPTED("通过", "accepted"),
        /** Has an error (or, with --strict, any finding). */
        REJECTED("不通过", "rejected"),
        /** Would pass, but its unit sent more than its quota in the category. */
        OVER_QUOTA("超额未打包", "over quota, not packaged");

        private final String zh;
        private final String en;

        Status(String zh, String en) {
            this.zh = zh;
            this.en = en;
        }

        public Msg label() {
            return Msg.of(zh, en);
        }

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    /**
     * One submission's fate.
     *
     * @param reason the first error (first warning, with --strict, when there is no error), or the quota
     *               message; null when accepted
     * @param fix    how to mend {@code reason}; null when accepted
     * @param rules  the rule ids that keep it out (its errors, every finding's with --strict, and
     *               {@code quota.exceeded}), in order of first appearance
     */
    public record Outcome(Submission submission, Status status, Msg reason, Msg fix, List<Rule> rules,
                          long errors, long warnings, Msg firstProblem) {
        public Outcome {
            rules = List.copyOf(rules);
        }

        public boolean accepted() {
            return status == Status.ACCEPTED;
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
        Rules rules = v.rules();
        List<QuotaCheck.Excess> excesses = Rule.QUOTA_EXCEEDED.effective(rules) == Severity.OFF
                ? List.of() : QuotaCheck.excesses(v);
        Map<String, List<Submission>> byUnit = new LinkedHashMap<>();
        rules.units().forEach(u -> byUnit.put(u.name(), new ArrayList<>()));
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
                plans.add(unit(result, strict, e.getKey(), e.getValue(), excesses));
            }
        }
        if (!unknown.isEmpty()) {
            plans.add(unit(result, strict, null, unknown, excesses));
        }
        return new PackagePlan(result, strict, plans);
    }

    private static UnitPlan unit(ValidationResult result, boolean strict, String unit, List<Submission> submissions,
                                 List<QuotaCheck.Excess> excesses) {
        Validation v = result.validation();
        List<QuotaCheck.Excess> ofUnit = unit == null ? List.of()
                : excesses.stream().filter(x -> x.unit().equals(unit)).toList();
        List<LayoutIssue> conflicts = unit == null ? List.of() : v.scan().layoutIssues().stream()
                .filter(i -> i.kind() == LayoutIssue.Kind.DUPLICATE_VERSION && i.submissionPath() == null
                        && unit.equals(i.unit()))
                .toList();
        List<Outcome> outcomes = new ArrayList<>();
        for (Submission s : submissions) {
            Outcome o = outcome(result, strict, s, ofUnit);
            Optional<LayoutIssue> conflict = conflicts.stream()
                    .filter(i -> i.category() == null || i.category().equals(s.category())).findFirst();
            if (o.accepted() && conflict.isPresent()) {
                Optional<Finding> finding = result.generalFindings().stream()
                        .filter(f -> Rule.LAYOUT_DUPLICATE_VERSION.equals(f.rule()) && conflict.get().path().equals(f.file()))
                        .findFirst();
                if (finding.isPresent()) {
                    o = new Outcome(s, Status.REJECTED, finding.get().message(), finding.get().fix(),
                            List.of(Rule.LAYOUT_DUPLICATE_VERSION), o.errors(), o.warnings(), finding.get().message());
                }
            }
            outcomes.add(o);
        }
        Set<String> folders = new LinkedHashSet<>();
        v.scan().unitFolders().stream().filter(u -> Objects.equals(u.unit(), unit)).forEach(u -> folders.add(u.path()));
        for (Submission s : submissions) {
            folders.add(unitFolderOf(v.scan(), s));
        }
        List<Payload> payload = new ArrayList<>();
        if (unit != null) {
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
        }
        List<Msg> excluded = ofUnit.stream().map(x -> QuotaCheck.message(v.rules(), x)).toList();
        return new UnitPlan(unit, List.copyOf(folders), outcomes, payload, excluded);
    }

    private static Outcome outcome(ValidationResult result, boolean strict, Submission s,
                                   List<QuotaCheck.Excess> excesses) {
        List<Finding> findings = result.findingsOf(s);
        long errors = findings.stream().filter(Finding::isError).count();
        long warnings = findings.size() - errors;
        List<Finding> counted = strict ? findings : findings.stream().filter(Finding::isError).toList();
        Optional<Finding> first = findings.stream().filter(Finding::isError).findFirst()
                .or(() -> strict ? findings.stream().findFirst() : Optional.empty());
        Msg firstProblem = findings.stream().filter(Finding::isError).findFirst()
                .or(() -> findings.stream().findFirst()).map(Finding::message).orElse(null);
        Set<Rule> rules = new LinkedHashSet<>();
        counted.forEach(f -> rules.add(f.rule()));
        Optional<QuotaCheck.Excess> excess = excesses.stream().filter(x -> x.covers(s)).findFirst();
        if (s.unit() == null) {
            rules.add(Rule.LAYOUT_UNKNOWN_UNIT);
            Msg reason = first.map(Finding::message).orElse(Msg.of("所在文件夹不是规定的推荐单位，无法打包",
                    "its folder is no known unit, so it cannot be packaged"));
            Msg fix = first.map(Finding::fix).orElse(Msg.of("把推荐对象的文件夹放到规定的推荐单位文件夹下",
                    "move the submission's folder into the folder of a known unit"));
            return new Outcome(s, Status.REJECTED, reason, fix, List.copyOf(rules), errors, warnings,
                    firstProblem != null ? firstProblem : reason);
        }
        if (first.isPresent()) {
            excess.ifPresent(x -> rules.add(Rule.QUOTA_EXCEEDED));
            return new Outcome(s, Status.REJECTED, first.get().message(), first.get().fix(), List.copyOf(rules), errors,
                    warnings, firstProblem);
        }
        if (excess.isPresent()) {
            rules.add(Rule.QUOTA_EXCEEDED);
            Msg reason = QuotaCheck.message(result.validation().rules(), excess.get());
            return new Outcome(s, Status.OVER_QUOTA, reason, QuotaCheck.fix(excess.get()), List.copyOf(rules), errors,
                    warnings, reason);
        }
        return new Outcome(s, Status.ACCEPTED, null, null, List.of(), errors, warnings, firstProblem);
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

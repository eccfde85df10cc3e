package zjlearn.scan;

import zjlearn.archive.ArchiveMounter;
import zjlearn.rules.Names;
import zjlearn.rules.Vocabulary;
import zjlearn.scan.Folders.Entry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Walks a folder in the convention of DESIGN.md (province → unit → category → submission) and
 * records what it finds. It never follows symbolic links and never writes; it opens a file only
 * through the {@link CategoryGuess} it is given (to tell which category a misplaced form belongs to),
 * and archives (zip, 7z, RAR), which it opens as read-only folders where a folder is expected
 * ({@link ArchiveMounter}): the archive given, and archives among units, categories and submissions.
 * Nothing is dropped quietly: whatever it cannot place becomes a {@link LayoutIssue} ({@link Unplaced}).
 */
public final class Scanner {
    /** Thrown when the folder given holds nothing that looks like a submission. */
    public static final class NothingToCheckException extends Exception {
        public NothingToCheckException(String message) {
            super(message);
        }
    }

    /** Which category some files most likely belong to (a submission folder without its category level). */
    @FunctionalInterface
    public interface CategoryGuess {
        Optional<String> of(List<InputFile> files);
    }

    /** How many wrapping folders (杭州市/杭州市/…) are unwrapped at most. */
    private static final int MAX_WRAPPING = 3;

    private final Vocabulary vocabulary;
    private final CategoryGuess contentGuess;
    private final Folders folders;
    private final Unplaced unplaced;
    private final List<String> units = new ArrayList<>();
    private final List<UnitFolder> unitFolders = new ArrayList<>();
    private final List<CategoryFolder> categoryFolders = new ArrayList<>();
    private final List<Submission> submissions = new ArrayList<>();
    private final List<LayoutIssue> issues = new ArrayList<>();

    public Scanner(Vocabulary vocabulary) {
        this(vocabulary, null);
    }

    /** @param contentGuess asked which category files belong to when their names do not tell; may be null */
    public Scanner(Vocabulary vocabulary, CategoryGuess contentGuess) {
        this.vocabulary = vocabulary;
        this.contentGuess = contentGuess;
        this.folders = new Folders(vocabulary, issues);
        this.unplaced = new Unplaced(vocabulary, contentGuess, folders, issues);
    }

    public ScanResult scan(Path given) throws IOException, NothingToCheckException {
        Path root = given.toAbsolutePath().normalize();
        Path shown = root;
        Path parent = root.getParent();
        folders.root = root;
        if (!Files.isDirectory(root) && ArchiveMounter.isArchiveName(String.valueOf(root.getFileName()))) {
            root = folders.mountGiven(root);
            if (root == null) {
                // nothing of it can be read: the issues say why
                return new ScanResult(shown, ScanResult.Level.UNIT, units, categoryFolders, submissions, issues);
            }
        }
        if (!Files.isDirectory(root)) {
            throw new IOException("not a folder: " + given);
        }
        String name = folders.folderName(root);
        Optional<String> category = vocabulary.category(name);
        Optional<String> unit = vocabulary.unit(name);
        ScanResult.Level level;
        if (category.isPresent() && unit.isEmpty()) {
            level = ScanResult.Level.CATEGORY;
            String unitName = parent == null ? null : vocabulary.unit(folders.folderName(parent)).orElse(null);
            addUnit(unitName);
            scanCategory(root, unitName, category.get());
        } else if (unit.isPresent()) {
            level = ScanResult.Level.UNIT;
            addUnit(unit.get());
            scanUnit(root, unit.get());
        } else if (parent != null && vocabulary.category(folders.folderName(parent)).isPresent()) {
            level = ScanResult.Level.SUBMISSION;
            Path grandParent = parent.getParent();
            String unitName = grandParent == null ? null : vocabulary.unit(folders.folderName(grandParent)).orElse(null);
            String cat = vocabulary.category(folders.folderName(parent)).get();
            addUnit(unitName);
            categoryContext(parent, unitName, cat);
            scanSubmission(root, unitName, cat);
        } else if (parent != null && isNationalFolderOfSubmission(parent, name)) {
            return new Scanner(vocabulary, contentGuess).scan(parent);
        } else {
            List<Entry> children = folders.list(root);
            Optional<Entry> wrapped = wrappedProvince(children);
            if (hasUnits(children)) {
                level = ScanResult.Level.PROVINCE;
                scanProvince(children);
            } else if (children.stream().anyMatch(e -> e.isDirectory() && vocabulary.category(e.name()).isPresent())) {
                // A unit folder whose name is no known unit: check it, but quotas cannot be judged.
                level = ScanResult.Level.UNIT;
                issues.add(new LayoutIssue(LayoutIssue.Kind.UNKNOWN_UNIT, ".", null));
                scanUnit(root, null);
            } else if (wrapped.isPresent()) {
                level = ScanResult.Level.PROVINCE;
                issues.add(new LayoutIssue(LayoutIssue.Kind.NESTED_FOLDER, folders.rel(wrapped.get().path()), null, 0, ".",
                        null, null));
                scanProvince(folders.list(wrapped.get().path()));
            } else if (issues.stream().anyMatch(LayoutIssue::isArchiveProblem)) {
                level = ScanResult.Level.UNIT; // an archive whose problems are all there is to report
            } else {
                throw new NothingToCheckException(name);
            }
        }
        if (submissions.isEmpty() && categoryFolders.isEmpty() && issues.stream().noneMatch(LayoutIssue::isArchiveProblem)) {
            throw new NothingToCheckException(name);
        }
        return new ScanResult(shown, level, units, categoryFolders, submissions, issues, unitFolders);
    }

    private boolean hasUnits(List<Entry> children) {
        return children.stream().anyMatch(e -> e.isDirectory() && !e.isSymlink() && vocabulary.unit(e.name()).isPresent());
    }

    /** A province folder wrapped in one more folder (全省材料/全省材料/杭州市 …, from unzipping). */
    private Optional<Entry> wrappedProvince(List<Entry> children) throws IOException {
        List<Entry> dirs = children.stream().filter(e -> e.isDirectory() && !e.isSymlink()
                && !vocabulary.isIgnoredFolder(e.name())).toList();
        if (dirs.size() == 1 && hasUnits(folders.list(dirs.get(0).path(), false))) {
            return Optional.of(dirs.get(0));
        }
        return Optional.empty();
    }

    private boolean isNationalFolderOfSubmission(Path parent, String name) {
        Path grandParent = parent.getParent();
        if (grandParent == null) {
            return false;
        }
        return vocabulary.category(folders.folderName(grandParent))
                .map(cat -> vocabulary.isNationalFolder(cat, name)).orElse(false);
    }

    private void addUnit(String unit) {
        if (unit != null && !units.contains(unit)) {
            units.add(unit);
        }
    }

    private void scanProvince(List<Entry> children) throws IOException {
        Map<String, List<Entry>> byUnit = new LinkedHashMap<>();
        for (Entry e : children) {
            if (folders.skipped(e, null)) {
                continue;
            }
            if (!e.isDirectory()) {
                unplaced.provinceFile(e);
                continue;
            }
            Optional<String> unit = vocabulary.unit(e.name());
            if (unit.isEmpty()) {
                unplaced.provinceFolder(e);
                continue;
            }
            byUnit.computeIfAbsent(unit.get(), k -> new ArrayList<>()).add(e);
        }
        for (Map.Entry<String, List<Entry>> group : byUnit.entrySet()) {
            Entry kept = keptVersion(group.getValue(), group.getKey(), null, null);
            addUnit(group.getKey());
            scanUnit(kept.path(), group.getKey());
        }
    }

    /**
     * Of several folders for one unit, category or submission, the one read: the first without a version
     * marker (else the first). The others are recorded as {@link LayoutIssue.Kind#DUPLICATE_VERSION}.
     */
    private Entry keptVersion(List<Entry> versions, String unit, String category, String submissionOf) {
        Entry kept = versions.stream().filter(e -> vocabulary.versionBase(e.name()).isEmpty()).findFirst()
                .orElse(versions.get(0));
        for (Entry other : versions) {
            if (other != kept) {
                String sub = submissionOf == null ? null : folders.rel(kept.path());
                issues.add(new LayoutIssue(LayoutIssue.Kind.DUPLICATE_VERSION, folders.rel(other.path()), sub, 0,
                        folders.rel(kept.path()), unit, category));
            }
        }
        return kept;
    }

    private void scanUnit(Path dir, String unit) throws IOException {
        List<InputFile> documents = new ArrayList<>();
        scanUnit(dir, unit, documents, 0);
        unitFolders.add(new UnitFolder(unit, folders.rel(dir), documents));
    }

    private void scanUnit(Path dir, String unit, List<InputFile> documents, int depth) throws IOException {
        List<Entry> dirs = new ArrayList<>();
        for (Entry e : folders.list(dir)) {
            if (folders.skipped(e, null)) {
                continue;
            }
            if (e.isDirectory()) {
                dirs.add(e);
            } else if (vocabulary.isUnitDocument(e.name())) {
                documents.add(folders.file(e, false));
            } else {
                unplaced.unitFile(e, unit);
            }
        }
        Map<String, List<Entry>> byCategory = new LinkedHashMap<>();
        List<Entry> others = new ArrayList<>();
        for (Entry e : dirs) {
            Optional<String> category = vocabulary.category(e.name());
            if (category.isPresent() && vocabulary.unit(e.name()).isEmpty()) {
                byCategory.computeIfAbsent(category.get(), k -> new ArrayList<>()).add(e);
            } else {
                others.add(e);
            }
        }
        if (byCategory.isEmpty() && others.size() == 1 && depth < MAX_WRAPPING && wraps(others.get(0), unit)) {
            Entry inner = others.get(0);
            issues.add(new LayoutIssue(LayoutIssue.Kind.NESTED_FOLDER, folders.rel(inner.path()), null, 0, folders.rel(dir), unit, null));
            scanUnit(inner.path(), unit, documents, depth + 1);
            return;
        }
        int before = submissions.size();
        for (Map.Entry<String, List<Entry>> group : byCategory.entrySet()) {
            Entry kept = keptVersion(group.getValue(), unit, group.getKey(), null);
            scanCategory(kept.path(), unit, group.getKey());
        }
        for (Entry e : others) {
            Optional<String> category = unplaced.unitFolder(e, unit);
            if (category.isPresent()) {
                scanSubmission(e.path(), unit, category.get());
            }
        }
        if (byCategory.isEmpty() && submissions.size() == before) {
            issues.add(new LayoutIssue(LayoutIssue.Kind.EMPTY_UNIT, folders.rel(dir), null));
        }
    }

    /** Whether a folder alone in a unit folder wraps the unit: it has the unit's name, or holds category folders. */
    private boolean wraps(Entry e, String unit) throws IOException {
        if (unit != null && vocabulary.unit(e.name()).filter(unit::equals).isPresent()) {
            return true;
        }
        return folders.list(e.path(), false).stream().anyMatch(c -> c.isDirectory() && vocabulary.category(c.name()).isPresent());
    }

    private void scanCategory(Path dir, String unit, String category) throws IOException {
        List<InputFile> files = new ArrayList<>();
        int before = submissions.size();
        Map<String, List<Entry>> byNominee = new LinkedHashMap<>();
        for (Entry e : folders.list(dir)) {
            if (folders.skipped(e, null)) {
                continue;
            }
            if (e.isDirectory()) {
                byNominee.computeIfAbsent(vocabulary.baseKey(e.name()), k -> new ArrayList<>()).add(e);
            } else if (vocabulary.isCategoryLevelFile(category, e.name())) {
                files.add(folders.file(e, false));
            } else {
                unplaced.file(e, LayoutIssue.Kind.STRAY_FILE_IN_CATEGORY, unit);
            }
        }
        for (List<Entry> group : byNominee.values()) {
            boolean versions = group.size() > 1 && group.stream().anyMatch(e -> vocabulary.versionBase(e.name()).isPresent());
            if (versions) {
                scanSubmission(keptVersion(group, unit, category, "").path(), unit, category);
            } else {
                for (Entry e : group) {
                    scanSubmission(e.path(), unit, category);
                }
            }
        }
        categoryFolders.add(new CategoryFolder(unit, category, folders.rel(dir), files));
        if (submissions.size() == before) {
            issues.add(new LayoutIssue(LayoutIssue.Kind.EMPTY_CATEGORY, folders.rel(dir), null));
        }
    }

    /**
     * The category folder above a submission given alone: its category-level files (the category's list form)
     * count for the submission as in a run over the whole category. Nothing else of it is looked at.
     */
    private void categoryContext(Path dir, String unit, String category) throws IOException {
        List<InputFile> files = new ArrayList<>();
        try {
            for (Entry e : folders.list(dir, false)) {
                if (!e.isDirectory() && !e.isSymlink() && e.attrs().isRegularFile()
                        && !vocabulary.isIgnoredFile(e.name()) && vocabulary.isCategoryLevelFile(category, e.name())) {
                    files.add(folders.file(e, false));
                }
            }
        } catch (IOException e) {
            return; // the context is a help, not part of what was given
        }
        categoryFolders.add(new CategoryFolder(unit, category, folders.rel(dir), files));
    }

    private void scanSubmission(Path dir, String unit, String category) throws IOException {
        String path = folders.rel(dir);
        List<InputFile> files = new ArrayList<>();
        boolean national = false;
        for (Entry e : folders.list(dir, false)) {
            if (folders.skipped(e, path)) {
                continue;
            }
            if (!e.isDirectory()) {
                files.add(folders.file(e, false));
            } else if (vocabulary.isNationalFolder(category, e.name())) {
                national = true;
                for (Entry n : folders.list(e.path(), false)) {
                    if (folders.skipped(n, path)) {
                        continue;
                    }
                    if (n.isDirectory()) {
                        subfolder(n, path);
                    } else {
                        files.add(folders.file(n, true));
                    }
                }
            } else {
                subfolder(e, path);
            }
        }
        if (files.isEmpty()) {
            issues.add(new LayoutIssue(LayoutIssue.Kind.EMPTY_SUBMISSION, path, path));
        }
        int max = vocabulary.rules().limits().maxFiles();
        if (files.size() > max) {
            issues.add(new LayoutIssue(LayoutIssue.Kind.TOO_MANY_FILES, path, path, files.size()));
            files = new ArrayList<>(files.subList(0, max));
        }
        String title = Names.stripNumberPrefix(folders.folderName(dir));
        submissions.add(new Submission(unit, category, title, path, national, files));
    }

    private void subfolder(Entry e, String submissionPath) throws IOException {
        issues.add(new LayoutIssue(folders.isEmpty(e) ? LayoutIssue.Kind.EMPTY_FOLDER : LayoutIssue.Kind.UNKNOWN_SUBFOLDER,
                folders.rel(e.path()), submissionPath));
    }
}

package zjlearn.scan;

import zjlearn.archive.ArchiveMounter;
import zjlearn.rules.Names;
import zjlearn.rules.Vocabulary;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Walks a folder in the convention of DESIGN.md (province → unit → category → submission) and
 * records what it finds. It never follows symbolic links, never writes and never opens a file —
 * except archives (zip, 7z, RAR), which it opens as read-only folders where a folder is expected
 * ({@link ArchiveMounter}): the archive given, and archives among units, categories and submissions.
 */
public final class Scanner {
    /** Thrown when the folder given holds nothing that looks like a submission. */
    public static final class NothingToCheckException extends Exception {
        public NothingToCheckException(String message) {
            super(message);
        }
    }

    private record Entry(Path path, String name, BasicFileAttributes attrs) {
        boolean isDirectory() {
            return attrs.isDirectory();
        }

        boolean isSymlink() {
            return attrs.isSymbolicLink();
        }
    }

    private static final Comparator<String> NAME_ORDER = naturalOrder();

    private final Vocabulary vocabulary;
    private final ArchiveMounter archives;
    /** The names of archives opened as folders, by the path of the folder that stands for each. */
    private final Map<Path, String> mountNames = new HashMap<>();
    private Path root;
    private final List<String> units = new ArrayList<>();
    private final List<CategoryFolder> categoryFolders = new ArrayList<>();
    private final List<Submission> submissions = new ArrayList<>();
    private final List<LayoutIssue> issues = new ArrayList<>();

    public Scanner(Vocabulary vocabulary) {
        this.vocabulary = vocabulary;
        this.archives = new ArchiveMounter(vocabulary);
    }

    public ScanResult scan(Path given) throws IOException, NothingToCheckException {
        root = given.toAbsolutePath().normalize();
        Path shown = root;
        Path parent = root.getParent();
        if (!Files.isDirectory(root) && ArchiveMounter.isArchiveName(String.valueOf(root.getFileName()))) {
            ArchiveMounter.Mount mount = archives.mount(root, Names.nfc(root.getFileName().toString()));
            issues.addAll(mount.issues());
            if (mount.path() == null) {
                // nothing of it can be read: the issues say why
                return new ScanResult(root, ScanResult.Level.UNIT, units, categoryFolders, submissions, issues);
            }
            root = mount.path();
            mountNames.put(root, mount.name());
        }
        if (!Files.isDirectory(root)) {
            throw new IOException("not a folder: " + given);
        }
        String name = folderName(root);
        Optional<String> category = vocabulary.category(name);
        Optional<String> unit = vocabulary.unit(name);
        ScanResult.Level level;
        if (category.isPresent() && unit.isEmpty()) {
            level = ScanResult.Level.CATEGORY;
            String unitName = parent == null ? null : vocabulary.unit(folderName(parent)).orElse(null);
            addUnit(unitName);
            scanCategory(root, unitName, category.get());
        } else if (unit.isPresent()) {
            level = ScanResult.Level.UNIT;
            addUnit(unit.get());
            scanUnit(root, unit.get());
        } else if (parent != null && vocabulary.category(folderName(parent)).isPresent()) {
            level = ScanResult.Level.SUBMISSION;
            Path grandParent = parent.getParent();
            String unitName = grandParent == null ? null : vocabulary.unit(folderName(grandParent)).orElse(null);
            addUnit(unitName);
            scanSubmission(root, unitName, vocabulary.category(folderName(parent)).get());
        } else if (parent != null && isNationalFolderOfSubmission(parent, name)) {
            return new Scanner(vocabulary).scan(parent);
        } else {
            List<Entry> children = list(root);
            boolean hasUnits = children.stream().anyMatch(e -> e.isDirectory() && vocabulary.unit(e.name()).isPresent());
            boolean hasCategories = children.stream().anyMatch(e -> e.isDirectory() && vocabulary.category(e.name()).isPresent());
            if (hasUnits) {
                level = ScanResult.Level.PROVINCE;
                scanProvince(children);
            } else if (hasCategories) {
                // A unit folder whose name is no known unit: check it, but quotas cannot be judged.
                level = ScanResult.Level.UNIT;
                issues.add(new LayoutIssue(LayoutIssue.Kind.UNKNOWN_UNIT, ".", null));
                scanUnit(root, null);
            } else if (issues.stream().anyMatch(LayoutIssue::isArchiveProblem)) {
                level = ScanResult.Level.UNIT; // an archive whose problems are all there is to report
            } else {
                throw new NothingToCheckException(name);
            }
        }
        if (submissions.isEmpty() && categoryFolders.isEmpty() && issues.stream().noneMatch(LayoutIssue::isArchiveProblem)) {
            throw new NothingToCheckException(name);
        }
        return new ScanResult(shown, level, units, categoryFolders, submissions, issues);
    }

    private boolean isNationalFolderOfSubmission(Path parent, String name) {
        Path grandParent = parent.getParent();
        if (grandParent == null) {
            return false;
        }
        return vocabulary.category(folderName(grandParent))
                .map(cat -> vocabulary.isNationalFolder(cat, name)).orElse(false);
    }

    private void addUnit(String unit) {
        if (unit != null && !units.contains(unit)) {
            units.add(unit);
        }
    }

    private void scanProvince(List<Entry> children) throws IOException {
        for (Entry e : children) {
            if (skipped(e, null)) {
                continue;
            }
            if (!e.isDirectory()) {
                issues.add(new LayoutIssue(LayoutIssue.Kind.STRAY_FILE, rel(e.path()), null));
                continue;
            }
            Optional<String> unit = vocabulary.unit(e.name());
            if (unit.isEmpty()) {
                issues.add(new LayoutIssue(LayoutIssue.Kind.UNKNOWN_UNIT, rel(e.path()), null));
                continue;
            }
            addUnit(unit.get());
            scanUnit(e.path(), unit.get());
        }
    }

    private void scanUnit(Path dir, String unit) throws IOException {
        List<Entry> children = list(dir);
        boolean any = false;
        for (Entry e : children) {
            if (skipped(e, null)) {
                continue;
            }
            if (!e.isDirectory()) {
                issues.add(new LayoutIssue(LayoutIssue.Kind.STRAY_FILE, rel(e.path()), null));
                continue;
            }
            Optional<String> category = vocabulary.category(e.name());
            if (category.isEmpty()) {
                issues.add(new LayoutIssue(LayoutIssue.Kind.UNKNOWN_CATEGORY_FOLDER, rel(e.path()), null));
                continue;
            }
            any = true;
            scanCategory(e.path(), unit, category.get());
        }
        if (!any) {
            issues.add(new LayoutIssue(LayoutIssue.Kind.EMPTY_UNIT, rel(dir), null));
        }
    }

    private void scanCategory(Path dir, String unit, String category) throws IOException {
        List<InputFile> files = new ArrayList<>();
        int before = submissions.size();
        for (Entry e : list(dir)) {
            if (skipped(e, null)) {
                continue;
            }
            if (e.isDirectory()) {
                scanSubmission(e.path(), unit, category);
            } else if (vocabulary.isCategoryLevelFile(category, e.name())) {
                files.add(file(e, false));
            } else {
                issues.add(new LayoutIssue(LayoutIssue.Kind.STRAY_FILE_IN_CATEGORY, rel(e.path()), null));
            }
        }
        categoryFolders.add(new CategoryFolder(unit, category, rel(dir), files));
        if (submissions.size() == before) {
            issues.add(new LayoutIssue(LayoutIssue.Kind.EMPTY_CATEGORY, rel(dir), null));
        }
    }

    private void scanSubmission(Path dir, String unit, String category) throws IOException {
        String path = rel(dir);
        List<InputFile> files = new ArrayList<>();
        boolean national = false;
        for (Entry e : list(dir, false)) {
            if (skipped(e, path)) {
                continue;
            }
            if (!e.isDirectory()) {
                files.add(file(e, false));
            } else if (vocabulary.isNationalFolder(category, e.name())) {
                national = true;
                for (Entry n : list(e.path(), false)) {
                    if (skipped(n, path)) {
                        continue;
                    }
                    if (n.isDirectory()) {
                        issues.add(new LayoutIssue(LayoutIssue.Kind.UNKNOWN_SUBFOLDER, rel(n.path()), path));
                    } else {
                        files.add(file(n, true));
                    }
                }
            } else {
                issues.add(new LayoutIssue(LayoutIssue.Kind.UNKNOWN_SUBFOLDER, rel(e.path()), path));
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
        String title = Names.stripNumberPrefix(folderName(dir));
        submissions.add(new Submission(unit, category, title, path, national, files));
    }

    /** Symlinks and system leftovers are reported and skipped. */
    private boolean skipped(Entry e, String submissionPath) {
        if (e.isSymlink()) {
            issues.add(new LayoutIssue(LayoutIssue.Kind.SYMLINK, rel(e.path()), submissionPath));
            return true;
        }
        if (e.isDirectory() ? vocabulary.isIgnoredFolder(e.name()) : vocabulary.isIgnoredFile(e.name())) {
            issues.add(new LayoutIssue(LayoutIssue.Kind.TEMP_FILE, rel(e.path()), submissionPath));
            return true;
        }
        if (!e.isDirectory() && !e.attrs().isRegularFile()) {
            issues.add(new LayoutIssue(LayoutIssue.Kind.UNLISTABLE, rel(e.path()), submissionPath));
            return true;
        }
        return false;
    }

    private InputFile file(Entry e, boolean national) {
        return new InputFile(e.path(), rel(e.path()), e.attrs().size(), national);
    }

    private List<Entry> list(Path dir) throws IOException {
        return list(dir, true);
    }

    /** The folder's entries in name order; with {@code mount}, archives in it are opened as folders. */
    private List<Entry> list(Path dir, boolean mount) throws IOException {
        List<Entry> entries = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
            for (Path p : stream) {
                BasicFileAttributes attrs = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                if (mount && attrs.isRegularFile() && ArchiveMounter.isArchiveName(folderName(p))) {
                    ArchiveMounter.Mount m = archives.mount(p, rel(p));
                    issues.addAll(m.issues());
                    if (m.path() != null) {
                        mountNames.put(m.path(), m.name());
                        entries.add(new Entry(m.path(), m.name(),
                                Files.readAttributes(m.path(), BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS)));
                    }
                    continue;
                }
                entries.add(new Entry(p, folderName(p), attrs));
            }
        } catch (java.nio.file.AccessDeniedException e) {
            issues.add(new LayoutIssue(LayoutIssue.Kind.UNLISTABLE, rel(dir), null));
        }
        entries.sort(Comparator.comparing(Entry::name, NAME_ORDER));
        return entries;
    }

    private String folderName(Path p) {
        String mounted = mountNames.get(p);
        if (mounted != null) {
            return mounted;
        }
        Path name = p.getFileName();
        return name == null ? p.toString() : Names.nfc(name.toString());
    }

    private String rel(Path p) {
        if (p.equals(root)) {
            return ".";
        }
        if (ArchiveMounter.inArchive(p)) {
            return ArchiveMounter.display(p);
        }
        List<String> parts = new ArrayList<>();
        for (Path part : root.relativize(p)) {
            parts.add(Names.nfc(part.toString()));
        }
        return String.join("/", parts);
    }

    /** Number prefixes sort numerically (2- before 10-), the rest by Chinese collation. */
    private static Comparator<String> naturalOrder() {
        Collator collator = Collator.getInstance(Locale.CHINA);
        return (a, b) -> {
            long na = leadingNumber(a);
            long nb = leadingNumber(b);
            if (na >= 0 && nb >= 0 && na != nb) {
                return Long.compare(na, nb);
            }
            int c = collator.compare(a, b);
            return c != 0 ? c : a.compareTo(b);
        };
    }

    private static long leadingNumber(String s) {
        int i = 0;
        while (i < s.length() && i < 9 && Character.isDigit(s.charAt(i))) {
            i++;
        }
        return i == 0 ? -1 : Long.parseLong(s.substring(0, i));
    }
}

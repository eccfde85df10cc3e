package zjlearn.scan;

import zjlearn.archive.ArchiveMounter;
import zjlearn.rules.Rules;
import zjlearn.rules.Vocabulary;
import zjlearn.scan.Folders.Entry;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the {@link Scanner} finds where the convention (province → unit → category → submission) puts nothing
 * of its kind: a file in the province, unit or category folder, a folder that is no unit or no category. Each
 * becomes a {@link LayoutIssue} that names what it most likely is (a list form's category, a submission missing
 * its category level, an archive's unit), so that nothing is dropped quietly. Kept apart from the walk so that
 * the scanner reads as the convention and this class as the ways material strays from it.
 */
final class Unplaced {
    private final Vocabulary vocabulary;
    private final Scanner.CategoryGuess contentGuess;
    private final Folders folders;
    private final List<LayoutIssue> issues;

    /** @param contentGuess asked which category files belong to when their names do not tell; may be null */
    Unplaced(Vocabulary vocabulary, Scanner.CategoryGuess contentGuess, Folders folders, List<LayoutIssue> issues) {
        this.vocabulary = vocabulary;
        this.contentGuess = contentGuess;
        this.folders = folders;
        this.issues = issues;
    }

    /**
     * A folder in the province folder that is no unit: a category folder or a submission folder missing its unit
     * level (the category named, or the one its files point to), or a folder of unknown purpose. None of it is
     * read: without its unit neither the quota nor the unit's forms can be judged.
     */
    void provinceFolder(Entry e) throws IOException {
        String path = folders.rel(e.path());
        Optional<String> named = vocabulary.category(e.name());
        if (named.isPresent()) {
            issues.add(new LayoutIssue(LayoutIssue.Kind.CATEGORY_WITHOUT_UNIT, path, null, 0, null, null, named.get()));
            return;
        }
        Optional<Folders.Loose> loose = folders.loose(e);
        if (loose.isEmpty()) {
            issues.add(new LayoutIssue(LayoutIssue.Kind.EMPTY_FOLDER, path, null));
            return;
        }
        // A wrapper around unit folders (上报材料/宁波市/…): the fix is to move those up, not to rename the wrapper.
        String units = folders.list(e.path()).stream().filter(c -> c.isDirectory() && vocabulary.unit(c.name()).isPresent())
                .map(Folders.Entry::name).collect(java.util.stream.Collectors.joining("、"));
        if (!units.isEmpty()) {
            issues.add(new LayoutIssue(LayoutIssue.Kind.UNKNOWN_UNIT, path, null, 0, units, null, null));
            return;
        }
        Optional<String> category = loose.get().holdsFiles() ? guess(loose.get().files()) : Optional.empty();
        issues.add(category.isPresent()
                ? new LayoutIssue(LayoutIssue.Kind.SUBMISSION_WITHOUT_UNIT, path, null, 0, null, null, category.get())
                : new LayoutIssue(LayoutIssue.Kind.UNKNOWN_UNIT, path, null));
    }

    /** A file in the province folder: a list form is told its category; anything else that could be material is unplaced. */
    void provinceFile(Entry e) {
        if (vocabulary.roleByName(e.name()).filter(this::isListRole).isPresent()) {
            Optional<String> category = vocabulary.category(Folders.baseName(e.name())).or(() -> guess(List.of(folders.file(e, false))));
            issues.add(new LayoutIssue(LayoutIssue.Kind.LIST_FORM_IN_PROVINCE, folders.rel(e.path()), null, 0, null, null,
                    category.orElse(null)));
        } else {
            file(e, LayoutIssue.Kind.STRAY_FILE, null);
        }
    }

    /** A file in a unit folder that is no unit document: a list form is told its category; anything else is unplaced. */
    void unitFile(Entry e, String unit) {
        if (vocabulary.roleByName(e.name()).filter(this::isListRole).isPresent()) {
            Optional<String> category = vocabulary.category(Folders.baseName(e.name()))
                    .or(() -> guess(List.of(folders.file(e, false))));
            issues.add(new LayoutIssue(LayoutIssue.Kind.LIST_FORM_IN_UNIT, folders.rel(e.path()), null, 0, null, unit,
                    category.orElse(null)));
        } else {
            file(e, LayoutIssue.Kind.STRAY_FILE, unit);
        }
    }

    /**
     * A folder in a unit folder that is no category: a submission folder missing its category level (recorded
     * with an error, and its category returned so that the scanner reads it as a submission of the category its
     * files point to), or a folder of unknown purpose (empty returned).
     */
    Optional<String> unitFolder(Entry e, String unit) throws IOException {
        Optional<Folders.Loose> loose = folders.loose(e);
        if (loose.isEmpty()) {
            issues.add(new LayoutIssue(LayoutIssue.Kind.EMPTY_FOLDER, folders.rel(e.path()), null));
            return Optional.empty();
        }
        boolean holdsFiles = loose.get().holdsFiles();
        Optional<String> category = guess(loose.get().files());
        if (holdsFiles && category.isPresent()) {
            String path = folders.rel(e.path());
            issues.add(new LayoutIssue(LayoutIssue.Kind.MISSING_CATEGORY, path, path, 0, null, unit, category.get()));
            return category;
        }
        issues.add(new LayoutIssue(LayoutIssue.Kind.UNKNOWN_CATEGORY_FOLDER, folders.rel(e.path()), null, 0, null, unit,
                category.orElse(null)));
        return Optional.empty();
    }

    /** A file where it does not belong: an archive, something that could be material, or something else. */
    void file(Entry e, LayoutIssue.Kind materialKind, String unit) {
        String name = e.name();
        LayoutIssue.Kind kind = ArchiveMounter.isArchiveName(name) ? LayoutIssue.Kind.ARCHIVE
                : vocabulary.couldHoldMaterial(name) ? materialKind : LayoutIssue.Kind.OTHER_FILE;
        String named = kind == LayoutIssue.Kind.ARCHIVE ? vocabulary.unit(Folders.baseName(name)).orElse(unit) : unit;
        issues.add(new LayoutIssue(kind, folders.rel(e.path()), null, 0, null, named, null));
    }

    private boolean isListRole(String role) {
        Set<String> listRoles = vocabulary.rules().forms().values().stream()
                .filter(f -> f.kind() == Rules.FormKind.LIST).map(Rules.FormDef::role).collect(Collectors.toSet());
        return listRoles.contains(role);
    }

    private Optional<String> guess(List<InputFile> files) {
        Optional<String> byRoles = RoleHints.category(vocabulary, files);
        return byRoles.isPresent() || contentGuess == null ? byRoles : contentGuess.of(files);
    }
}

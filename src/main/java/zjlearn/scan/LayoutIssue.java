package zjlearn.scan;

/**
 * Something in the folder tree that does not follow the convention. The scanner only observes;
 * the layout check turns these into findings.
 *
 * @param kind           what is wrong
 * @param path           the file or folder, relative to the root, {@code /}-separated
 * @param submissionPath the submission it lies in, or null when it belongs to none
 * @param count          how many files there were, for {@link Kind#TOO_MANY_FILES}
 * @param detail         what exactly is wrong, for the archive kinds (e.g. the limit exceeded, the candidates)
 */
public record LayoutIssue(Kind kind, String path, String submissionPath, int count, String detail) {
    public LayoutIssue(Kind kind, String path, String submissionPath) {
        this(kind, path, submissionPath, 0, null);
    }

    public LayoutIssue(Kind kind, String path, String submissionPath, int count) {
        this(kind, path, submissionPath, count, null);
    }

    /** Whether this is about an archive that could not be read, or entries of it (what is left to report when nothing else is). */
    public boolean isArchiveProblem() {
        return kind.name().startsWith("ARCHIVE_");
    }

    public enum Kind {
        /** A system or editor leftover (~$x.docx, Thumbs.db, .DS_Store, __MACOSX). */
        TEMP_FILE,
        /** A file where only folders are expected (province root, unit folder). */
        STRAY_FILE,
        /** A file in a category folder that is not the category's list form. */
        STRAY_FILE_IN_CATEGORY,
        /** A folder in a unit folder that is not a category. */
        UNKNOWN_CATEGORY_FOLDER,
        /** A sub-folder of a submission other than the national folder. */
        UNKNOWN_SUBFOLDER,
        /** A symbolic link: never followed. */
        SYMLINK,
        /** A folder at province level whose name is no unit of rules.yaml. */
        UNKNOWN_UNIT,
        EMPTY_UNIT,
        EMPTY_CATEGORY,
        EMPTY_SUBMISSION,
        /** A file or folder that could not be listed or read (permissions). */
        UNLISTABLE,
        /** More files in a submission than rules.yaml's limit; only the first were kept. */
        TOO_MANY_FILES,
        /** An archive (or one of its entries) that cannot be read: corrupt, truncated, not the format its name says. */
        ARCHIVE_UNREADABLE,
        /** An archive, or entries of it, protected by a password. */
        ARCHIVE_ENCRYPTED,
        /** An entry whose name leaves the archive ({@code ../}, an absolute path, a drive letter) or repeats another. */
        ARCHIVE_UNSAFE_ENTRY,
        /** An archive over a limit of rules.yaml (entries, total size, compression ratio): not read, or that entry not read. */
        ARCHIVE_LIMIT,
        /** An archive inside archives deeper than rules.yaml reads. */
        ARCHIVE_NESTED,
        /** An archive whose folder and file name name several units, or none the rules know. */
        ARCHIVE_UNIT_AMBIGUOUS
    }
}

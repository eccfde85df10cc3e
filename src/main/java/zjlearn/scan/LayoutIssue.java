package zjlearn.scan;

/**
 * Something in the folder tree that does not follow the convention. The scanner only observes;
 * the layout check turns these into findings.
 *
 * @param kind           what is wrong
 * @param path           the file or folder, relative to the root, {@code /}-separated
 * @param submissionPath the submission it lies in (or that it makes fail), or null when it belongs to none
 * @param count          how many files there were, for {@link Kind#TOO_MANY_FILES}
 * @param detail         what exactly is wrong, for the archive kinds (e.g. the limit exceeded, the candidates)
 * @param related        the folder it is compared with: the version kept ({@link Kind#DUPLICATE_VERSION}), the
 *                       folder read instead ({@link Kind#NESTED_FOLDER}); else null
 * @param unit           the unit it concerns, when known (a conflict keeps that unit, or category, out of the package)
 * @param category       the category it concerns or most likely belongs to (category id), when known
 */
public record LayoutIssue(Kind kind, String path, String submissionPath, int count, String detail, String related,
                          String unit, String category) {
    public LayoutIssue(Kind kind, String path, String submissionPath) {
        this(kind, path, submissionPath, 0, null);
    }

    public LayoutIssue(Kind kind, String path, String submissionPath, int count) {
        this(kind, path, submissionPath, count, null);
    }

    public LayoutIssue(Kind kind, String path, String submissionPath, int count, String detail) {
        this(kind, path, submissionPath, count, detail, null, null, null);
    }

    /** An issue of the folder convention that names the folder it relates to, its unit or its category. */
    public LayoutIssue(Kind kind, String path, String submissionPath, int count, String related, String unit,
                       String category) {
        this(kind, path, submissionPath, count, null, related, unit, category);
    }

    /** Whether this is about an archive that could not be read, or entries of it (what is left to report when nothing else is). */
    public boolean isArchiveProblem() {
        return kind.name().startsWith("ARCHIVE_");
    }

    public enum Kind {
        /** A system or editor leftover (~$x.docx, Thumbs.db, .DS_Store, __MACOSX). */
        TEMP_FILE,
        /** A file that could hold material where only folders are expected (province root, unit folder). */
        STRAY_FILE,
        /** A file that could hold material in a category folder, other than the category's list form. */
        STRAY_FILE_IN_CATEGORY,
        /** A file that cannot be material (no document, image, video or archive) where it is not expected. */
        OTHER_FILE,
        /** An archive (.zip, .7z, .rar) where material is expected that was not opened as a folder. */
        ARCHIVE,
        /** A list form (推荐登记表) in a unit folder instead of its category folder; category when known. */
        LIST_FORM_IN_UNIT,
        /** A folder in a unit folder that is not a category, and not a submission whose category could be told. */
        UNKNOWN_CATEGORY_FOLDER,
        /** A submission folder lying directly in the unit folder (category = the one its files point to). */
        MISSING_CATEGORY,
        /** A sub-folder of a submission other than the national folder. */
        UNKNOWN_SUBFOLDER,
        /** An empty folder where no folder is expected. */
        EMPTY_FOLDER,
        /** Two folders for one unit, category or submission (杭州市 and 杭州市（修改版）); only {@code related} was read. */
        DUPLICATE_VERSION,
        /** A folder wrapped in another of the same unit (杭州市/杭州市/…, from unzipping): read as if unwrapped. */
        NESTED_FOLDER,
        /** A symbolic link: never followed. */
        SYMLINK,
        /** A folder at province level whose name is no unit of rules.yaml. */
        UNKNOWN_UNIT,
        /** A category folder lying directly in the province folder, without its unit level (category = the one named). */
        CATEGORY_WITHOUT_UNIT,
        /** A submission folder lying directly in the province folder (category = the one its files point to). */
        SUBMISSION_WITHOUT_UNIT,
        /** A list form (推荐登记表) in the province folder; category when known. */
        LIST_FORM_IN_PROVINCE,
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

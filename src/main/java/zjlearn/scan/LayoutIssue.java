package zjlearn.scan;

/**
 * Something in the folder tree that does not follow the convention. The scanner only observes;
 * the layout check turns these into findings.
 *
 * @param kind           what is wrong
 * @param path           the file or folder, relative to the root, {@code /}-separated
 * @param submissionPath the submission it lies in, or null when it belongs to none
 * @param count          how many files there were, for {@link Kind#TOO_MANY_FILES}
 */
public record LayoutIssue(Kind kind, String path, String submissionPath, int count) {
    public LayoutIssue(Kind kind, String path, String submissionPath) {
        this(kind, path, submissionPath, 0);
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
        TOO_MANY_FILES
    }
}

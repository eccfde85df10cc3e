package zjlearn.archive;

import zjlearn.scan.LayoutIssue;

/**
 * Something wrong with an archive or one of its entries, before it is shown with the archive's display path.
 *
 * @param entry the entry's name in the archive, or null for the archive itself
 */
record Problem(LayoutIssue.Kind kind, String entry, String detail, int count) {
    static Problem of(LayoutIssue.Kind kind, String entry, String detail) {
        return new Problem(kind, entry, detail, 0);
    }
}

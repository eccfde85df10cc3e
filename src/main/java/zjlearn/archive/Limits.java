package zjlearn.archive;

import zjlearn.rules.Rules;

/** The limits of rules.yaml that an archive's listing is held to before anything is decompressed. */
final class Limits {
    /** Entries smaller than this are not judged by their compression ratio (a small text of spaces is no bomb). */
    static final long RATIO_FLOOR = 1L << 20;

    private Limits() {
    }

    /** The declared total size, and its ratio to the archive's own size (for formats without per-entry sizes). */
    static void checkTotal(long total, long archiveSize, Rules.ArchiveLimits limits) throws Opening.LimitException {
        if (total > limits.totalBytes()) {
            throw new Opening.LimitException("total", total);
        }
        if (total > RATIO_FLOOR && archiveSize > 0 && total / archiveSize > limits.ratio()) {
            throw new Opening.LimitException("ratio", total / archiveSize);
        }
    }
}

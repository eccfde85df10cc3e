package zjlearn.probe.form;

/** What is left of one file's {@link FormLimits} while it is read. Not thread-safe: one per file. */
final class Budget {
    private final FormLimits limits;
    private long chars;
    private boolean cut;

    Budget(FormLimits limits) {
        this.limits = limits;
    }

    /** The text of one cell or paragraph, cut to the cell limit; its full length counts against the file's. */
    String take(String text) {
        if (text == null) {
            return "";
        }
        chars += text.length();
        if (text.length() > limits.cellChars()) {
            cut = true;
            return text.substring(0, limits.cellChars());
        }
        return text;
    }

    /** Whether the file's characters are used up: nothing more is read. */
    boolean exhausted() {
        if (chars >= limits.textChars()) {
            cut = true;
            return true;
        }
        return false;
    }

    int tableCells() {
        return limits.tableCells();
    }

    /** A table reached its cell limit. */
    void tableFull() {
        cut = true;
    }

    /** Whether some text or cells were left unread. */
    boolean cut() {
        return cut;
    }
}

package zjlearn.probe.form;

/**
 * Bounds on the work one form file may cause, from rules.yaml's {@code limits}: the text kept of one cell or
 * paragraph, the cells kept of one table (or sheet), and the characters read from the whole file. They are
 * checked before text is cleaned or paired, so a small file whose cells all point to one huge shared string
 * costs no more than an ordinary form.
 *
 * @param cellChars  characters kept of one cell or paragraph; the rest is cut off
 * @param tableCells non-blank cells kept of one table or sheet; later ones are not read
 * @param textChars  characters read from the whole file (counted before cutting); past it nothing more is read
 */
public record FormLimits(int cellChars, int tableCells, long textChars) {
    /** The defaults when rules.yaml names none: far above any real nomination or registration form. */
    public static final FormLimits DEFAULT = new FormLimits(20_000, 20_000, 2_000_000);

    public FormLimits {
        if (cellChars <= 0 || tableCells <= 0 || textChars <= 0) {
            throw new IllegalArgumentException("form limits must be positive");
        }
    }
}

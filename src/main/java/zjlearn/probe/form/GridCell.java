package zjlearn.probe.form;

/**
 * One owning cell of a table: its top-left grid position, how many grid rows and columns it covers,
 * and its cleaned text.
 */
final class GridCell {
    private final int row;
    private final int col;
    private int rowSpan;
    private final int colSpan;
    private final String rawText;
    private final String text;

    /** @param rawText the cell's text with line breaks and spacing as written (see {@link TextCleaner#light}) */
    GridCell(int row, int col, int rowSpan, int colSpan, String rawText) {
        this.row = row;
        this.col = col;
        this.rowSpan = rowSpan;
        this.colSpan = colSpan;
        this.rawText = TextCleaner.light(rawText);
        this.text = TextCleaner.clean(this.rawText);
    }

    int row() {
        return row;
    }

    int col() {
        return col;
    }

    int rowSpan() {
        return rowSpan;
    }

    int colSpan() {
        return colSpan;
    }

    int lastRow() {
        return row + rowSpan - 1;
    }

    int lastCol() {
        return col + colSpan - 1;
    }

    /** The value as reported: tidy spacing, one "\n" between paragraphs. */
    String text() {
        return text;
    }

    /** The text with its original spacing, for splitting "标签：值　标签：值" lines. */
    String rawText() {
        return rawText;
    }

    boolean isBlank() {
        return text.isEmpty();
    }

    void growTo(int lastRow) {
        rowSpan = Math.max(rowSpan, lastRow - row + 1);
    }

    @Override
    public String toString() {
        return "(" + row + "," + col + " " + rowSpan + "x" + colSpan + ") " + text;
    }
}

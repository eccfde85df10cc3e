package zjlearn.probe.form;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.TreeMap;

/**
 * The logical grid of one table: every occupied position points to the cell that owns it. Sparse,
 * because a spreadsheet may have a stray cell far away or a merge over a whole column; spans are
 * clipped to {@link #MAX_ROWS} x {@link #MAX_COLS}.
 */
final class Grid {
    static final int MAX_ROWS = 10_000;
    static final int MAX_COLS = 512;

    private final NavigableMap<Integer, NavigableMap<Integer, GridCell>> rows = new TreeMap<>();
    private final List<GridCell> cells = new ArrayList<>();
    private final Budget budget;

    /** A grid bounded by {@link FormLimits#DEFAULT}. */
    Grid() {
        this(new Budget(FormLimits.DEFAULT));
    }

    /** A grid whose cells' text counts against {@code budget}, holding at most its table-cell limit. */
    Grid(Budget budget) {
        this.budget = budget;
    }

    /**
     * Adds a cell covering the given area and returns it; returns {@code null} (and adds nothing)
     * when its top-left position is already owned or outside the limits. Other positions already
     * owned are left to their first owner. Past the budget (the table's cell limit, the file's characters)
     * nothing is added; a cell's text is cut to the cell limit before it is cleaned.
     */
    GridCell add(int row, int col, int rowSpan, int colSpan, String text) {
        if (budget.exhausted()) {
            return null;
        }
        return place(row, col, rowSpan, colSpan, text, true);
    }

    /** {@link #add} for text already taken from the budget (a sheet's cells are read before the grid is built). */
    GridCell addTaken(int row, int col, int rowSpan, int colSpan, String text) {
        return place(row, col, rowSpan, colSpan, text, false);
    }

    private GridCell place(int row, int col, int rowSpan, int colSpan, String text, boolean charge) {
        if (row < 0 || col < 0 || row >= MAX_ROWS || col >= MAX_COLS || at(row, col) != null) {
            return null;
        }
        if (cells.size() >= budget.tableCells()) {
            budget.tableFull();
            return null;
        }
        if (charge) {
            text = budget.take(text);
        }
        int lastRow = Math.min(row + Math.max(rowSpan, 1), MAX_ROWS) - 1;
        int lastCol = Math.min(col + Math.max(colSpan, 1), MAX_COLS) - 1;
        GridCell cell = new GridCell(row, col, lastRow - row + 1, lastCol - col + 1, text);
        cells.add(cell);
        for (int r = row; r <= lastRow; r++) {
            NavigableMap<Integer, GridCell> line = rows.computeIfAbsent(r, k -> new TreeMap<>());
            for (int c = col; c <= lastCol; c++) {
                line.putIfAbsent(c, cell);
            }
        }
        return cell;
    }

    /** Extends an existing cell down over {@code row} (a vertical-merge continuation). */
    void extendDown(GridCell cell, int row) {
        if (row >= MAX_ROWS || row <= cell.lastRow()) {
            return;
        }
        for (int r = cell.lastRow() + 1; r <= row; r++) {
            NavigableMap<Integer, GridCell> line = rows.computeIfAbsent(r, k -> new TreeMap<>());
            for (int c = cell.col(); c <= cell.lastCol(); c++) {
                line.putIfAbsent(c, cell);
            }
        }
        cell.growTo(row);
    }

    GridCell at(int row, int col) {
        NavigableMap<Integer, GridCell> line = rows.get(row);
        return line == null ? null : line.get(col);
    }

    /** Row indexes that hold at least one position, in order. */
    NavigableSet<Integer> rowIndexes() {
        return Collections.unmodifiableNavigableSet(rows.navigableKeySet());
    }

    /** Row indexes from {@code row} (inclusive) on. */
    NavigableSet<Integer> rowIndexesFrom(int row) {
        return rowIndexes().tailSet(row, true);
    }

    /** Column → owner for one row (empty if the row holds nothing). */
    NavigableMap<Integer, GridCell> row(int row) {
        NavigableMap<Integer, GridCell> line = rows.get(row);
        return line == null ? Collections.emptyNavigableMap() : Collections.unmodifiableNavigableMap(line);
    }

    /** The distinct owners visible in a row, left to right (including cells merged down from above). */
    List<GridCell> ownersInRow(int row) {
        return new ArrayList<>(new LinkedHashSet<>(row(row).values()));
    }

    /** All owners, in reading order of their top-left positions. */
    List<GridCell> cells() {
        List<GridCell> sorted = new ArrayList<>(cells);
        sorted.sort((a, b) -> a.row() != b.row() ? Integer.compare(a.row(), b.row()) : Integer.compare(a.col(), b.col()));
        return sorted;
    }

    boolean isEmpty() {
        return cells.isEmpty();
    }
}

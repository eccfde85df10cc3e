package zjlearn.probe.form;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;

/**
 * Reads every sheet of a workbook as one table grid. Only the top-left cell of a merged region
 * holds its value; the region becomes one owning cell (even when blank, since a merged box next to
 * a label is an empty answer). Blank unmerged cells are left out, so "the cell to the right" is the
 * next cell that says something.
 *
 * <p>Each cell's text is taken once and counted against the file's {@link Budget}: a sheet of thousands
 * of cells that all show one huge shared string stops being read once the budget is spent.
 */
final class SheetTables {
    private SheetTables() {
    }

    static List<FormBlock> read(Workbook workbook, Budget budget) {
        SheetCellText cellText = new SheetCellText();
        List<FormBlock> blocks = new ArrayList<>();
        for (int i = 0; i < workbook.getNumberOfSheets() && !budget.exhausted(); i++) {
            blocks.add(new FormBlock.Table(grid(workbook.getSheetAt(i), cellText, budget)));
        }
        return blocks;
    }

    /** A non-blank cell's position and text (already cut to the cell limit). */
    private record Written(int row, int col, String text) {
    }

    private static Grid grid(Sheet sheet, SheetCellText cellText, Budget budget) {
        List<Written> written = new ArrayList<>();
        Map<Long, String> byPosition = new HashMap<>();
        int maxRow = -1;
        int maxCol = -1;
        rows:
        for (Row row : sheet) {
            if (row.getRowNum() >= Grid.MAX_ROWS) {
                break;
            }
            for (Cell cell : row) {
                if (budget.exhausted() || written.size() >= budget.tableCells()) {
                    break rows;
                }
                String text = budget.take(cellText.text(cell));
                if (!text.isBlank()) {
                    Written w = new Written(row.getRowNum(), cell.getColumnIndex(), text);
                    written.add(w);
                    byPosition.put(key(w.row(), w.col()), text);
                    maxRow = Math.max(maxRow, w.row());
                    maxCol = Math.max(maxCol, w.col());
                }
            }
        }
        Grid grid = new Grid(budget);
        if (maxRow < 0) {
            return grid;
        }
        // merged regions first, clipped to the used area (a merge over a whole column is common)
        for (CellRangeAddress region : sheet.getMergedRegions()) {
            int top = region.getFirstRow();
            int left = region.getFirstColumn();
            if (top > maxRow || left > maxCol) {
                continue;
            }
            int bottom = Math.min(region.getLastRow(), maxRow);
            int right = Math.min(region.getLastColumn(), maxCol);
            grid.addTaken(top, left, bottom - top + 1, right - left + 1, byPosition.getOrDefault(key(top, left), ""));
        }
        for (Written w : written) {
            grid.addTaken(w.row(), w.col(), 1, 1, w.text());
        }
        return grid;
    }

    private static long key(int row, int col) {
        return (long) row << 32 | (col & 0xFFFFFFFFL);
    }
}

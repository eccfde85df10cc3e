package zjlearn.probe.form;

import java.util.ArrayList;
import java.util.List;

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
 */
final class SheetTables {
    private SheetTables() {
    }

    static List<FormBlock> read(Workbook workbook) {
        SheetCellText cellText = new SheetCellText();
        List<FormBlock> blocks = new ArrayList<>();
        for (int i = 0; i < workbook.getNumberOfSheets(); i++) {
            blocks.add(new FormBlock.Table(grid(workbook.getSheetAt(i), cellText)));
        }
        return blocks;
    }

    private static Grid grid(Sheet sheet, SheetCellText cellText) {
        int maxRow = -1;
        int maxCol = -1;
        for (Row row : sheet) {
            if (row.getRowNum() >= Grid.MAX_ROWS) {
                break;
            }
            for (Cell cell : row) {
                if (!cellText.text(cell).isBlank()) {
                    maxRow = Math.max(maxRow, row.getRowNum());
                    maxCol = Math.max(maxCol, cell.getColumnIndex());
                }
            }
        }
        Grid grid = new Grid();
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
            grid.add(top, left, bottom - top + 1, right - left + 1, text(sheet, top, left, cellText));
        }
        for (Row row : sheet) {
            if (row.getRowNum() > maxRow) {
                break;
            }
            for (Cell cell : row) {
                String text = cellText.text(cell);
                if (!text.isBlank()) {
                    grid.add(row.getRowNum(), cell.getColumnIndex(), 1, 1, text);
                }
            }
        }
        return grid;
    }

    private static String text(Sheet sheet, int row, int col, SheetCellText cellText) {
        Row r = sheet.getRow(row);
        Cell cell = r == null ? null : r.getCell(col);
        return cell == null ? "" : cellText.text(cell);
    }
}

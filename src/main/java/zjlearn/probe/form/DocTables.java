package zjlearn.probe.form;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.TreeSet;

import org.apache.poi.hwpf.HWPFDocument;
import org.apache.poi.hwpf.usermodel.CharacterRun;
import org.apache.poi.hwpf.usermodel.Paragraph;
import org.apache.poi.hwpf.usermodel.Range;
import org.apache.poi.hwpf.usermodel.Table;
import org.apache.poi.hwpf.usermodel.TableCell;
import org.apache.poi.hwpf.usermodel.TableRow;

/**
 * Reads the main text of a .doc into paragraphs and table grids. HWPF has no gridSpan: a merged
 * cell is just wider, so the logical columns are rebuilt from the union of all cell edges.
 */
final class DocTables {
    /** Edges closer than this (in twips) are the same column boundary. */
    private static final int EDGE_SNAP = 30;
    private static final int MAX_DEPTH = 16;

    private static final char FIELD_BEGIN = '\u0013';
    private static final char FIELD_SEPARATOR = '\u0014';
    private static final char FIELD_END = '\u0015';
    private static final char NON_BREAKING_HYPHEN = '\u001E';

    private DocTables() {
    }

    static List<FormBlock> read(HWPFDocument doc, Budget budget) {
        List<FormBlock> blocks = new ArrayList<>();
        Range range = doc.getRange();
        int count = range.numParagraphs();
        int i = 0;
        while (i < count && !budget.exhausted()) {
            Paragraph p = range.getParagraph(i);
            Table table = p.isInTable() ? tableAt(range, p) : null;
            if (table != null) {
                readTable(table, blocks, 0, budget);
                i += Math.max(1, table.numParagraphs());
            } else {
                blocks.add(new FormBlock.Paragraph(budget.take(paragraphText(p))));
                i++;
            }
        }
        return blocks;
    }

    private static void readTable(Table table, List<FormBlock> blocks, int depth, Budget budget) {
        if (depth >= MAX_DEPTH) {
            return;
        }
        int level = table.getTableLevel();
        List<Integer> bounds = columnBounds(table);
        Grid grid = new Grid(budget);
        List<Table> nested = new ArrayList<>();
        for (int r = 0; r < table.numRows() && !budget.exhausted(); r++) {
            TableRow row = table.getRow(r);
            for (int c = 0; c < row.numCells(); c++) {
                TableCell cell = row.getCell(c);
                int left = cell.getLeftEdge();
                int col = boundIndex(bounds, left);
                int span = Math.max(1, boundIndex(bounds, left + cell.getWidth()) - col);
                if (cell.isVerticallyMerged() && !cell.isFirstVerticallyMerged()) {
                    GridCell above = r > 0 ? grid.at(r - 1, col) : null;
                    if (above != null) {
                        grid.extendDown(above, r);
                        continue;
                    }
                }
                if (cell.isMerged() && !cell.isFirstMerged()) {
                    continue; // legacy horizontal merge, owned by the cell to the left
                }
                grid.add(r, col, 1, span, cellText(cell, level, nested));
            }
        }
        blocks.add(new FormBlock.Table(grid));
        for (Table inner : nested) {
            readTable(inner, blocks, depth + 1, budget);
        }
    }

    /**
     * The table starting at {@code p}, or {@code null} when HWPF does not see one starting there
     * (inconsistent table flags); the paragraph is then read as plain text.
     */
    private static Table tableAt(Range range, Paragraph p) {
        try {
            return range.getTable(p);
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            return null;
        }
    }

    /** Sorted column boundaries: every left and right cell edge, edges within {@link #EDGE_SNAP} merged. */
    private static List<Integer> columnBounds(Table table) {
        TreeSet<Integer> edges = new TreeSet<>();
        for (int r = 0; r < table.numRows(); r++) {
            TableRow row = table.getRow(r);
            for (int c = 0; c < row.numCells(); c++) {
                TableCell cell = row.getCell(c);
                edges.add(cell.getLeftEdge());
                edges.add(cell.getLeftEdge() + cell.getWidth());
            }
        }
        List<Integer> bounds = new ArrayList<>();
        for (int edge : edges) {
            if (bounds.isEmpty() || edge - bounds.get(bounds.size() - 1) > EDGE_SNAP) {
                bounds.add(edge);
            }
        }
        return bounds;
    }

    private static int boundIndex(List<Integer> bounds, int edge) {
        int best = 0;
        for (int i = 1; i < bounds.size(); i++) {
            if (Math.abs(bounds.get(i) - edge) < Math.abs(bounds.get(best) - edge)) {
                best = i;
            }
        }
        return best;
    }

    /**
     * The cell's own paragraphs joined by "\n". Paragraphs of a nested table (a deeper table level)
     * are read as a table of their own; their text is also kept in the cell, one line per row.
     */
    private static String cellText(TableCell cell, int level, List<Table> nested) {
        List<String> lines = new ArrayList<>();
        int count = cell.numParagraphs();
        int i = 0;
        while (i < count) {
            Paragraph p = cell.getParagraph(i);
            Table inner = p.getTableLevel() > level ? tableAt(cell, p) : null;
            if (inner != null) {
                nested.add(inner);
                lines.add(flatTableText(inner));
                i += Math.max(1, inner.numParagraphs());
            } else {
                lines.add(paragraphText(p));
                i++;
            }
        }
        return String.join("\n", lines);
    }

    private static String flatTableText(Table table) {
        List<String> rows = new ArrayList<>();
        for (int r = 0; r < table.numRows(); r++) {
            TableRow row = table.getRow(r);
            List<String> cells = new ArrayList<>();
            for (int c = 0; c < row.numCells(); c++) {
                StringBuilder text = new StringBuilder();
                TableCell cell = row.getCell(c);
                for (int i = 0; i < cell.numParagraphs(); i++) {
                    text.append(paragraphText(cell.getParagraph(i))).append(' ');
                }
                String clean = TextCleaner.clean(text.toString());
                if (!clean.isEmpty()) {
                    cells.add(clean);
                }
            }
            rows.add(String.join(" ", cells));
        }
        return String.join("\n", rows);
    }

    /** Visible text of one paragraph: no deleted runs, no field instructions, symbols mapped. */
    static String paragraphText(Paragraph p) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < p.numCharacterRuns(); i++) {
            CharacterRun run = p.getCharacterRun(i);
            if (run.isMarkedDeleted()) {
                continue;
            }
            if (run.isSymbol()) {
                String glyph = TextCleaner.checkboxGlyph(run.getSymbolCharacter());
                if (glyph != null) {
                    sb.append(glyph);
                }
                continue;
            }
            sb.append(run.text());
        }
        return stripFields(sb.toString()).replace(NON_BREAKING_HYPHEN, '-');
    }

    /** Keeps a field's result and drops its instruction, also for nested fields. */
    static String stripFields(String text) {
        if (text.indexOf(FIELD_BEGIN) < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        Deque<Boolean> inInstruction = new ArrayDeque<>();
        int hidden = 0;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch == FIELD_BEGIN) {
                inInstruction.push(true);
                hidden++;
            } else if (ch == FIELD_SEPARATOR && !inInstruction.isEmpty()) {
                if (inInstruction.pop()) {
                    hidden--;
                }
                inInstruction.push(false);
            } else if (ch == FIELD_END && !inInstruction.isEmpty()) {
                if (inInstruction.pop()) {
                    hidden--;
                }
            } else if (hidden == 0) {
                out.append(ch);
            }
        }
        return out.toString();
    }
}

package zjlearn.probe.form;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Pairs labels with values over the logical grids of a form, in reading order:
 * list tables (a header row of labels, one record per row below), then label→value pairs,
 * then inline "标签：值" segments in paragraphs and in cells no label claimed.
 */
final class FormPairing {
    private static final int MIN_HEADER_LABELS = 3;
    private static final Pattern SEGMENT_BREAK = Pattern.compile("\\n|\\t|\\u3000|[ \\u00A0]{2,}");

    private final LabelResolver labels;
    private final Map<String, String> fields = new LinkedHashMap<>();
    private final List<Map<String, String>> records = new ArrayList<>();
    private final Map<String, String> inlineFields = new LinkedHashMap<>();

    private FormPairing(LabelResolver labels) {
        this.labels = labels;
    }

    static FormContent pair(List<FormBlock> blocks, LabelResolver labels) {
        FormPairing pairing = new FormPairing(labels);
        for (FormBlock block : blocks) {
            if (block instanceof FormBlock.Paragraph p) {
                pairing.inline(TextCleaner.light(p.text()));
            } else if (block instanceof FormBlock.Table t) {
                pairing.table(t.grid());
            }
        }
        return new FormContent(pairing.fields, pairing.records, pairing.inlineFields);
    }

    private void table(Grid grid) {
        if (grid.isEmpty()) {
            return;
        }
        List<GridCell> cells = grid.cells();
        Map<GridCell, String> labelOf = new IdentityHashMap<>();
        for (GridCell cell : cells) {
            resolve(cell.text()).ifPresent(name -> labelOf.put(cell, name));
        }
        Set<GridCell> claimed = Collections.newSetFromMap(new IdentityHashMap<>());
        readListTables(grid, labelOf, claimed);
        for (GridCell cell : cells) {
            String name = labelOf.get(cell);
            if (name != null && !claimed.contains(cell)) {
                claimed.add(cell);
                String value = valueOf(cell, grid, labelOf, claimed);
                fields.putIfAbsent(name, value);
            }
        }
        for (GridCell cell : cells) {
            if (!claimed.contains(cell) && !labelOf.containsKey(cell)) {
                inline(cell.rawText());
            }
        }
    }

    // ---- list tables -------------------------------------------------------------------------

    private void readListTables(Grid grid, Map<GridCell, String> labelOf, Set<GridCell> claimed) {
        int resumeAt = Integer.MIN_VALUE;
        for (int row : grid.rowIndexes()) {
            if (row < resumeAt || !isHeaderCandidate(grid.ownersInRow(row), labelOf)) {
                continue;
            }
            List<GridCell> header = new ArrayList<>();
            int firstRecordRow = row + 1;
            for (GridCell cell : grid.ownersInRow(row)) {
                if (labelOf.containsKey(cell)) {
                    header.add(cell);
                    firstRecordRow = Math.max(firstRecordRow, cell.lastRow() + 1);
                }
            }
            List<Map<String, String>> found = new ArrayList<>();
            List<GridCell> recordCells = new ArrayList<>();
            int end = readRecords(grid, header, labelOf, firstRecordRow, found, recordCells);
            // a header with no record below is a row of labels with empty answers (a blank form)
            if (found.isEmpty()) {
                continue;
            }
            records.addAll(found);
            claimed.addAll(grid.ownersInRow(row));
            claimed.addAll(header);
            claimed.addAll(recordCells);
            resumeAt = end;
        }
    }

    private static boolean isHeaderCandidate(List<GridCell> owners, Map<GridCell, String> labelOf) {
        int nonEmpty = 0;
        int labelCount = 0;
        for (GridCell cell : owners) {
            if (!cell.isBlank()) {
                nonEmpty++;
                if (labelOf.containsKey(cell)) {
                    labelCount++;
                }
            }
        }
        return labelCount >= MIN_HEADER_LABELS && labelCount * 2 > nonEmpty;
    }

    /** Reads record rows from {@code start}; returns the row where the list ended. */
    private static int readRecords(Grid grid, List<GridCell> header, Map<GridCell, String> labelOf, int start,
                                   List<Map<String, String>> found, List<GridCell> recordCells) {
        for (int row : grid.rowIndexesFrom(start)) {
            List<GridCell> owners = grid.ownersInRow(row);
            if (owners.stream().anyMatch(labelOf::containsKey) || isNoteRow(grid, row, header)) {
                return row;
            }
            Map<String, String> record = new LinkedHashMap<>();
            boolean blank = true;
            for (GridCell column : header) {
                List<String> parts = new ArrayList<>();
                List<GridCell> seen = new ArrayList<>();
                for (int c = column.col(); c <= column.lastCol(); c++) {
                    GridCell cell = grid.at(row, c);
                    if (cell != null && !seen.contains(cell)) {
                        seen.add(cell);
                        if (!cell.isBlank()) {
                            parts.add(cell.text());
                        }
                    }
                }
                String value = String.join(" ", parts);
                blank &= value.isEmpty();
                record.putIfAbsent(labelOf.get(column), value);
            }
            recordCells.addAll(owners);
            if (!blank) {
                found.add(record);
            }
        }
        return Integer.MAX_VALUE;
    }

    /** One cell across all the header's columns: a note such as "注：…" or "填表说明" ends the list. */
    private static boolean isNoteRow(Grid grid, int row, List<GridCell> header) {
        int first = header.get(0).col();
        int last = header.get(header.size() - 1).lastCol();
        GridCell owner = grid.at(row, first);
        if (owner == null || owner.isBlank() || last <= first) {
            return false;
        }
        for (int c = first; c <= last; c++) {
            if (grid.at(row, c) != owner) {
                return false;
            }
        }
        return true;
    }

    // ---- label → value -----------------------------------------------------------------------

    /**
     * The next cell to the right on each row the label spans ("" from a row where that cell is a
     * label), joined by "\n"; when nothing at all is to the right, the cell below.
     */
    private static String valueOf(GridCell label, Grid grid, Map<GridCell, String> labelOf, Set<GridCell> claimed) {
        List<String> parts = new ArrayList<>();
        List<GridCell> used = new ArrayList<>();
        boolean anythingRight = false;
        for (int row = label.row(); row <= label.lastRow(); row++) {
            Map.Entry<Integer, GridCell> right = grid.row(row).higherEntry(label.lastCol());
            if (right == null) {
                continue;
            }
            anythingRight = true;
            GridCell value = right.getValue();
            if (!labelOf.containsKey(value) && !used.contains(value)) {
                used.add(value);
                if (!value.isBlank()) {
                    parts.add(value.text());
                }
            }
        }
        if (!anythingRight) {
            GridCell below = cellBelow(label, grid);
            if (below != null && !labelOf.containsKey(below)) {
                used.add(below);
                parts.add(below.text());
            }
        }
        claimed.addAll(used);
        return String.join("\n", parts).strip();
    }

    private static GridCell cellBelow(GridCell label, Grid grid) {
        Integer next = grid.rowIndexes().higher(label.lastRow());
        return next == null ? null : grid.at(next, label.col());
    }

    // ---- inline "标签：值" --------------------------------------------------------------------

    private void inline(String text) {
        if (text.isBlank()) {
            return;
        }
        for (String segment : SEGMENT_BREAK.split(text)) {
            int colon = firstColon(segment);
            if (colon <= 0) {
                continue;
            }
            Optional<String> name = resolve(segment.substring(0, colon));
            name.ifPresent(n -> inlineFields.putIfAbsent(n, TextCleaner.clean(segment.substring(colon + 1))));
        }
    }

    private static int firstColon(String s) {
        int ascii = s.indexOf(':');
        int wide = s.indexOf('：');
        if (ascii < 0) {
            return wide;
        }
        return wide < 0 ? ascii : Math.min(ascii, wide);
    }

    private Optional<String> resolve(String text) {
        if (text == null || text.isBlank() || text.length() > 64) {
            return Optional.empty(); // long text is a value, never a label
        }
        Optional<String> name = labels.resolve(text);
        return name == null ? Optional.empty() : name;
    }
}

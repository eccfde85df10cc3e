package zjlearn.probe.form;

import java.util.ArrayList;
import java.util.List;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTBody;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Reads the body of a .docx into paragraphs and table grids. Works on the DOM of the body rather
 * than on XWPF's text getters, because those drop {@code w:sym} checkbox glyphs and the text of
 * nested tables, and report content-control placeholders as text.
 */
final class DocxTables {
    private static final String W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    private static final String W14 = "http://schemas.microsoft.com/office/word/2010/wordml";
    /** Deeper nesting than this is not a form; stopping keeps recursion bounded on hostile files. */
    private static final int MAX_DEPTH = 16;

    private DocxTables() {
    }

    static List<FormBlock> read(XWPFDocument doc, Budget budget) {
        List<FormBlock> blocks = new ArrayList<>();
        CTBody body = doc.getDocument() == null ? null : doc.getDocument().getBody();
        if (body != null) {
            readBlocks(body.getDomNode(), blocks, 0, budget);
        }
        return blocks;
    }

    private static void readBlocks(Node parent, List<FormBlock> blocks, int depth, Budget budget) {
        for (Element e : children(parent)) {
            if (budget.exhausted()) {
                return;
            }
            if (!W.equals(e.getNamespaceURI())) {
                continue;
            }
            switch (e.getLocalName()) {
                case "p" -> blocks.add(new FormBlock.Paragraph(budget.take(paragraphText(e))));
                case "tbl" -> readTable(e, blocks, depth, budget);
                case "sdt" -> {
                    if (!showsPlaceholder(e)) {
                        readBlocks(sdtContent(e), blocks, depth, budget);
                    }
                }
                case "customXml", "ins", "moveTo" -> readBlocks(e, blocks, depth, budget);
                default -> { }
            }
        }
    }

    private static void readTable(Element tbl, List<FormBlock> blocks, int depth, Budget budget) {
        if (depth >= MAX_DEPTH) {
            return;
        }
        Grid grid = new Grid(budget);
        List<Element> nested = new ArrayList<>();
        int row = 0;
        for (Element tr : unwrap(tbl, "tr")) {
            if (budget.exhausted()) {
                break;
            }
            int col = intVal(child(child(tr, "trPr"), "gridBefore"), 0);
            for (Element tc : unwrap(tr, "tc")) {
                Element tcPr = child(tc, "tcPr");
                int span = Math.max(1, intVal(child(tcPr, "gridSpan"), 1));
                if (isContinuation(child(tcPr, "vMerge"))) {
                    GridCell above = row > 0 ? grid.at(row - 1, col) : null;
                    if (above != null) {
                        grid.extendDown(above, row);
                        col += span;
                        continue;
                    }
                }
                // legacy horizontal merge: the continuation cell belongs to its left neighbour
                if (!isContinuation(child(tcPr, "hMerge"))) {
                    grid.add(row, col, 1, span, cellText(tc, nested, depth));
                }
                col += span;
            }
            row++;
        }
        blocks.add(new FormBlock.Table(grid));
        for (Element inner : nested) {
            readTable(inner, blocks, depth + 1, budget);
        }
    }

    /** {@code <w:vMerge/>} or {@code val="continue"} continues the cell above; {@code restart} starts one. */
    private static boolean isContinuation(Element merge) {
        if (merge == null) {
            return false;
        }
        String val = merge.getAttributeNS(W, "val");
        return val.isEmpty() || "continue".equals(val);
    }

    /**
     * A cell's paragraphs joined by "\n". Nested tables are collected for reading as tables of their
     * own, and their text (one line per row) is also kept in the cell so the value is not lost.
     */
    private static String cellText(Element container, List<Element> nested, int depth) {
        List<String> lines = new ArrayList<>();
        for (Element e : children(container)) {
            if (!W.equals(e.getNamespaceURI())) {
                continue;
            }
            switch (e.getLocalName()) {
                case "p" -> lines.add(paragraphText(e));
                case "tbl" -> {
                    if (nested != null) {
                        nested.add(e);
                    }
                    if (depth < MAX_DEPTH) {
                        lines.add(flatTableText(e, depth + 1));
                    }
                }
                case "sdt" -> {
                    Boolean checked = checkboxState(e);
                    if (checked != null) {
                        lines.add(glyph(checked));
                    } else if (!showsPlaceholder(e)) {
                        lines.add(cellText(sdtContent(e), nested, depth));
                    }
                }
                case "customXml", "ins", "moveTo" -> lines.add(cellText(e, nested, depth));
                default -> { }
            }
        }
        return String.join("\n", lines);
    }

    private static String flatTableText(Element tbl, int depth) {
        List<String> rows = new ArrayList<>();
        for (Element tr : unwrap(tbl, "tr")) {
            List<String> cells = new ArrayList<>();
            for (Element tc : unwrap(tr, "tc")) {
                String text = TextCleaner.clean(cellText(tc, null, depth)).replace('\n', ' ');
                if (!text.isEmpty()) {
                    cells.add(text);
                }
            }
            rows.add(String.join(" ", cells));
        }
        return String.join("\n", rows);
    }

    static String paragraphText(Element p) {
        StringBuilder sb = new StringBuilder();
        appendRunText(p, sb, 0);
        return sb.toString();
    }

    private static void appendRunText(Node parent, StringBuilder sb, int depth) {
        if (depth > 64) {
            return;
        }
        for (Element e : children(parent)) {
            if (!W.equals(e.getNamespaceURI())) {
                continue; // mc:AlternateContent, w14 extras, drawings: no form text
            }
            switch (e.getLocalName()) {
                case "t" -> sb.append(textOf(e));
                case "tab", "ptab" -> sb.append('\t');
                case "br", "cr" -> sb.append('\n');
                case "noBreakHyphen" -> sb.append('-');
                case "sym" -> appendSymbol(e, sb);
                case "fldChar" -> appendFormCheckbox(e, sb);
                case "sdt" -> {
                    Boolean checked = checkboxState(e);
                    if (checked != null) {
                        sb.append(glyph(checked));
                    } else if (!showsPlaceholder(e)) {
                        appendRunText(sdtContent(e), sb, depth + 1);
                    }
                }
                // deleted text, field instructions, properties and graphics carry no visible text
                case "del", "moveFrom", "delText", "instrText", "delInstrText", "rPr", "pPr",
                     "drawing", "pict", "object", "footnoteReference", "endnoteReference",
                     "commentReference", "softHyphen" -> { }
                default -> appendRunText(e, sb, depth + 1);
            }
        }
    }

    private static void appendSymbol(Element sym, StringBuilder sb) {
        String code = sym.getAttributeNS(W, "char");
        try {
            String glyph = TextCleaner.checkboxGlyph(Integer.parseInt(code.trim(), 16));
            if (glyph != null) {
                sb.append(glyph);
            }
        } catch (NumberFormatException ignored) {
            // an unreadable symbol code shows nothing, as in Word with the font missing
        }
    }

    /** Legacy FORMCHECKBOX field: the state lives in {@code w:ffData/w:checkBox}, the field shows no text. */
    private static void appendFormCheckbox(Element fldChar, StringBuilder sb) {
        Element checkBox = child(child(fldChar, "ffData"), "checkBox");
        if (checkBox == null || !"begin".equals(fldChar.getAttributeNS(W, "fldCharType"))) {
            return;
        }
        Element checked = child(checkBox, "checked");
        boolean on = checked != null ? isTrue(checked.getAttributeNS(W, "val"), true)
                : isTrue(attr(child(checkBox, "default"), "val"), false);
        sb.append(glyph(on));
    }

    /** For a {@code w14:checkbox} content control, whether it is checked; otherwise {@code null}. */
    private static Boolean checkboxState(Element sdt) {
        Element sdtPr = child(sdt, "sdtPr");
        if (sdtPr == null) {
            return null;
        }
        for (Element e : children(sdtPr)) {
            if (W14.equals(e.getNamespaceURI()) && "checkbox".equals(e.getLocalName())) {
                for (Element c : children(e)) {
                    if (W14.equals(c.getNamespaceURI()) && "checked".equals(c.getLocalName())) {
                        return isTrue(c.getAttributeNS(W14, "val"), true);
                    }
                }
                return false;
            }
        }
        return null;
    }

    private static boolean showsPlaceholder(Element sdt) {
        Element flag = child(child(sdt, "sdtPr"), "showingPlcHdr");
        return flag != null && isTrue(flag.getAttributeNS(W, "val"), true);
    }

    private static String glyph(boolean checked) {
        return checked ? TextCleaner.CHECKED : TextCleaner.UNCHECKED;
    }

    private static boolean isTrue(String val, boolean whenAbsent) {
        if (val == null || val.isEmpty()) {
            return whenAbsent;
        }
        return "1".equals(val) || "true".equalsIgnoreCase(val) || "on".equalsIgnoreCase(val);
    }

    /** The content of a content control, or {@code null} (read as nothing) when it has none. */
    private static Element sdtContent(Element sdt) {
        return child(sdt, "sdtContent");
    }

    /** The {@code w:<name>} children of an element, looking through sdt / customXml wrappers. */
    private static List<Element> unwrap(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        for (Element e : children(parent)) {
            if (!W.equals(e.getNamespaceURI())) {
                continue;
            }
            String local = e.getLocalName();
            if (name.equals(local)) {
                found.add(e);
            } else if ("sdt".equals(local)) {
                Element content = child(e, "sdtContent");
                if (content != null) {
                    found.addAll(unwrap(content, name));
                }
            } else if ("customXml".equals(local)) {
                found.addAll(unwrap(e, name));
            }
        }
        return found;
    }

    private static List<Element> children(Node parent) {
        List<Element> list = new ArrayList<>();
        if (parent == null) {
            return list;
        }
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeType() == Node.ELEMENT_NODE) {
                list.add((Element) n);
            }
        }
        return list;
    }

    private static Element child(Element parent, String name) {
        if (parent == null) {
            return null;
        }
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeType() == Node.ELEMENT_NODE && W.equals(n.getNamespaceURI()) && name.equals(n.getLocalName())) {
                return (Element) n;
            }
        }
        return null;
    }

    private static int intVal(Element e, int fallback) {
        String val = attr(e, "val");
        try {
            int n = val == null || val.isEmpty() ? fallback : Integer.parseInt(val.trim());
            return Math.max(0, Math.min(n, Grid.MAX_COLS));
        } catch (NumberFormatException ex) {
            return fallback;
        }
    }

    private static String attr(Element e, String name) {
        return e == null ? null : e.getAttributeNS(W, name);
    }

    private static String textOf(Element e) {
        StringBuilder sb = new StringBuilder();
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeType() == Node.TEXT_NODE || n.getNodeType() == Node.CDATA_SECTION_NODE) {
                sb.append(n.getNodeValue());
            }
        }
        return sb.toString();
    }
}

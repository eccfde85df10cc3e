package zjlearn.testing;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Writes the documents a submission holds — forms, summaries, photos — with POI and ImageIO. */
public final class Docs {
    /** Fields whose value gets a whole table row (label + a value cell spanning the rest). */
    private static final int LONG_VALUE = 30;

    private Docs() {
    }

    /**
     * A label→value form as Word writes it: a title paragraph, then a 4-column table holding two
     * short fields per row (姓名 | 张三 | 性别 | 男) and long fields on rows of their own, the value
     * spanning three columns.
     */
    public static void fieldFormDocx(Path file, String title, Map<String, String> fields) {
        try (XWPFDocument doc = new XWPFDocument()) {
            doc.createParagraph().createRun().setText(title);
            XWPFTable table = doc.createTable();
            boolean firstRow = true;
            List<Map.Entry<String, String>> pending = new ArrayList<>();
            List<List<Map.Entry<String, String>>> rows = new ArrayList<>();
            for (Map.Entry<String, String> e : fields.entrySet()) {
                if (e.getValue().length() > LONG_VALUE) {
                    if (!pending.isEmpty()) {
                        rows.add(pending);
                        pending = new ArrayList<>();
                    }
                    rows.add(List.of(e));
                } else {
                    pending.add(e);
                    if (pending.size() == 2) {
                        rows.add(pending);
                        pending = new ArrayList<>();
                    }
                }
            }
            if (!pending.isEmpty()) {
                rows.add(pending);
            }
            for (List<Map.Entry<String, String>> cells : rows) {
                XWPFTableRow row = firstRow ? table.getRow(0) : table.createRow();
                firstRow = false;
                while (row.getTableCells().size() < 4) {
                    row.addNewTableCell();
                }
                if (cells.size() == 1) {
                    setText(row.getCell(0), cells.get(0).getKey());
                    setText(row.getCell(1), cells.get(0).getValue());
                    row.getCell(1).getCTTc().addNewTcPr().addNewGridSpan().setVal(BigInteger.valueOf(3));
                    row.removeCell(3);
                    row.removeCell(2);
                } else {
                    for (int i = 0; i < cells.size(); i++) {
                        setText(row.getCell(2 * i), cells.get(i).getKey());
                        setText(row.getCell(2 * i + 1), cells.get(i).getValue());
                    }
                }
            }
            write(file, doc::write);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A list form in Word: a title, a 推荐单位 line, a header row and one row per record. */
    public static void listFormDocx(Path file, String title, String unitLine, List<String> header, List<List<String>> records) {
        try (XWPFDocument doc = new XWPFDocument()) {
            doc.createParagraph().createRun().setText(title);
            if (unitLine != null) {
                doc.createParagraph().createRun().setText(unitLine);
            }
            XWPFTable table = doc.createTable(records.size() + 1, header.size());
            for (int c = 0; c < header.size(); c++) {
                setText(table.getRow(0).getCell(c), header.get(c));
            }
            for (int r = 0; r < records.size(); r++) {
                for (int c = 0; c < header.size(); c++) {
                    setText(table.getRow(r + 1).getCell(c), records.get(r).get(c));
                }
            }
            write(file, doc::write);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A list form in Excel: a merged title row, a header row and one row per record. */
    public static void listFormXlsx(Path file, String title, List<String> header, List<List<String>> records) {
        try (Workbook wb = new XSSFWorkbook()) {
            Sheet sheet = wb.createSheet("登记表");
            sheet.createRow(0).createCell(0).setCellValue(title);
            sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, header.size() - 1));
            Row head = sheet.createRow(1);
            for (int c = 0; c < header.size(); c++) {
                head.createCell(c).setCellValue(header.get(c));
            }
            for (int r = 0; r < records.size(); r++) {
                Row row = sheet.createRow(r + 2);
                for (int c = 0; c < header.size(); c++) {
                    Cell cell = row.createCell(c);
                    cell.setCellValue(records.get(r).get(c));
                }
            }
            write(file, wb::write);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A Word document of paragraphs. */
    public static void textDocx(Path file, String title, String text) {
        try (XWPFDocument doc = new XWPFDocument()) {
            doc.createParagraph().createRun().setText(title);
            for (String paragraph : text.split("\n")) {
                doc.createParagraph().createRun().setText(paragraph);
            }
            write(file, doc::write);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Chinese prose of exactly {@code words} 字 as Word counts them: Han characters and full-width
     * punctuation, each counting 1.
     */
    public static String chineseText(int words) {
        String sentence = "我们坚持以人民为中心，依托社区学校开展读书学习和技能培训活动，群众参与热情高涨。";
        StringBuilder sb = new StringBuilder();
        while (sb.length() < words) {
            sb.append(sentence);
            if (sb.length() % 200 < sentence.length()) {
                sb.append('\n');
            }
        }
        String text = sb.toString();
        StringBuilder out = new StringBuilder();
        int count = 0;
        for (char c : text.toCharArray()) {
            if (c == '\n') {
                out.append(c);
                continue;
            }
            if (count == words) {
                break;
            }
            out.append(c);
            count++;
        }
        return out.toString();
    }

    /** A JPEG photo: a colour gradient, or a grey one. */
    public static void jpeg(Path file, int width, int height, boolean colour) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setPaint(colour ? new GradientPaint(0, 0, new Color(200, 40, 40), width, height, new Color(40, 90, 220))
                : new GradientPaint(0, 0, Color.DARK_GRAY, width, height, Color.LIGHT_GRAY));
        g.fillRect(0, 0, width, height);
        g.dispose();
        write(file, out -> ImageIO.write(image, "jpg", out));
    }

    interface Writer {
        void writeTo(OutputStream out) throws IOException;
    }

    static void write(Path file, Writer writer) {
        try {
            Files.createDirectories(file.getParent());
            try (OutputStream out = Files.newOutputStream(file)) {
                writer.writeTo(out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void setText(XWPFTableCell cell, String text) {
        String[] lines = text.split("\n");
        cell.getParagraphs().get(0).createRun().setText(lines[0]);
        for (int i = 1; i < lines.length; i++) {
            cell.addParagraph().createRun().setText(lines[i]);
        }
    }
}

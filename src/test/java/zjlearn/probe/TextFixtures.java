package zjlearn.probe;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.poi.hssf.record.crypto.Biff8EncryptionKey;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.hwpf.HWPFDocument;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;

/** Builds test files in a directory. Only the LibreOffice-made ones are committed (fixtures/text). */
final class TextFixtures {
    static final String PASSWORD = "123456";

    private TextFixtures() {
    }

    // ---------------------------------------------------------------- committed fixtures

    static Path resource(String name) {
        URL url = TextFixtures.class.getResource("/fixtures/text/" + name);
        if (url == null) {
            throw new IllegalStateException("missing fixture " + name + " (see fixtures/text/regenerate.sh)");
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The ~2000-character summary, as authored (UTF-8, no BOM). */
    static String summaryText() throws IOException {
        return Files.readString(resource("summary.txt"), StandardCharsets.UTF_8);
    }

    static List<String> summaryLines() throws IOException {
        return summaryText().lines().toList();
    }

    // ---------------------------------------------------------------- Office

    static Path docx(Path dir, String name, List<String> paragraphs) throws IOException {
        Path f = dir.resolve(name);
        try (XWPFDocument doc = new XWPFDocument(); OutputStream out = Files.newOutputStream(f)) {
            for (String p : paragraphs) {
                doc.createParagraph().createRun().setText(p);
            }
            doc.write(out);
        }
        return f;
    }

    static Path docxWithTable(Path dir, String name) throws IOException {
        Path f = dir.resolve(name);
        try (XWPFDocument doc = new XWPFDocument(); OutputStream out = Files.newOutputStream(f)) {
            doc.createParagraph().createRun().setText("推荐表");
            XWPFTable t = doc.createTable(2, 2);
            t.getRow(0).getCell(0).setText("姓名");
            t.getRow(0).getCell(1).setText("张三");
            t.getRow(1).getCell(0).setText("工作单位");
            t.getRow(1).getCell(1).setText("桥西街道社区学校");
            doc.write(out);
        }
        return f;
    }

    static Path xlsx(Path dir, String name) throws IOException {
        Path f = dir.resolve(name);
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(f)) {
            wb.createSheet("登记表").createRow(0).createCell(0).setCellValue("姓名");
            wb.write(out);
        }
        return f;
    }

    static Path xls(Path dir, String name) throws IOException {
        return xls(dir, name, null);
    }

    /** An .xls; with a password it is RC4 CryptoAPI-encrypted by POI. */
    static Path xls(Path dir, String name, String password) throws IOException {
        Path f = dir.resolve(name);
        Biff8EncryptionKey.setCurrentUserPassword(password);
        try (HSSFWorkbook wb = new HSSFWorkbook(); OutputStream out = Files.newOutputStream(f)) {
            wb.createSheet("登记表").createRow(0).createCell(0).setCellValue("姓名");
            wb.write(out);
        } finally {
            Biff8EncryptionKey.setCurrentUserPassword(null);
        }
        return f;
    }

    /** Any file, wrapped in OOXML agile encryption the way Office does it (an OLE2 with EncryptedPackage). */
    static Path encryptOoxml(Path plain, Path target) throws Exception {
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            EncryptionInfo info = new EncryptionInfo(EncryptionMode.agile);
            Encryptor enc = info.getEncryptor();
            enc.confirmPassword(PASSWORD);
            try (InputStream in = Files.newInputStream(plain); OutputStream os = enc.getDataStream(fs)) {
                in.transferTo(os);
            }
            try (OutputStream out = Files.newOutputStream(target)) {
                fs.writeFilesystem(out);
            }
        }
        return target;
    }

    /** A copy of a .doc, RC4 CryptoAPI-encrypted by POI (HWPF writes encrypted when a password is set). */
    static Path encryptDoc(Path doc, Path target) throws IOException {
        try (InputStream in = Files.newInputStream(doc)) {
            HWPFDocument d = new HWPFDocument(in);
            Biff8EncryptionKey.setCurrentUserPassword(PASSWORD);
            try (OutputStream out = Files.newOutputStream(target)) {
                d.write(out);
            } finally {
                Biff8EncryptionKey.setCurrentUserPassword(null);
            }
        }
        return target;
    }

    /** A copy of a .doc with only the FIB's fEncrypted bit set (no real encryption header behind it). */
    static Path docWithEncryptedFlag(Path doc, Path target) throws IOException {
        try (InputStream in = Files.newInputStream(doc); POIFSFileSystem fs = new POIFSFileSystem(in)) {
            byte[] word;
            try (InputStream s = fs.getRoot().createDocumentInputStream("WordDocument")) {
                word = s.readAllBytes();
            }
            word[11] |= 0x01; // flags word at 0x0A, bit 8 = fEncrypted
            fs.getRoot().createOrUpdateDocument("WordDocument", new ByteArrayInputStream(word));
            try (OutputStream out = Files.newOutputStream(target)) {
                fs.writeFilesystem(out);
            }
        }
        return target;
    }

    /** An OLE2 compound file with neither WordDocument nor Workbook (like an old WPS file). */
    static Path ole2Other(Path dir, String name) throws IOException {
        Path f = dir.resolve(name);
        try (POIFSFileSystem fs = new POIFSFileSystem(); OutputStream out = Files.newOutputStream(f)) {
            fs.createDocument(new ByteArrayInputStream(new byte[600]), "WpsContent");
            fs.writeFilesystem(out);
        }
        return f;
    }

    // ---------------------------------------------------------------- ZIP-based

    /** A ZIP from name → content; the first entry is STORED (as ODF requires for "mimetype"). */
    static Path zip(Path dir, String name, Map<String, byte[]> entries, boolean firstStored) throws IOException {
        Path f = dir.resolve(name);
        try (ZipOutputStream zos = new ZipOutputStream(Files.newOutputStream(f))) {
            boolean first = true;
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                ZipEntry ze = new ZipEntry(e.getKey());
                if (first && firstStored) {
                    CRC32 crc = new CRC32();
                    crc.update(e.getValue());
                    ze.setMethod(ZipEntry.STORED);
                    ze.setSize(e.getValue().length);
                    ze.setCompressedSize(e.getValue().length);
                    ze.setCrc(crc.getValue());
                }
                first = false;
                zos.putNextEntry(ze);
                zos.write(e.getValue());
                zos.closeEntry();
            }
        }
        return f;
    }

    static Path odf(Path dir, String name, String mimetype) throws IOException {
        Map<String, byte[]> m = new LinkedHashMap<>();
        m.put("mimetype", mimetype.getBytes(StandardCharsets.US_ASCII));
        m.put("content.xml", "<office:document-content/>".getBytes(StandardCharsets.UTF_8));
        m.put("META-INF/manifest.xml", "<manifest:manifest/>".getBytes(StandardCharsets.UTF_8));
        return zip(dir, name, m, true);
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    // ---------------------------------------------------------------- PDF

    static Path blankPdf(Path dir, String name) throws IOException {
        Path f = dir.resolve(name);
        try (PDDocument doc = new PDDocument()) {
            doc.addPage(new PDPage());
            doc.save(f.toFile());
        }
        return f;
    }

    /** A protected copy of a PDF; with an empty user password it opens without asking. */
    static Path protectPdf(Path pdf, Path target, String ownerPassword, String userPassword) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            AccessPermission ap = new AccessPermission();
            ap.setCanExtractContent(false);
            StandardProtectionPolicy policy = new StandardProtectionPolicy(ownerPassword, userPassword, ap);
            policy.setEncryptionKeyLength(128);
            doc.protect(policy);
            doc.save(target.toFile());
        }
        return target;
    }

    // ---------------------------------------------------------------- images, media, raw bytes

    static Path image(Path dir, String name, String format) throws IOException {
        BufferedImage img = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
        img.setRGB(1, 1, 0xFF0000);
        Path f = dir.resolve(name);
        if (!ImageIO.write(img, format, f.toFile())) {
            throw new IllegalStateException("no ImageIO writer for " + format);
        }
        return f;
    }

    /** An ISO BMFF ftyp box (major brand, minor 0, compatible brands) followed by filler. */
    static byte[] ftyp(String major, String... compatible) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int size = 16 + 4 * compatible.length;
        writeInt(b, size);
        b.writeBytes(ascii("ftyp"));
        b.writeBytes(ascii(major));
        writeInt(b, 0);
        for (String c : compatible) {
            b.writeBytes(ascii(c));
        }
        // a free box and a small mdat, as a real file would continue
        writeInt(b, 8);
        b.writeBytes(ascii("free"));
        writeInt(b, 8 + 200);
        b.writeBytes(ascii("mdat"));
        b.writeBytes(new byte[200]);
        return b.toByteArray();
    }

    /** A box-structured file starting with {@code type} (old QuickTime, no ftyp). */
    static byte[] box(String type, int payload) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        writeInt(b, 8 + payload);
        b.writeBytes(ascii(type));
        b.writeBytes(new byte[payload]);
        return b.toByteArray();
    }

    static byte[] riff(String form, int payload) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(ascii("RIFF"));
        int size = 4 + payload;
        b.write(size & 0xFF);
        b.write(size >> 8 & 0xFF);
        b.write(size >> 16 & 0xFF);
        b.write(size >>> 24);
        b.writeBytes(ascii(form));
        b.writeBytes(new byte[payload]);
        return b.toByteArray();
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            b.writeBytes(p);
        }
        return b.toByteArray();
    }

    static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    static Path write(Path dir, String name, byte[] content) throws IOException {
        Path f = dir.resolve(name);
        Files.write(f, content);
        return f;
    }

    static Path write(Path dir, String name, String text, Charset cs, boolean bom) throws IOException {
        byte[] body = text.getBytes(cs);
        byte[] prefix = !bom ? new byte[0]
                : cs.equals(StandardCharsets.UTF_8) ? bytes(0xEF, 0xBB, 0xBF)
                : cs.equals(StandardCharsets.UTF_16LE) ? bytes(0xFF, 0xFE)
                : new byte[0];
        return write(dir, name, concat(prefix, body));
    }

    private static void writeInt(ByteArrayOutputStream b, int v) {
        b.write(v >>> 24);
        b.write(v >> 16 & 0xFF);
        b.write(v >> 8 & 0xFF);
        b.write(v & 0xFF);
    }
}

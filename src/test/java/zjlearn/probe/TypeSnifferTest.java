package zjlearn.probe;

import zjlearn.rules.FileType;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static zjlearn.probe.TextFixtures.ascii;
import static zjlearn.probe.TextFixtures.box;
import static zjlearn.probe.TextFixtures.bytes;
import static zjlearn.probe.TextFixtures.concat;
import static zjlearn.probe.TextFixtures.ftyp;
import static zjlearn.probe.TextFixtures.riff;
import static zjlearn.probe.TextFixtures.utf8;
import static zjlearn.probe.TextFixtures.write;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TypeSnifferTest {
    @TempDir
    static Path dir;

    @FunctionalInterface
    interface Maker {
        Path make(Path dir) throws Exception;
    }

    private static Arguments c(String name, FileType expected, Maker maker) {
        return Arguments.of(name, expected, maker);
    }

    private static final String CONTENT_TYPES_DOCX_WITH_CHART =
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
            + "<Default Extension=\"xlsx\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\"/>"
            + "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
            + "</Types>";

    static Stream<Arguments> cases() {
        Charset gbk = Charset.forName("GBK");
        return Stream.of(
                // Office, honestly named and renamed
                c("docx", FileType.DOCX, d -> TextFixtures.docx(d, "a.docx", List.of("工作总结"))),
                c("docx named .doc", FileType.DOCX, d -> TextFixtures.docx(d, "docx_named.doc", List.of("工作总结"))),
                c("xlsx", FileType.XLSX, d -> TextFixtures.xlsx(d, "a.xlsx")),
                c("xlsx named .docx", FileType.XLSX, d -> TextFixtures.xlsx(d, "xlsx_named.docx")),
                c("xls", FileType.XLS, d -> TextFixtures.xls(d, "a.xls")),
                c("xls named .doc", FileType.XLS, d -> TextFixtures.xls(d, "xls_named.doc")),
                c("doc (LibreOffice)", FileType.DOC, d -> copy(TextFixtures.resource("summary.doc"), d, "a.doc")),
                c("doc named .docx", FileType.DOC, d -> copy(TextFixtures.resource("summary.doc"), d, "doc_named.docx")),
                c("docx with an embedded-xlsx Default type", FileType.DOCX, d -> TextFixtures.zip(d, "chart.docx",
                        Map.of("[Content_Types].xml", utf8(CONTENT_TYPES_DOCX_WITH_CHART)), false)),
                c("truncated docx (no central directory)", FileType.DOCX, d -> truncated(
                        TextFixtures.docx(d, "full.docx", List.of("工作总结")), d, "truncated.docx", 0.6)),
                c("pptx-like OOXML", FileType.UNKNOWN, d -> TextFixtures.zip(d, "a.pptx", Map.of("[Content_Types].xml",
                        utf8("<Types><Override ContentType=\"application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml\"/></Types>")),
                        false)),
                // encryption
                c("encrypted docx (agile)", FileType.ENCRYPTED_OFFICE, d -> TextFixtures.encryptOoxml(
                        TextFixtures.docx(d, "plain.docx", List.of("机密")), d.resolve("enc.docx"))),
                c("encrypted xlsx (agile)", FileType.ENCRYPTED_OFFICE, d -> TextFixtures.encryptOoxml(
                        TextFixtures.xlsx(d, "plain.xlsx"), d.resolve("enc.xlsx"))),
                c("encrypted xls (RC4 CryptoAPI)", FileType.ENCRYPTED_OFFICE,
                        d -> TextFixtures.xls(d, "enc.xls", TextFixtures.PASSWORD)),
                c("xls with the built-in VelvetSweatshop password", FileType.XLS,
                        d -> TextFixtures.xls(d, "velvet.xls", "VelvetSweatshop")),
                c("encrypted doc (RC4 CryptoAPI)", FileType.ENCRYPTED_OFFICE, d -> TextFixtures.encryptDoc(
                        TextFixtures.resource("summary.doc"), d.resolve("enc.doc"))),
                c("doc with only the fEncrypted flag set", FileType.ENCRYPTED_OFFICE, d -> TextFixtures.docWithEncryptedFlag(
                        TextFixtures.resource("summary.doc"), d.resolve("enc.doc"))),
                c("OLE2 without Word or Excel stream (old WPS)", FileType.UNKNOWN, d -> TextFixtures.ole2Other(d, "a.wps")),
                // ODF and ZIP
                c("odt", FileType.ODT, d -> TextFixtures.odf(d, "a.odt", "application/vnd.oasis.opendocument.text")),
                c("ods named .xlsx", FileType.ODS, d -> TextFixtures.odf(d, "ods.xlsx", "application/vnd.oasis.opendocument.spreadsheet")),
                c("odp", FileType.ZIP, d -> TextFixtures.odf(d, "a.odp", "application/vnd.oasis.opendocument.presentation")),
                c("zip", FileType.ZIP, d -> TextFixtures.zip(d, "a.zip", Map.of("照片/说明.txt", utf8("说明")), false)),
                c("empty zip", FileType.ZIP, d -> TextFixtures.zip(d, "empty.zip", Map.of(), false)),
                c("zip whose [Content_Types].xml is over 1 MiB", FileType.ZIP, d -> TextFixtures.zip(d, "big.docx",
                        Map.of("[Content_Types].xml", bigContentTypes()), false)),
                // PDF, HTML, RTF
                c("pdf named .docx", FileType.PDF, d -> TextFixtures.blankPdf(d, "pdf_named.docx")),
                c("pdf (LibreOffice)", FileType.PDF, d -> copy(TextFixtures.resource("summary.pdf"), d, "a.pdf")),
                c("pdf with junk before the header", FileType.PDF, d -> write(d, "junk.pdf",
                        concat(bytes(0, 0, 0, 0), Files.readAllBytes(TextFixtures.blankPdf(d, "p.pdf"))))),
                c("html page saved as .doc", FileType.HTML, d -> write(d, "html_named.doc", utf8(
                        "<html xmlns:o=\"urn:schemas-microsoft-com:office:office\" xmlns:w=\"urn:schemas-microsoft-com:office:word\">\r\n"
                        + "<head><meta charset=\"utf-8\"></head><body><p>工作总结</p></body></html>"))),
                c("html with BOM and doctype", FileType.HTML, d -> write(d, "a.html", concat(bytes(0xEF, 0xBB, 0xBF),
                        utf8("\n  <!DOCTYPE html>\n<html><body>你好</body></html>")))),
                c("xhtml", FileType.HTML, d -> write(d, "x.doc", utf8(
                        "<?xml version=\"1.0\"?>\n<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0//EN\" \"x\">\n<html xmlns=\"http://www.w3.org/1999/xhtml\"></html>"))),
                c("MHTML web archive saved as .doc", FileType.MHT, d -> write(d, "mht.doc", utf8(
                        "MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"----=_NextPart\"\r\n\r\n"))),
                c("Word 2003 XML", FileType.UNKNOWN, d -> write(d, "w.doc", utf8(
                        "<?xml version=\"1.0\"?><?mso-application progid=\"Word.Document\"?><w:wordDocument/>"))),
                c("rtf named .doc", FileType.RTF, d -> write(d, "rtf.doc", ascii("{\\rtf1\\ansi\\deff0 {\\fonttbl}hello}"))),
                // images
                c("png named .jpg", FileType.PNG, d -> TextFixtures.image(d, "png_named.jpg", "png")),
                c("jpeg", FileType.JPEG, d -> TextFixtures.image(d, "a.jpg", "jpeg")),
                c("gif", FileType.GIF, d -> TextFixtures.image(d, "a.gif", "gif")),
                c("bmp", FileType.BMP, d -> TextFixtures.image(d, "a.bmp", "bmp")),
                c("tiff", FileType.TIFF, d -> TextFixtures.image(d, "a.tif", "tiff")),
                c("tiff big-endian", FileType.TIFF, d -> write(d, "mm.tif", concat(bytes('M', 'M', 0, 42, 0, 0, 0, 8), new byte[64]))),
                c("webp named .jpg", FileType.WEBP, d -> write(d, "webp_named.jpg", riff("WEBP", 64))),
                c("heic named .jpg", FileType.HEIC, d -> write(d, "heic_named.jpg", ftyp("heic", "mif1", "heic"))),
                c("heif mif1 + heic", FileType.HEIC, d -> write(d, "mif1.heic", ftyp("mif1", "mif1", "heic"))),
                c("avif", FileType.UNKNOWN, d -> write(d, "a.avif", ftyp("avif", "avif", "mif1", "miaf"))),
                c("avif with major brand mif1", FileType.UNKNOWN, d -> write(d, "b.avif", ftyp("mif1", "avif", "mif1", "miaf"))),
                // video and audio containers
                c("mp4 isom", FileType.MP4, d -> write(d, "a.mp4", ftyp("isom", "isom", "iso2", "avc1", "mp41"))),
                c("mp4 mp42", FileType.MP4, d -> write(d, "b.mp4", ftyp("mp42", "mp42", "isom"))),
                c("m4v", FileType.MP4, d -> write(d, "c.m4v", ftyp("M4V ", "M4V ", "M4A ", "mp42", "isom"))),
                c("QuickTime named .mp4", FileType.QUICKTIME, d -> write(d, "mov_named.mp4", ftyp("qt  ", "qt  "))),
                c("old QuickTime starting with moov", FileType.QUICKTIME, d -> write(d, "old.mov", box("moov", 100))),
                c("old QuickTime starting with wide+mdat", FileType.QUICKTIME,
                        d -> write(d, "old2.mov", concat(box("wide", 0), box("mdat", 100)))),
                c("Matroska named .mp4", FileType.MATROSKA, d -> write(d, "mkv_named.mp4",
                        concat(bytes(0x1A, 0x45, 0xDF, 0xA3, 0x9F, 0x42, 0x86, 0x81, 0x01), ascii("webm"), new byte[64]))),
                c("avi", FileType.AVI, d -> write(d, "a.avi", riff("AVI ", 64))),
                c("wav", FileType.UNKNOWN, d -> write(d, "a.wav", riff("WAVE", 64))),
                // archives
                c("rar4", FileType.RAR, d -> write(d, "a.rar", concat(bytes('R', 'a', 'r', '!', 0x1A, 0x07, 0x00), new byte[32]))),
                c("rar5", FileType.RAR, d -> write(d, "b.rar", concat(bytes('R', 'a', 'r', '!', 0x1A, 0x07, 0x01, 0x00), new byte[32]))),
                c("7z", FileType.SEVEN_ZIP, d -> write(d, "a.7z", concat(bytes('7', 'z', 0xBC, 0xAF, 0x27, 0x1C, 0, 4), new byte[32]))),
                // text
                c("UTF-8 text", FileType.TXT, d -> write(d, "a.txt", "工作总结\r\n\t2021年 56.3%\f", StandardCharsets.UTF_8, false)),
                c("UTF-8 text with BOM", FileType.TXT, d -> write(d, "bom.txt", "工作总结", StandardCharsets.UTF_8, true)),
                c("GBK text", FileType.TXT, d -> write(d, "gbk.txt", "工作总结：参与学习6000人次。", gbk, false)),
                c("GBK text named .doc", FileType.TXT, d -> write(d, "gbk.doc", "工作总结：参与学习6000人次。", gbk, false)),
                c("UTF-16LE text with BOM (Notepad \"Unicode\")", FileType.TXT,
                        d -> write(d, "u16.txt", "工作总结", StandardCharsets.UTF_16LE, true)),
                c("ASCII text starting with BM", FileType.TXT, d -> write(d, "bm.txt", ascii("BMW and Audi sponsored the event.\n"))),
                c("ASCII text whose bytes 4-8 read 'free'", FileType.TXT, d -> write(d, "free.txt", ascii("the free courses\n"))),
                c("long UTF-8 text cut inside a character at 64 KiB", FileType.TXT, d -> write(d, "long.txt",
                        concat(ascii("x"), utf8("终".repeat(30_000))))),
                c("long GBK text cut inside a character at 64 KiB", FileType.TXT, d -> write(d, "long_gbk.txt",
                        concat(ascii("x"), "终".repeat(40_000).getBytes(gbk)))),
                c("text with a NUL byte", FileType.UNKNOWN, d -> write(d, "nul.txt", concat(ascii("abc"), bytes(0), ascii("def")))),
                // degenerate
                c("zero bytes", FileType.EMPTY, d -> write(d, "empty.docx", new byte[0])),
                c("one byte", FileType.TXT, d -> write(d, "one.txt", ascii("a"))),
                c("random bytes", FileType.UNKNOWN, d -> write(d, "random.docx", random(4096, 42))),
                c("random bytes, 100 KiB", FileType.UNKNOWN, d -> write(d, "random2.bin", random(100 * 1024, 7))));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("cases")
    void sniffs(String name, FileType expected, Maker maker) throws Exception {
        Path sub = Files.createTempDirectory(dir, "case");
        Path file = maker.make(sub);
        assertThat(TypeSniffer.sniff(file)).as(name + " (" + file.getFileName() + ")").isEqualTo(expected);
    }

    @Test
    void missingFileThrowsIOException() {
        assertThatThrownBy(() -> TypeSniffer.sniff(dir.resolve("does-not-exist.docx")))
                .isInstanceOf(IOException.class);
    }

    @Test
    void directoryThrowsIOException() {
        assertThatThrownBy(() -> TypeSniffer.sniff(dir)).isInstanceOf(IOException.class);
    }

    @Test
    void damagedZipWithoutOfficeEntriesIsStillZip() throws Exception {
        // A damaged ZIP whose first entries tell nothing is still a ZIP, not UNKNOWN.
        Path sub = Files.createTempDirectory(dir, "trunc");
        Map<String, byte[]> m = new LinkedHashMap<>();
        m.put("a.txt", random(200_000, 3));
        m.put("b.txt", utf8("b"));
        Path zip = TextFixtures.zip(sub, "a.zip", m, false);
        Path cut = truncated(zip, sub, "cut.zip", 0.5);
        assertThat(TypeSniffer.sniff(cut)).isEqualTo(FileType.ZIP);
    }

    // ----------------------------------------------------------------------------------------

    static Path copy(Path from, Path dir, String name) throws IOException {
        return Files.copy(from, dir.resolve(name));
    }

    static Path truncated(Path from, Path dir, String name, double fraction) throws IOException {
        byte[] all = Files.readAllBytes(from);
        return write(dir, name, Arrays.copyOf(all, (int) (all.length * fraction)));
    }

    static byte[] random(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        b[0] = (byte) 0xC3; // make sure no signature matches by accident
        b[1] = (byte) 0x28;
        return b;
    }

    private static byte[] bigContentTypes() {
        StringBuilder sb = new StringBuilder("<Types>");
        sb.append("<Override ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>");
        while (sb.length() < 1_100_000) {
            sb.append("<!-- padding padding padding padding padding padding padding -->");
        }
        return utf8(sb.append("</Types>").toString());
    }
}

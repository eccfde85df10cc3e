package zjlearn.probe;

import zjlearn.rules.FileType;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static zjlearn.probe.TextFixtures.bytes;
import static zjlearn.probe.TextFixtures.write;

import java.io.RandomAccessFile;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;

import org.apache.poi.hssf.record.crypto.Biff8EncryptionKey;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class TextExtractorTest {
    @TempDir
    static Path dir;

    static String source;

    @BeforeAll
    static void load() throws Exception {
        source = TextFixtures.summaryText();
    }

    /** The same summary in every supported format. */
    static Stream<Arguments> summaryFormats() throws Exception {
        Path d = Files.createTempDirectory(dir, "summary");
        String text = TextFixtures.summaryText();
        return Stream.of(
                Arguments.of("docx (POI)", TextFixtures.docx(d, "summary.docx", TextFixtures.summaryLines())),
                Arguments.of("doc (LibreOffice)", TextFixtures.resource("summary.doc")),
                Arguments.of("pdf (LibreOffice)", TextFixtures.resource("summary.pdf")),
                Arguments.of("txt UTF-8", write(d, "utf8.txt", text, StandardCharsets.UTF_8, false)),
                Arguments.of("txt UTF-8 + BOM", write(d, "utf8bom.txt", text, StandardCharsets.UTF_8, true)),
                Arguments.of("txt GBK", write(d, "gbk.txt", text.replace("\n", "\r\n"), Charset.forName("GBK"), false)),
                Arguments.of("txt UTF-16LE + BOM", write(d, "utf16.txt", text, StandardCharsets.UTF_16LE, true)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("summaryFormats")
    void everyFormatGivesTheSameTextAndCount(String name, Path file) throws Exception {
        FileType type = TypeSniffer.sniff(file);
        String text = TextExtractor.extract(file, type);

        assertThat(CharCounter.stripWhitespace(text)).as(name).isEqualTo(CharCounter.stripWhitespace(source));
        assertThat(CharCounter.nonWhitespaceCodePoints(text)).as(name).isEqualTo(2038);
        assertThat(CharCounter.wordCount(text)).as(name).isEqualTo(1912);
        assertThat(text).as(name).doesNotContain("\uFEFF").doesNotContain("\u0007");
    }

    @Test
    void docxTableTextIsIncluded() throws Exception {
        Path f = TextFixtures.docxWithTable(Files.createTempDirectory(dir, "t"), "table.docx");
        String text = TextExtractor.extract(f, FileType.DOCX);
        assertThat(text).contains("推荐表", "姓名", "张三", "工作单位", "桥西街道社区学校");
    }

    @Test
    void docFieldCodesAndControlCharactersAreRemoved() {
        String raw = "电话\u0013 FORMTEXT \u001462341234\u0015\u0007工作单位\u000B及职务\u0001\u0007";
        String clean = TextExtractor.cleanWordText(org.apache.poi.hwpf.extractor.WordExtractor.stripFields(raw));
        assertThat(clean).doesNotContain("FORMTEXT").contains("62341234");
        assertThat(clean.chars().filter(c -> c < 0x20 && c != '\t' && c != '\n' && c != '\r')).isEmpty();
        assertThat(CharCounter.stripWhitespace(clean)).isEqualTo("电话62341234工作单位及职务");
    }

    // ------------------------------------------------------------------ failures

    @ParameterizedTest
    @EnumSource(value = FileType.class, names = {"DOCX", "DOC", "PDF", "TXT", "EMPTY", "PNG"})
    void zeroBytesIsEmpty(FileType type) throws Exception {
        Path f = write(Files.createTempDirectory(dir, "z"), "empty", new byte[0]);
        assertKind(f, type, ProbeException.Kind.EMPTY);
    }

    @Test
    void truncatedDocxIsUnreadable() throws Exception {
        Path d = Files.createTempDirectory(dir, "tr");
        byte[] all = Files.readAllBytes(TextFixtures.docx(d, "full.docx", TextFixtures.summaryLines()));
        Path cut = write(d, "truncated.docx", Arrays.copyOf(all, all.length * 6 / 10));
        assertThat(TypeSniffer.sniff(cut)).isEqualTo(FileType.DOCX);
        assertKind(cut, FileType.DOCX, ProbeException.Kind.UNREADABLE);
    }

    @Test
    void encryptedDocxIsEncrypted() throws Exception {
        Path d = Files.createTempDirectory(dir, "enc");
        Path enc = TextFixtures.encryptOoxml(TextFixtures.docx(d, "plain.docx", TextFixtures.summaryLines()),
                d.resolve("enc.docx"));
        assertKind(enc, FileType.DOCX, ProbeException.Kind.ENCRYPTED);        // caller trusted the name
        assertKind(enc, FileType.ENCRYPTED_OFFICE, ProbeException.Kind.ENCRYPTED); // what the sniffer says
        assertKind(enc, FileType.DOC, ProbeException.Kind.ENCRYPTED);
    }

    @Test
    void encryptedDocIsEncrypted() throws Exception {
        Path d = Files.createTempDirectory(dir, "encdoc");
        Path enc = TextFixtures.encryptDoc(TextFixtures.resource("summary.doc"), d.resolve("enc.doc"));
        assertThat(TypeSniffer.sniff(enc)).isEqualTo(FileType.ENCRYPTED_OFFICE);
        assertKind(enc, FileType.DOC, ProbeException.Kind.ENCRYPTED);
        assertKind(enc, FileType.ENCRYPTED_OFFICE, ProbeException.Kind.ENCRYPTED);
        // the flag alone (no usable encryption header) is also reported as protected, not as damaged
        Path flagOnly = TextFixtures.docWithEncryptedFlag(TextFixtures.resource("summary.doc"), d.resolve("flag.doc"));
        assertKind(flagOnly, FileType.DOC, ProbeException.Kind.ENCRYPTED);
    }

    @Test
    void encryptedXlsReadAsDocIsEncryptedOrUnreadable() throws Exception {
        Path enc = TextFixtures.xls(Files.createTempDirectory(dir, "encxls"), "enc.xls", TextFixtures.PASSWORD);
        assertKind(enc, FileType.DOC, ProbeException.Kind.UNREADABLE); // not a Word document at all
        assertKind(enc, FileType.ENCRYPTED_OFFICE, ProbeException.Kind.ENCRYPTED);
    }

    @Test
    void encryptedPdfIsEncrypted() throws Exception {
        Path enc = TextFixtures.protectPdf(TextFixtures.resource("summary.pdf"),
                Files.createTempDirectory(dir, "encpdf").resolve("enc.pdf"), "owner", TextFixtures.PASSWORD);
        assertThat(TypeSniffer.sniff(enc)).isEqualTo(FileType.PDF);
        assertKind(enc, FileType.PDF, ProbeException.Kind.ENCRYPTED);
    }

    @Test
    void pdfWithOnlyAnOwnerPasswordIsReadable() throws Exception {
        Path prot = TextFixtures.protectPdf(TextFixtures.resource("summary.pdf"),
                Files.createTempDirectory(dir, "ownpdf").resolve("owner.pdf"), "owner", "");
        assertThat(CharCounter.wordCount(TextExtractor.extract(prot, FileType.PDF))).isEqualTo(1912);
    }

    @ParameterizedTest
    @EnumSource(value = FileType.class, names = {"DOCX", "DOC", "PDF"})
    void garbageIsUnreadable(FileType type) throws Exception {
        Path f = write(Files.createTempDirectory(dir, "g"), "garbage", TypeSnifferTest.random(4096, 11));
        assertKind(f, type, ProbeException.Kind.UNREADABLE);
    }

    @Test
    void textInNoKnownEncodingIsUnreadable() throws Exception {
        // 0x80 and 0xFF are invalid in both UTF-8 and GB18030
        Path f = write(Files.createTempDirectory(dir, "bad"), "bad.txt", bytes('a', 0x80, 0xFF, 'b'));
        assertKind(f, FileType.TXT, ProbeException.Kind.UNREADABLE);
    }

    @Test
    void renamedFilesOpenedAsTheWrongTypeAreUnreadable() throws Exception {
        Path d = Files.createTempDirectory(dir, "ren");
        assertKind(TextFixtures.xls(d, "xls_named.doc"), FileType.DOC, ProbeException.Kind.UNREADABLE);
        assertKind(TextFixtures.xlsx(d, "xlsx_named.docx"), FileType.DOCX, ProbeException.Kind.UNREADABLE);
        assertKind(TextFixtures.resource("summary.doc"), FileType.DOCX, ProbeException.Kind.UNREADABLE);
        assertKind(TextFixtures.resource("summary.pdf"), FileType.DOC, ProbeException.Kind.UNREADABLE);
        assertKind(write(d, "html_named.doc", TextFixtures.utf8("<html><body>你好</body></html>")),
                FileType.DOC, ProbeException.Kind.UNREADABLE);
    }

    @Test
    void unsupportedTypeIsUnreadable() throws Exception {
        Path png = TextFixtures.image(Files.createTempDirectory(dir, "png"), "a.png", "png");
        assertKind(png, FileType.PNG, ProbeException.Kind.UNREADABLE);
    }

    @Test
    void missingFileIsUnreadable() {
        assertKind(dir.resolve("nope.txt"), FileType.TXT, ProbeException.Kind.UNREADABLE);
    }

    @Test
    void textOver20MiBIsTooLarge() throws Exception {
        Path f = Files.createTempDirectory(dir, "big").resolve("big.txt");
        try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "rw")) {
            raf.setLength(TextExtractor.MAX_TEXT_BYTES + 1); // sparse
        }
        assertKind(f, FileType.TXT, ProbeException.Kind.TOO_LARGE);
    }

    @Test
    void biff8PasswordIsResetAfterEveryFile() throws Exception {
        Biff8EncryptionKey.setCurrentUserPassword("leftover");
        TextExtractor.extract(TextFixtures.resource("summary.doc"), FileType.DOC);
        assertThat(Biff8EncryptionKey.getCurrentUserPassword()).isNull();
    }

    private static void assertKind(Path file, FileType type, ProbeException.Kind kind) {
        ProbeException e = catchThrowableOfType(ProbeException.class, () -> TextExtractor.extract(file, type));
        assertThat(e).as("%s read as %s", file.getFileName(), type).isNotNull();
        assertThat(e.kind()).as("%s read as %s: %s", file.getFileName(), type, e.getMessage()).isEqualTo(kind);
        assertThat(e.getMessage()).isNotBlank().hasSizeLessThanOrEqualTo(200)
                .doesNotContain(file.toAbsolutePath().getParent().toString());
    }
    /** A PDF of {@code pages} pages, each naming itself ("page1" …), in PDFBox's standard Helvetica. */
    static Path pagedPdf(Path file, int pages) throws Exception {
        try (org.apache.pdfbox.pdmodel.PDDocument doc = new org.apache.pdfbox.pdmodel.PDDocument()) {
            for (int i = 1; i <= pages; i++) {
                org.apache.pdfbox.pdmodel.PDPage page = new org.apache.pdfbox.pdmodel.PDPage();
                doc.addPage(page);
                try (org.apache.pdfbox.pdmodel.PDPageContentStream cs = new org.apache.pdfbox.pdmodel.PDPageContentStream(doc, page)) {
                    cs.beginText();
                    cs.setFont(new org.apache.pdfbox.pdmodel.font.PDType1Font(
                            org.apache.pdfbox.pdmodel.font.Standard14Fonts.FontName.HELVETICA), 12);
                    cs.newLineAtOffset(72, 700);
                    cs.showText("page" + i);
                    cs.endText();
                }
            }
            doc.save(file.toFile());
        }
        return file;
    }

    @Test
    void aPdfIsReadNoFurtherThanThePageLimit() throws Exception {
        Path pdf = pagedPdf(dir.resolve("paged.pdf"), 5);
        assertThat(TextExtractor.pdf(pdf.toFile(), 2)).contains("page1", "page2").doesNotContain("page3");
        assertThat(TextExtractor.pdf(pdf.toFile(), 5)).contains("page1", "page5");
        assertThat(TextExtractor.extract(pdf, FileType.PDF)).contains("page5");
    }

    @Test
    void thePdfPageLimitComesFromTheRulesFile() throws Exception {
        assertThat(zjlearn.rules.RulesLoader.loadDefault().limits().maxPdfPages()).isEqualTo(300);
    }
}

package zjlearn.probe.form;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.poi.hssf.record.crypto.Biff8EncryptionKey;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.hwpf.HWPFDocument;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import zjlearn.rules.FileType;
import zjlearn.probe.ProbeException;
import zjlearn.probe.ProbeException.Kind;

class BadInputTest {
    @TempDir
    Path dir;

    @AfterEach
    void resetPassword() {
        Biff8EncryptionKey.setCurrentUserPassword(null);
    }

    @ParameterizedTest
    @ValueSource(strings = {"docx", "doc", "xlsx", "xls"})
    void zeroBytesIsEmpty(String format) throws Exception {
        Path file = Files.createFile(dir.resolve("empty." + format));
        assertThat(failure(file, FileType.fromId(format)).kind()).isEqualTo(Kind.EMPTY);
    }

    @Test
    void missingFileIsUnreadable() {
        assertThat(failure(dir.resolve("nope.docx"), FileType.DOCX).kind()).isEqualTo(Kind.UNREADABLE);
    }

    @ParameterizedTest
    @EnumSource(value = FileType.class, names = {"PDF", "TXT", "ODT", "ENCRYPTED_OFFICE", "UNKNOWN"})
    void otherTypesAreUnreadable(FileType type) throws Exception {
        Path file = Files.writeString(dir.resolve("x.bin"), "姓名：张三");
        assertThat(failure(file, type).kind()).isEqualTo(Kind.UNREADABLE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"docx", "xlsx", "doc", "xls"})
    void truncatedFileIsUnreadable(String format) throws Exception {
        byte[] whole = Files.readAllBytes(LibreOfficeFixturesTest.fixture("star_nomination." + format));
        Path file = Files.write(dir.resolve("truncated." + format), Arrays.copyOf(whole, whole.length * 6 / 10));
        ProbeException e = failure(file, FileType.fromId(format));
        assertThat(e.kind()).isEqualTo(Kind.UNREADABLE);
        assertThat(e.getMessage()).isNotBlank();
    }

    @ParameterizedTest
    @ValueSource(strings = {"docx", "xlsx", "doc", "xls"})
    void randomBytesAreUnreadable(String format) throws Exception {
        byte[] noise = new byte[4096];
        new Random(42).nextBytes(noise);
        Path file = Files.write(dir.resolve("noise." + format), noise);
        assertThat(failure(file, FileType.fromId(format)).kind()).isEqualTo(Kind.UNREADABLE);
    }

    @Test
    void wordPackageTypedAsWorkbookIsUnreadable() throws Exception {
        Path file = LibreOfficeFixturesTest.fixture("star_nomination.docx");
        assertThat(failure(file, FileType.XLSX).kind()).isEqualTo(Kind.UNREADABLE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"docx", "xlsx"})
    void agileEncryptedOoxmlIsEncrypted(String format) throws Exception {
        Path plain = LibreOfficeFixturesTest.fixture("star_nomination." + format);
        Path file = dir.resolve("enc." + format);
        EncryptionInfo info = new EncryptionInfo(EncryptionMode.agile);
        Encryptor encryptor = info.getEncryptor();
        encryptor.confirmPassword("123456");
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            try (OutputStream os = encryptor.getDataStream(fs)) {
                os.write(Files.readAllBytes(plain));
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                fs.writeFilesystem(out);
            }
        }
        assertThat(failure(file, FileType.fromId(format)).kind()).isEqualTo(Kind.ENCRYPTED);
        // the detector may also call an encrypted OOXML file an OLE2 document
        assertThat(failure(file, "docx".equals(format) ? FileType.DOC : FileType.XLS).kind()).isEqualTo(Kind.ENCRYPTED);
    }

    @Test
    void encryptedXlsIsEncryptedAndThePasswordIsReset() throws Exception {
        Path file = dir.resolve("enc.xls");
        Biff8EncryptionKey.setCurrentUserPassword("123456");
        try (HSSFWorkbook wb = new HSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            wb.createSheet().createRow(0).createCell(0).setCellValue("姓名");
            wb.getSheetAt(0).getRow(0).createCell(1).setCellValue("张三");
            wb.write(out);
        } finally {
            Biff8EncryptionKey.setCurrentUserPassword(null);
        }
        assertThat(failure(file, FileType.XLS).kind()).isEqualTo(Kind.ENCRYPTED);

        // a password left on the thread by someone else opens the file, and is cleared afterwards
        Biff8EncryptionKey.setCurrentUserPassword("123456");
        FormContent form = FormReader.read(file, FileType.XLS, TestLabels.STAR);
        assertThat(form.fields()).containsEntry("姓名", "张三");
        assertThat(Biff8EncryptionKey.getCurrentUserPassword()).isNull();
        assertThat(failure(file, FileType.XLS).kind()).isEqualTo(Kind.ENCRYPTED);
    }

    @Test
    void encryptedDocIsEncrypted() throws Exception {
        Path file = dir.resolve("enc.doc");
        try (HWPFDocument doc = new HWPFDocument(Files.newInputStream(LibreOfficeFixturesTest.fixture("star_nomination.doc")))) {
            Biff8EncryptionKey.setCurrentUserPassword("123456");
            try (OutputStream out = Files.newOutputStream(file)) {
                doc.write(out);
            } finally {
                Biff8EncryptionKey.setCurrentUserPassword(null);
            }
        }
        assertThat(failure(file, FileType.DOC).kind()).isEqualTo(Kind.ENCRYPTED);
    }

    @Test
    void doctypeInDocumentXmlIsRejectedWithoutResolvingTheEntity() throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET-4711");
        String xml = RawDocx.PROLOG
                + "<!DOCTYPE w:document [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>"
                + RawDocx.DOCUMENT_START
                + "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>姓名</w:t></w:r></w:p></w:tc>"
                + "<w:tc><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"
                + RawDocx.DOCUMENT_END;
        Path file = dir.resolve("xxe.docx");
        RawDocx.writeDocumentXml(file, xml);

        ProbeException e = failure(file, FileType.DOCX);

        assertThat(e.kind()).isEqualTo(Kind.UNREADABLE);
        assertThat(e.getMessage()).containsIgnoringCase("DOCTYPE");
        for (Throwable t = e; t != null; t = t.getCause()) {
            assertThat(String.valueOf(t.getMessage())).doesNotContain("TOP-SECRET");
        }
    }

    @Test
    void zipBombIsUnreadable() throws Exception {
        Path file = dir.resolve("bomb.docx");
        // a 20 MB document.xml that deflates ~1000:1, beyond ZipSecureFile's default ratio limit
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write(("<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                    + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                    + "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
                    + "</Types>").getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("_rels/.rels"));
            zip.write(("<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                    + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>"
                    + "</Relationships>").getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            zip.write((RawDocx.DOCUMENT_START + "<w:p><w:r><w:t>").getBytes(StandardCharsets.UTF_8));
            byte[] block = new byte[1 << 20];
            Arrays.fill(block, (byte) 'a');
            for (int i = 0; i < 20; i++) {
                zip.write(block);
            }
            zip.write(("</w:t></w:r></w:p>" + RawDocx.DOCUMENT_END).getBytes(StandardCharsets.UTF_8));
        }
        ProbeException e = failure(file, FileType.DOCX);
        assertThat(e.kind()).isEqualTo(Kind.UNREADABLE);
        assertThat(e.getMessage()).containsIgnoringCase("zip bomb").hasSizeLessThan(200);
    }

    private static ProbeException failure(Path file, FileType type) {
        ProbeException e = catchThrowableOfType(ProbeException.class, () -> FormReader.read(file, type, TestLabels.STAR));
        assertThat(e).as("expected a ProbeException for %s as %s", file.getFileName(), type).isNotNull();
        return e;
    }
}

package zjlearn.probe;

import zjlearn.rules.FileType;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Files other projects met in the real world (src/test/resources/realworld, origins in its README): each
 * one once misjudged by the type sniffer or a reader.
 */
class RealWorldFilesTest {
    static final Path REAL = Path.of("src/test/resources/realworld");

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
            // Word 97 files whose OLE2 stream names differ only in letter case: Word opens them
            "poi/47950_lower.doc, doc",
            "poi/47950_upper.doc, doc",
            "poi/47950_normal.doc, doc",
            // intact old formats, named as such rather than "unknown"
            "poi/Word6.doc, doc-word95",
            "poi/Word95.doc, doc-word95",
            "poi/word2.doc, doc-word2",
            "poi/testEXCEL_95.xls, xls-excel95",
            "poi/testEXCEL_4.xls, xls-excel95",
            "poi/SimpleStrict.xlsx, xlsx-strict",
            // an EMF whose description holds "%PDF-" at byte 164 is not a PDF
            "poi/SimpleEMF_mac-first4k.emf, unknown",
            // an OLE2 file of Microsoft Works, named .wps: no Word stream (the prober names it from the name)
            "poi/ShortLastBlock.wps, unknown",
            "pillow/hopper_bigtiff.tif, tiff",
            "poi/poc-shared-strings.xlsx, xlsx",
    })
    void sniffsTheRealType(String file, String type) throws Exception {
        assertThat(TypeSniffer.sniff(REAL.resolve(file)).id()).isEqualTo(type);
    }

    @Test
    void aWpsFileThatIsNoWordFileIsNamedWps() throws Exception {
        FileType content = TypeSniffer.sniff(REAL.resolve("poi/ShortLastBlock.wps"));
        assertThat(Prober.named(content, "wps")).isEqualTo(FileType.WPS);
        assertThat(Prober.named(content, "doc")).isEqualTo(FileType.UNKNOWN);
        assertThat(Prober.named(FileType.DOC, "wps")).isEqualTo(FileType.DOC);
    }

    @Test
    void pdfHeaderCountsOnlyWithinTheFirst1024BytesAndOutsideOtherFormats() throws Exception {
        byte[] pdf = "%PDF-1.4\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(TypeSniffer.sniff(write("junk-then-pdf", concat(junk(1000), pdf)))).isEqualTo(FileType.PDF);
        assertThat(TypeSniffer.sniff(write("pdf-too-late", concat(junk(1100), pdf)))).isNotEqualTo(FileType.PDF);
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
        assertThat(TypeSniffer.sniff(write("png-with-pdf", concat(png, pdf)))).isEqualTo(FileType.PNG);
    }

    @Test
    void bigTiffOfBothByteOrders() throws Exception {
        byte[] be = {'M', 'M', 0, 0x2B, 0, 8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 16};
        assertThat(TypeSniffer.sniff(write("be.tif", be))).isEqualTo(FileType.TIFF);
    }

    @Test
    void wordNinetyFiveTextIsRead() throws Exception {
        assertThat(TextExtractor.extract(REAL.resolve("poi/Word95.doc"), FileType.DOC_WORD6))
                .contains("The quick brown fox jumps over the lazy dog");
        assertThat(TextExtractor.extract(REAL.resolve("poi/Word6.doc"), FileType.DOC_WORD6))
                .contains("The quick brown fox");
    }

    @Test
    void streamNamesInAnyCaseAreReadAsWord() throws Exception {
        assertThat(TextExtractor.extract(REAL.resolve("poi/47950_lower.doc"), FileType.DOC)).isNotBlank();
        assertThat(TextExtractor.extract(REAL.resolve("poi/47950_upper.doc"), FileType.DOC)).isNotBlank();
    }

    private static byte[] junk(int n) {
        byte[] b = new byte[n];
        Arrays.fill(b, (byte) 'x');
        return b;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private Path write(String name, byte[] content) throws Exception {
        return Files.write(dir.resolve(name), content);
    }
}

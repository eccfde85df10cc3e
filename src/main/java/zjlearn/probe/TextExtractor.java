package zjlearn.probe;

import zjlearn.rules.Magic;
import zjlearn.rules.FileType;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.EmptyFileException;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.hssf.record.crypto.Biff8EncryptionKey;
import org.apache.poi.hwpf.OldWordFileFormatException;
import org.apache.poi.hwpf.HWPFDocument;
import org.apache.poi.hwpf.extractor.Word6Extractor;
import org.apache.poi.hwpf.extractor.WordExtractor;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

/**
 * Plain text of a summary file, for counting characters.
 *
 * <p>Supports {@link FileType#DOCX} (body, tables, headers/footers as {@link XWPFWordExtractor} gives
 * them), {@link FileType#DOC} (HWPF {@link WordExtractor}, field codes stripped; Word 6/95 files through
 * {@link Word6Extractor}), {@link FileType#PDF} (PDFBox {@link PDFTextStripper}, temp-file cache) and
 * {@link FileType#TXT} (strict UTF-8, else UTF-16 with a BOM, else GB18030; BOM stripped).
 *
 * <p>Every failure is a {@link ProbeException}: {@code EMPTY} for a zero-byte file, {@code ENCRYPTED} for
 * a password-protected one, {@code TOO_LARGE} for a text file over {@link #MAX_TEXT_BYTES}, and
 * {@code UNREADABLE} for everything else, including runtime exceptions, stack overflows and
 * out-of-memory errors thrown by the libraries. No other exception type leaves this class.
 */
public final class TextExtractor {
    /** Largest .txt file read. */
    public static final long MAX_TEXT_BYTES = 20L * 1024 * 1024;
    /** Pages of a PDF read when rules.yaml names no limit: far more than any summary of about 2000 characters. */
    public static final int DEFAULT_MAX_PDF_PAGES = 300;
    private static final int MAX_DETAIL = 200;

    private TextExtractor() {
    }

    /**
     * Extracts the text of a file already opened by the type sniffer. A plain-text file is read on from
     * the sniffed header (not read twice); Word and PDF files are opened by their libraries.
     */
    public static String extract(OpenedFile opened, FileType type) throws ProbeException {
        return extract(opened, type, DEFAULT_MAX_PDF_PAGES);
    }

    /**
     * As {@link #extract(OpenedFile, FileType)}, reading no more than the first {@code maxPdfPages} pages of a
     * PDF: a summary longer than that is too long whatever the rest holds, and a PDF claiming thousands of pages
     * is not worth the time.
     */
    public static String extract(OpenedFile opened, FileType type, int maxPdfPages) throws ProbeException {
        if (type != FileType.TXT || opened.size() == 0) {
            return extract(opened.path(), type, maxPdfPages);
        }
        try (InputStream in = opened.stream()) {
            return txt(in, opened.size());
        } catch (ProbeException e) {
            throw e;
        } catch (Exception e) {
            throw new ProbeException(ProbeException.Kind.UNREADABLE, detail(e, opened.path()), e);
        }
    }

    /**
     * Extracts the text of {@code file}, read as {@code type} (normally what {@link TypeSniffer} said).
     * Line breaks and tabs are kept; HWPF control characters (cell marks, manual line breaks, picture
     * anchors) become whitespace.
     */
    public static String extract(Path file, FileType type) throws ProbeException {
        return extract(file, type, DEFAULT_MAX_PDF_PAGES);
    }

    private static String extract(Path file, FileType type, int maxPdfPages) throws ProbeException {
        try {
            long size;
            try {
                size = Files.size(file);
            } catch (NoSuchFileException e) {
                throw new ProbeException(ProbeException.Kind.UNREADABLE, "file not found");
            }
            if (size == 0) {
                throw new ProbeException(ProbeException.Kind.EMPTY, "file is empty (0 bytes)");
            }
            switch (type) {
                case DOCX:
                    return docx(file.toFile());
                case DOC:
                case DOC_WORD6:
                    return doc(file.toFile());
                case PDF:
                    return pdf(file.toFile(), maxPdfPages);
                case TXT:
                    try (InputStream in = Files.newInputStream(file)) {
                        return txt(in, size);
                    }
                case EMPTY:
                    throw new ProbeException(ProbeException.Kind.EMPTY, "file is empty");
                case ENCRYPTED_OFFICE:
                    throw new ProbeException(ProbeException.Kind.ENCRYPTED, "password-protected Office file");
                default:
                    throw new ProbeException(ProbeException.Kind.UNREADABLE,
                            "no text extraction for type " + type.id());
            }
        } catch (ProbeException e) {
            throw e;
        } catch (EncryptedDocumentException | InvalidPasswordException e) {
            throw new ProbeException(ProbeException.Kind.ENCRYPTED, "password-protected: " + detail(e, file), e);
        } catch (EmptyFileException e) {
            throw new ProbeException(ProbeException.Kind.EMPTY, "file is empty (0 bytes)", e);
        } catch (StackOverflowError e) {
            throw new ProbeException(ProbeException.Kind.UNREADABLE, "stack overflow while parsing (nesting too deep)", e);
        } catch (OutOfMemoryError e) {
            throw new ProbeException(ProbeException.Kind.UNREADABLE, "out of memory while parsing", e);
        } catch (Throwable e) {
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                if (root.getCause() instanceof EncryptedDocumentException) {
                    throw new ProbeException(ProbeException.Kind.ENCRYPTED,
                            "password-protected: " + detail(root.getCause(), file), e);
                }
                root = root.getCause();
            }
            throw new ProbeException(ProbeException.Kind.UNREADABLE, detail(e, file), e);
        } finally {
            Biff8EncryptionKey.setCurrentUserPassword(null);
        }
    }

    // ------------------------------------------------------------------ formats

    /** The first {@code n} bytes of the file (fewer when it is shorter). */
    private static byte[] firstBytes(File file, int n) throws IOException {
        try (InputStream in = Files.newInputStream(file.toPath())) {
            return in.readNBytes(n);
        }
    }

    private static String docx(File file) throws Exception {
        if (Magic.OLE2.matches(firstBytes(file, 8))) {
            try (POIFSFileSystem fs = new POIFSFileSystem(file, true)) {
                DirectoryNode root = fs.getRoot();
                if (root.hasEntryCaseInsensitive("EncryptedPackage") || root.hasEntryCaseInsensitive("EncryptionInfo")) {
                    throw new ProbeException(ProbeException.Kind.ENCRYPTED, "password-protected OOXML file");
                }
            }
            throw new ProbeException(ProbeException.Kind.UNREADABLE, "not an OOXML file (OLE2 compound file)");
        }
        OPCPackage pkg = OPCPackage.open(file, PackageAccess.READ);
        try {
            XWPFDocument doc = new XWPFDocument(pkg);
            try (XWPFWordExtractor extractor = new XWPFWordExtractor(doc)) {
                extractor.setCloseFilesystem(false);
                return extractor.getText();
            }
        } finally {
            pkg.revert(); // read-only: discard, never save
        }
    }

    private static String doc(File file) throws Exception {
        try (POIFSFileSystem fs = new POIFSFileSystem(file, true)) {
            DirectoryNode root = fs.getRoot();
            if (root.hasEntryCaseInsensitive("EncryptedPackage") || root.hasEntryCaseInsensitive("EncryptionInfo")) {
                throw new ProbeException(ProbeException.Kind.ENCRYPTED, "password-protected OOXML file");
            }
            if (!root.hasEntryCaseInsensitive("WordDocument")) {
                throw new ProbeException(ProbeException.Kind.UNREADABLE, "not a Word document (no WordDocument stream)");
            }
            if (Ole2Sniffer.isEncryptedWord(root)) {
                throw new ProbeException(ProbeException.Kind.ENCRYPTED, "password-protected Word document");
            }
            String text;
            try {
                HWPFDocument doc = new HWPFDocument(root);
                try (WordExtractor extractor = new WordExtractor(doc)) {
                    extractor.setCloseFilesystem(false);
                    text = extractor.getText();
                }
            } catch (OldWordFileFormatException e) {
                try (Word6Extractor extractor = new Word6Extractor(root)) {
                    extractor.setCloseFilesystem(false);
                    text = extractor.getText();
                }
            }
            return cleanWordText(WordExtractor.stripFields(text));
        }
    }

    /** HWPF control characters: \u0007 cell/row mark, \u000B manual line break, \u0001 picture anchor etc. */
    static String cleanWordText(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u0007') {
                sb.append('\t');
            } else if (c == '\u000B' || c == '\u000C') {
                sb.append('\n');
            } else if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                sb.append(' ');
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    static String pdf(File file, int maxPages) throws Exception {
        try (PDDocument doc = Loader.loadPDF(file, IOUtils.createTempFileOnlyStreamCache())) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setEndPage(maxPages);
            return stripper.getText(doc);
        }
    }

    private static String txt(InputStream in, long size) throws Exception {
        if (size > MAX_TEXT_BYTES) {
            throw new ProbeException(ProbeException.Kind.TOO_LARGE,
                    "text file of " + size + " bytes exceeds the limit of " + MAX_TEXT_BYTES + " bytes");
        }
        byte[] bytes = in.readNBytes((int) MAX_TEXT_BYTES + 1);
        if (bytes.length > MAX_TEXT_BYTES) {
            throw new ProbeException(ProbeException.Kind.TOO_LARGE, "text file exceeds the limit of "
                    + MAX_TEXT_BYTES + " bytes");
        }
        return decodeText(bytes);
    }

    /** Strict UTF-8 (BOM stripped), UTF-16 if it starts with a UTF-16 BOM, else strict GB18030. */
    static String decodeText(byte[] bytes) throws ProbeException {
        if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE) {
            return stripBom(strict(bytes, StandardCharsets.UTF_16LE, "UTF-16LE"));
        }
        if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF) {
            return stripBom(strict(bytes, StandardCharsets.UTF_16BE, "UTF-16BE"));
        }
        try {
            return stripBom(decode(bytes, StandardCharsets.UTF_8));
        } catch (CharacterCodingException notUtf8) {
            return stripBom(strict(bytes, Charset.forName("GB18030"), "UTF-8 or GB18030"));
        }
    }

    private static String strict(byte[] bytes, Charset cs, String what) throws ProbeException {
        try {
            return decode(bytes, cs);
        } catch (CharacterCodingException e) {
            throw new ProbeException(ProbeException.Kind.UNREADABLE, "text is not valid " + what, e);
        }
    }

    private static String decode(byte[] bytes, Charset cs) throws CharacterCodingException {
        return cs.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes))
                .toString();
    }

    private static String stripBom(String s) {
        return !s.isEmpty() && s.charAt(0) == '\uFEFF' ? s.substring(1) : s;
    }

    // ------------------------------------------------------------------ errors

    /** "ExceptionClass: message", one line, at most 200 characters, with the file's path shortened to its name. */
    private static String detail(Throwable e, Path file) {
        String msg = e.getMessage();
        if (msg != null && file.getFileName() != null) {
            String name = file.getFileName().toString();
            msg = msg.replace(file.toAbsolutePath().toString(), name).replace(file.toString(), name);
        }
        String d = e.getClass().getSimpleName() + (msg == null || msg.isBlank() ? "" : ": " + msg.strip());
        d = d.replaceAll("\\s+", " ");
        return d.length() > MAX_DETAIL ? d.substring(0, MAX_DETAIL - 1) + "…" : d;
    }
}

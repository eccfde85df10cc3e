package zjlearn.probe.form;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

import org.apache.poi.EmptyFileException;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.hssf.record.crypto.Biff8EncryptionKey;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.hwpf.HWPFDocument;
import org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.poifs.crypt.Decryptor;
import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

import zjlearn.rules.FileType;
import zjlearn.probe.ProbeException;
import zjlearn.probe.ProbeException.Kind;

/**
 * Reads a nomination form (Word .docx/.doc or Excel .xlsx/.xls) into {@link FormContent}: label→value
 * fields, list records and inline "标签：值" fields. Every failure, whatever the file does to the
 * parser, comes out as a {@link ProbeException}.
 */
public final class FormReader {
    private static final String ENCRYPTION_INFO = "EncryptionInfo";

    private FormReader() {
    }

    /**
     * @param type the file's real type, detected from its content; only DOCX, DOC, XLSX and XLS are read
     * @throws ProbeException EMPTY for a zero-byte file, ENCRYPTED for a password-protected one,
     *                        UNREADABLE for anything else that cannot be read
     */
    public static FormContent read(Path file, FileType type, LabelResolver labels) throws ProbeException {
        return read(file, type, labels, FormLimits.DEFAULT);
    }

    /**
     * As {@link #read(Path, FileType, LabelResolver)}, reading no more than {@code limits} allow: the text of a
     * cell is cut to its limit and cells past a table's or the file's limit are not read.
     */
    public static FormContent read(Path file, FileType type, LabelResolver labels, FormLimits limits)
            throws ProbeException {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(labels, "labels");
        if (type != FileType.DOCX && type != FileType.DOC && type != FileType.XLSX && type != FileType.XLS) {
            throw new ProbeException(Kind.UNREADABLE, "not a Word or Excel form: " + (type == null ? "unknown" : type.id()));
        }
        checkSize(file);
        try {
            return FormPairing.pair(blocks(file.toFile(), type, new Budget(limits)), labels);
        } catch (ProbeException e) {
            throw e;
        } catch (EncryptedDocumentException e) {
            throw new ProbeException(Kind.ENCRYPTED, "password-protected " + type.id(), e);
        } catch (EmptyFileException e) {
            throw new ProbeException(Kind.EMPTY, "empty file", e);
        } catch (StackOverflowError e) {
            throw new ProbeException(Kind.UNREADABLE, "structure nested too deeply", e);
        } catch (OutOfMemoryError e) {
            throw new ProbeException(Kind.UNREADABLE, "file needs too much memory to read", e);
        } catch (Throwable e) { // a hostile file may make the parser throw anything; never let it out
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new ProbeException(Kind.UNREADABLE, "cannot read " + type.id() + ": " + describe(e), e);
        } finally {
            Biff8EncryptionKey.setCurrentUserPassword(null);
        }
    }

    private static void checkSize(Path file) throws ProbeException {
        long size;
        try {
            size = Files.size(file);
        } catch (IOException | RuntimeException e) {
            throw new ProbeException(Kind.UNREADABLE, "cannot open file: " + describe(e), e);
        }
        if (size == 0) {
            throw new ProbeException(Kind.EMPTY, "empty file (0 bytes)");
        }
    }

    private static List<FormBlock> blocks(File file, FileType type, Budget budget) throws Exception {
        return switch (type) {
            case DOCX -> {
                try (XWPFDocument doc = load(openPackage(file), XWPFDocument::new)) {
                    yield DocxTables.read(doc, budget);
                }
            }
            case XLSX -> {
                try (XSSFWorkbook workbook = load(openPackage(file), XSSFWorkbook::new)) {
                    yield SheetTables.read(workbook, budget);
                }
            }
            case DOC -> {
                try (POIFSFileSystem fs = openOle2(file);
                     HWPFDocument doc = new HWPFDocument(fs.getRoot())) {
                    yield DocTables.read(doc, budget);
                }
            }
            case XLS -> {
                try (POIFSFileSystem fs = openOle2(file);
                     HSSFWorkbook workbook = new HSSFWorkbook(fs.getRoot(), true)) {
                    yield SheetTables.read(workbook, budget);
                }
            }
            default -> throw new IllegalArgumentException(type.id());
        };
    }

    /**
     * Opens OOXML from the file (not a stream), so that ZipSecureFile's zip-bomb limits apply and
     * parts are inflated on demand. A password-protected .docx/.xlsx is an OLE2 file instead: only
     * then is the file opened a second time, to tell "encrypted" from "corrupt".
     */
    private static OPCPackage openPackage(File file) throws Exception {
        try {
            return OPCPackage.open(file, PackageAccess.READ);
        } catch (NotOfficeXmlFileException e) { // includes OLE2NotOfficeXmlFileException
            if (isEncryptedOoxml(file)) {
                throw new ProbeException(Kind.ENCRYPTED, "password-protected Office file", e);
            }
            throw e;
        }
    }

    private interface Loader<T> {
        T load(OPCPackage pkg) throws Exception;
    }

    /** Builds the document, releasing the package (and its open file) if that fails. */
    private static <T> T load(OPCPackage pkg, Loader<T> loader) throws Exception {
        try {
            return loader.load(pkg);
        } catch (Exception | Error e) {
            pkg.revert();
            throw e;
        }
    }

    private static POIFSFileSystem openOle2(File file) throws Exception {
        POIFSFileSystem fs = new POIFSFileSystem(file, true);
        if (hasEncryptedPackage(fs.getRoot())) {
            fs.close();
            throw new ProbeException(Kind.ENCRYPTED, "password-protected Office file (encrypted OOXML package)");
        }
        return fs;
    }

    private static boolean isEncryptedOoxml(File file) {
        try (POIFSFileSystem fs = new POIFSFileSystem(file, true)) {
            return hasEncryptedPackage(fs.getRoot());
        } catch (Exception | StackOverflowError e) {
            return false;
        }
    }

    private static boolean hasEncryptedPackage(DirectoryNode root) {
        return root.hasEntryCaseInsensitive(Decryptor.DEFAULT_POIFS_ENTRY)
                || root.hasEntryCaseInsensitive(ENCRYPTION_INFO);
    }

    /** A short English detail: the innermost distinct message, without file paths from POI. */
    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        if (message == null || message.isBlank()) {
            message = e.getMessage();
        }
        String name = root.getClass().getSimpleName();
        if (message == null || message.isBlank()) {
            return name;
        }
        message = message.strip().replaceAll("\\s+", " ");
        if (message.length() > 160) {
            message = message.substring(0, 157) + "...";
        }
        return name + ": " + message;
    }
}

package zjlearn.probe;

import zjlearn.rules.FileType;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;

import org.apache.poi.hssf.record.FilePassRecord;
import org.apache.poi.hssf.record.RecordInputStream;
import org.apache.poi.poifs.crypt.Decryptor;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.DocumentInputStream;
import org.apache.poi.poifs.filesystem.Entry;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

/**
 * The OLE2 (compound file) part of {@link TypeSniffer}: Word or Excel, which generation (Word 6.0/95,
 * Excel 5.0/95) and whether encrypted, from the root directory and the first bytes of the main stream.
 */
final class Ole2Sniffer {
    private Ole2Sniffer() {
    }

    /**
     * Stream names are compared without case: Word and Excel themselves open files whose writers spelled
     * {@code WordDocument} or {@code Workbook} otherwise (POI's 47950_lower.doc, Crystal Reports' "BOOK").
     */
    static FileType sniff(Path file, byte[] header) {
        try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true)) {
            DirectoryNode root = fs.getRoot();
            if (root.hasEntryCaseInsensitive("EncryptedPackage") || root.hasEntryCaseInsensitive("EncryptionInfo")) {
                return FileType.ENCRYPTED_OFFICE;
            }
            if (root.hasEntryCaseInsensitive("WordDocument")) {
                return wordType(root);
            }
            for (String n : new String[] {"Workbook", "Book"}) {
                if (root.hasEntryCaseInsensitive(n)) {
                    return workbookType(root, root.getEntryCaseInsensitive(n));
                }
            }
            return FileType.UNKNOWN; // PowerPoint, Outlook .msg, Works, WPS's own format, Visio...
        } catch (IOException | RuntimeException | StackOverflowError | OutOfMemoryError e) {
            // A damaged compound file: fall back to the directory entry names in the header bytes.
            if (SniffBytes.indexOf(header, SniffBytes.utf16le("WordDocument"), 0, header.length) >= 0) {
                return FileType.DOC;
            }
            if (SniffBytes.indexOf(header, SniffBytes.utf16le("Workbook"), 0, header.length) >= 0) {
                return FileType.XLS;
            }
            if (SniffBytes.indexOf(header, SniffBytes.utf16le("EncryptedPackage"), 0, header.length) >= 0) {
                return FileType.ENCRYPTED_OFFICE;
            }
            return FileType.UNKNOWN;
        }
    }

    /** The first 12 bytes of the Word FIB, or an empty array. */
    private static byte[] fibBase(DirectoryNode root) {
        try (DocumentInputStream in = root.createDocumentInputStream(root.getEntryCaseInsensitive("WordDocument"))) {
            return in.readNBytes(12);
        } catch (IOException | RuntimeException e) {
            return new byte[0];
        }
    }

    /** Word 97 and later (nFib >= 106, as POI's HWPFDocument requires), Word 6.0/95 below; encryption first. */
    private static FileType wordType(DirectoryNode root) {
        if (isEncryptedWord(root)) {
            return FileType.ENCRYPTED_OFFICE;
        }
        byte[] fib = fibBase(root);
        int wIdent = fib.length >= 4 ? SniffBytes.u16(fib, 0) : 0;
        if (fib.length >= 4 && SniffBytes.u16(fib, 2) < 106 && (wIdent == 0xA5EC || wIdent == 0xA5DC)) {
            return FileType.DOC_WORD6;
        }
        return FileType.DOC;
    }

    /** BIFF8 (Excel 97 and later) or BIFF5 (Excel 5.0/95, which POI's HSSF cannot read), from the first BOF. */
    private static FileType workbookType(DirectoryNode root, Entry entry) {
        byte[] head;
        try (DocumentInputStream in = root.createDocumentInputStream(entry)) {
            head = in.readNBytes(8192);
        } catch (IOException | RuntimeException e) {
            return FileType.XLS;
        }
        if (head.length >= 8 && SniffBytes.u16(head, 0) == 0x0809 && SniffBytes.u16(head, 4) == 0x0500) {
            return FileType.XLS_EXCEL95;
        }
        return isEncryptedWorkbook(head) ? FileType.ENCRYPTED_OFFICE : FileType.XLS;
    }

    /** FIB base: wIdent at 0, flags at 0x0A; bit 8 = fEncrypted (set for RC4 and XOR obfuscation alike). */
    static boolean isEncryptedWord(DirectoryNode root) {
        byte[] fib = fibBase(root);
        if (fib.length < 12) {
            return false;
        }
        int flags = (fib[10] & 0xFF) | (fib[11] & 0xFF) << 8;
        return (flags & 0x0100) != 0;
    }

    /**
     * A BIFF8 workbook with a FILEPASS record right after its first BOF is encrypted, unless the password
     * is Excel's built-in "VelvetSweatshop" (used for "read-only recommended" files), which opens without
     * asking.
     */
    private static boolean isEncryptedWorkbook(byte[] head) {
        try {
            int pos = 0;
            for (int rec = 0; rec < 64 && pos + 4 <= head.length; rec++) {
                int sid = (head[pos] & 0xFF) | (head[pos + 1] & 0xFF) << 8;
                int len = (head[pos + 2] & 0xFF) | (head[pos + 3] & 0xFF) << 8;
                if (sid == FilePassRecord.sid) {
                    if (pos + 4 + len > head.length) {
                        return true;
                    }
                    return !opensWithDefaultPassword(head, pos, len);
                }
                if (sid == 0x0085 /* BOUNDSHEET */ || sid == 0x000A /* EOF */ || (rec > 0 && sid == 0x0809)) {
                    return false; // FILEPASS, if any, comes before these
                }
                pos += 4 + len;
            }
            return false;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static boolean opensWithDefaultPassword(byte[] buf, int pos, int len) {
        try {
            RecordInputStream ris = new RecordInputStream(new ByteArrayInputStream(buf, pos, 4 + len));
            ris.nextRecord();
            EncryptionInfo info = new FilePassRecord(ris).getEncryptionInfo();
            return info.getDecryptor().verifyPassword(Decryptor.DEFAULT_PASSWORD);
        } catch (Exception e) {
            return false; // unsupported encryption: the reader will say so
        }
    }
}

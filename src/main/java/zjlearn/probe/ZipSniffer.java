package zjlearn.probe;

import zjlearn.rules.FileType;
import zjlearn.rules.Magic;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The ZIP part of {@link TypeSniffer}: a .docx or .xlsx (transitional or strict), a macro-enabled or binary
 * workbook, an .odt or .ods, or a plain ZIP. Reads the central directory, {@code [Content_Types].xml} (at most
 * {@link TypeSniffer#MAX_CONTENT_TYPES}), {@code _rels/.rels} and the ODF {@code mimetype} entry and nothing
 * else; when the directory cannot be read (a truncated download), the local file headers in the first bytes.
 * Kept apart from the header signatures because it is the one part that opens the file as a container.
 */
final class ZipSniffer {
    private ZipSniffer() {
    }

    static FileType sniff(Path file, byte[] header) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry ct = zip.getEntry("[Content_Types].xml");
            if (ct != null) {
                String types = readSmallEntry(zip, ct, TypeSniffer.MAX_CONTENT_TYPES);
                if (types == null) {
                    return FileType.ZIP; // absurdly large content-types part: not a file Office wrote
                }
                FileType ooxml = ooxmlType(types);
                return isStrict(zip) ? strict(ooxml) : ooxml;
            }
            ZipEntry mime = zip.getEntry("mimetype");
            if (mime != null) {
                String m = readSmallEntry(zip, mime, 256);
                FileType odf = m == null ? null : odfType(m.trim());
                if (odf != null) {
                    return odf;
                }
            }
            return FileType.ZIP;
        } catch (IOException | RuntimeException | StackOverflowError | OutOfMemoryError e) {
            // No readable central directory (truncated download, damaged file): look at the local
            // file headers in the first bytes instead, so a damaged .docx is still called a .docx.
            return sniffZipLocalHeaders(header);
        }
    }

    /** Reads an entry of at most {@code max} bytes (inflated); null if it is larger. */
    private static String readSmallEntry(ZipFile zip, ZipEntry entry, int max) throws IOException {
        if (entry.getSize() > max) {
            return null;
        }
        try (InputStream in = zip.getInputStream(entry)) {
            byte[] data = in.readNBytes(max + 1);
            if (data.length > max) {
                return null;
            }
            return decodeXmlBytes(data);
        }
    }

    private static String decodeXmlBytes(byte[] data) {
        if (data.length >= 2 && (data[0] & 0xFF) == 0xFF && (data[1] & 0xFF) == 0xFE) {
            return new String(data, 2, data.length - 2, StandardCharsets.UTF_16LE);
        }
        if (data.length >= 2 && (data[0] & 0xFF) == 0xFE && (data[1] & 0xFF) == 0xFF) {
            return new String(data, 2, data.length - 2, StandardCharsets.UTF_16BE);
        }
        return new String(data, StandardCharsets.UTF_8);
    }

    /**
     * The main-part content type decides; a plain "spreadsheetml" substring is not enough, because a
     * .docx with a chart lists the embedded workbook's type as a Default.
     */
    static FileType ooxmlType(String contentTypes) {
        String t = contentTypes.toLowerCase(Locale.ROOT);
        if (t.contains("wordprocessingml.document.main+xml")
                || t.contains("wordprocessingml.template.main+xml")
                || t.contains("ms-word.document.macroenabled.main+xml")
                || t.contains("ms-word.template.macroenabledtemplate.main+xml")) {
            return FileType.DOCX;
        }
        if (t.contains("spreadsheetml.sheet.main+xml")
                || t.contains("spreadsheetml.template.main+xml")
                || t.contains("ms-excel.sheet.macroenabled.main+xml")
                || t.contains("ms-excel.template.macroenabled.main+xml")) {
            return FileType.XLSX;
        }
        if (t.contains("ms-excel.sheet.binary.macroenabled.main")) {
            return FileType.XLSB;
        }
        return FileType.UNKNOWN; // pptx, xps, ...: an Office file of a kind this CLI does not read
    }

    /** Strict Open XML names its relationships in the purl.oclc.org namespace instead of schemas.openxmlformats.org. */
    private static boolean isStrict(ZipFile zip) throws IOException {
        ZipEntry rels = zip.getEntry("_rels/.rels");
        String text = rels == null ? null : readSmallEntry(zip, rels, 64 * 1024);
        return text != null && text.contains("http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument");
    }

    private static FileType strict(FileType ooxml) {
        return switch (ooxml) {
            case DOCX -> FileType.DOCX_STRICT;
            case XLSX -> FileType.XLSX_STRICT;
            default -> ooxml;
        };
    }

    private static FileType odfType(String mimetype) {
        switch (mimetype) {
            case "application/vnd.oasis.opendocument.text":
            case "application/vnd.oasis.opendocument.text-template":
                return FileType.ODT;
            case "application/vnd.oasis.opendocument.spreadsheet":
            case "application/vnd.oasis.opendocument.spreadsheet-template":
                return FileType.ODS;
            default:
                return null;
        }
    }

    /**
     * Scans every local file header signature in the first bytes. Entries written in streaming mode have
     * their sizes after the data, so the headers are found by their signature rather than by skipping.
     */
    private static FileType sniffZipLocalHeaders(byte[] h) {
        Set<String> names = new HashSet<>();
        String odfMime = null;
        byte[] sig = Magic.ZIP_LOCAL.bytes();
        for (int pos = SniffBytes.indexOf(h, sig, 0, h.length); pos >= 0 && pos + 30 <= h.length;
                pos = SniffBytes.indexOf(h, sig, pos + 4, h.length)) {
            int method = SniffBytes.u16(h, pos + 8);
            long csize = SniffBytes.u32le(h, pos + 18);
            int nameLen = SniffBytes.u16(h, pos + 26);
            int extraLen = SniffBytes.u16(h, pos + 28);
            if (nameLen == 0 || nameLen > 1024 || pos + 30 + nameLen > h.length) {
                continue;
            }
            String name = new String(h, pos + 30, nameLen, StandardCharsets.UTF_8);
            names.add(name);
            int dataStart = pos + 30 + nameLen + extraLen;
            if (name.equals("mimetype") && method == 0 && csize < 256 && dataStart + csize <= h.length) {
                odfMime = new String(h, dataStart, (int) csize, StandardCharsets.US_ASCII).trim();
            }
        }
        if (names.contains("word/document.xml")) {
            return FileType.DOCX;
        }
        if (names.contains("xl/workbook.xml")) {
            return FileType.XLSX;
        }
        if (odfMime != null && odfType(odfMime) != null) {
            return odfType(odfMime);
        }
        // Without a readable directory, a ZIP with no recognisable first entries is still a ZIP.
        return FileType.ZIP;
    }
}

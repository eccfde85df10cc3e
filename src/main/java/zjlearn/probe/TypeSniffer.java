package zjlearn.probe;

import zjlearn.rules.Magic;
import zjlearn.rules.FileType;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import org.apache.poi.poifs.filesystem.FileMagic;

/**
 * Decides a file's real type from its content only, never from its name.
 *
 * <p>Reads at most {@link #HEADER_SIZE} bytes from the start of the file, plus, for containers, the
 * container's directory: the OLE2 root entries (and the first bytes of the {@code WordDocument} /
 * {@code Workbook} stream to spot encryption), or the ZIP central directory, {@code [Content_Types].xml}
 * (at most 1 MiB) and the ODF {@code mimetype} entry. Never inflates other ZIP entries and never parses
 * XML. The containers are read by {@link Ole2Sniffer} and {@link ZipSniffer}; this class reads the
 * signatures in the header.
 *
 * <p>Anything it cannot recognise is {@link FileType#UNKNOWN}; only an I/O failure on the file itself
 * (missing, unreadable) throws.
 */
public final class TypeSniffer {
    /** How many bytes from the start of the file are looked at. */
    public static final int HEADER_SIZE = 64 * 1024;
    /** Largest {@code [Content_Types].xml} that is read. */
    static final int MAX_CONTENT_TYPES = 1024 * 1024;

    private static final Set<String> HEIC_BRANDS =
            Set.of("heic", "heix", "heim", "heis", "hevc", "hevx", "hevm", "hevs", "mif1", "msf1");
    private static final Set<String> AVIF_BRANDS = Set.of("avif", "avis");
    /** ftyp brands that are not video (or not anything this CLI can read). */
    private static final Set<String> OTHER_FTYP_BRANDS = Set.of("crx ", "jp2 ", "jpx ", "jpm ", "mjp2");
    /** Top-level QuickTime atoms that start an old .mov written without an ftyp. */
    private static final Set<String> QT_LEADING_ATOMS = Set.of("moov", "mdat", "free", "wide", "skip", "pnot");

    private TypeSniffer() {
    }

    /**
     * The real type of {@code file}, from its content.
     *
     * @throws IOException if the file cannot be opened or read at all (missing, a directory, no permission)
     */
    public static FileType sniff(Path file) throws IOException {
        try (OpenedFile opened = OpenedFile.open(file)) {
            return sniff(opened);
        }
    }

    /** The real type of an opened file, from the header it read (and, for containers, their directories). */
    public static FileType sniff(OpenedFile opened) throws IOException {
        Path file = opened.path();
        long size = opened.size();
        if (size == 0) {
            return FileType.EMPTY;
        }
        byte[] header = opened.header();
        if (header.length == 0) {
            return FileType.EMPTY;
        }
        if (Magic.OLE2.matches(header)) {
            return Ole2Sniffer.sniff(file, header);
        }
        if (isZip(header)) {
            return ZipSniffer.sniff(file, header);
        }
        return sniffHeader(header, size, header.length >= size);
    }

    private static boolean isZip(byte[] h) {
        return Magic.type(h) == FileType.ZIP;
    }

    /**
     * Classifies the first bytes of a file that is neither an OLE2 compound file nor a ZIP archive
     * (those are told apart by their directories in {@link #sniff(Path)}; here they are UNKNOWN).
     *
     * @param header   the first bytes (up to {@link #HEADER_SIZE})
     * @param fileSize the file's full size, for plausibility checks of box sizes
     * @param complete whether {@code header} is the whole file
     */
    static FileType sniffHeader(byte[] header, long fileSize, boolean complete) {
        byte[] h = header;
        if (Magic.OLE2.matches(h) || isZip(h)) {
            return FileType.UNKNOWN;
        }
        Magic.Signature signature = Magic.match(h);
        if (signature != null) {
            return signature.type();
        }
        FileMagic magic = FileMagic.valueOf(h);
        if (magic == FileMagic.RTF) {
            return FileType.RTF;
        }
        if (isBmp(h)) {
            return FileType.BMP;
        }
        // --- ISO base media (MP4, MOV, HEIC) ---
        FileType bmff = sniffIsoBmff(h, fileSize);
        if (bmff != null) {
            return bmff;
        }
        switch (magic) {
            case BIFF2: case BIFF3: case BIFF4:
                return FileType.XLS_EXCEL95; // Excel 2.x-4.0 worksheets: old formats, named as such
            case MSWRITE: case WORD2:
                return FileType.DOC_WORD2; // intact old Word/Write files, named as such
            case WMF: case EMF:
                return FileType.UNKNOWN; // nothing this CLI reads (an EMF may hold "%PDF-" in its description)
            default:
                break;
        }
        if (hasPdfHeaderNearStart(h)) {
            return FileType.PDF;
        }
        // --- markup and text ---
        String textStart = textStart(h);
        if (textStart.startsWith("mime-version:") && textStart.contains("multipart/related")) {
            return FileType.MHT; // a Word/IE "single file web page", which web systems often hand out as .doc
        }
        if (magic == FileMagic.HTML || looksLikeHtml(textStart)) {
            return FileType.HTML;
        }
        if (textStart.startsWith("<?xml")) {
            // XML that is not XHTML: Word 2003 XML, flat ODF, SVG... none of them can be read as text
            return FileType.UNKNOWN;
        }
        if (isText(h, complete)) {
            return FileType.TXT;
        }
        return FileType.UNKNOWN;
    }

    /**
     * Readers accept "%PDF-n.m" anywhere in the first 1024 bytes (junk before it is common); only asked once
     * no other format's signature matched, so a "%PDF-" inside an EMF or a ZIP header is not a PDF.
     */
    private static boolean hasPdfHeaderNearStart(byte[] h) {
        byte[] sig = Magic.PDF.bytes();
        int at = SniffBytes.indexOf(h, sig, 0, 1024);
        return at >= 0 && at + 5 < h.length && h[at + 5] >= '1' && h[at + 5] <= '9';
    }

    // ------------------------------------------------------------------ ISO BMFF

    private static FileType sniffIsoBmff(byte[] h, long fileSize) {
        if (h.length < 8) {
            return null;
        }
        long boxSize = SniffBytes.u32(h, 0);
        String type = SniffBytes.ascii(h, 4, 4);
        boolean sizeOk = boxSize == 0 || boxSize == 1 || (boxSize >= 8 && boxSize <= fileSize);
        if (!sizeOk) {
            return null;
        }
        if ("ftyp".equals(type)) {
            if (h.length < 12 || (boxSize != 0 && boxSize != 1 && boxSize < 12)) {
                return null;
            }
            String major = SniffBytes.ascii(h, 8, 4);
            Set<String> brands = new HashSet<>();
            brands.add(major);
            int end = (int) Math.min(h.length, boxSize <= 1 ? 64 : boxSize);
            for (int p = 16; p + 4 <= end; p += 4) {
                brands.add(SniffBytes.ascii(h, p, 4));
            }
            if ("qt  ".equals(major)) {
                return FileType.QUICKTIME;
            }
            if (AVIF_BRANDS.contains(major)) {
                return FileType.UNKNOWN;
            }
            if (HEIC_BRANDS.contains(major)) {
                boolean generic = major.equals("mif1") || major.equals("msf1");
                boolean avif = brands.contains("avif") || brands.contains("avis");
                boolean heic = brands.stream().anyMatch(b -> HEIC_BRANDS.contains(b) && !b.startsWith("m"));
                if (generic && avif && !heic) {
                    return FileType.UNKNOWN;
                }
                return FileType.HEIC;
            }
            if (OTHER_FTYP_BRANDS.contains(major)) {
                return FileType.UNKNOWN;
            }
            return FileType.MP4;
        }
        if (QT_LEADING_ATOMS.contains(type)) {
            return FileType.QUICKTIME;
        }
        return null;
    }

    // ------------------------------------------------------------------ images

    private static boolean isBmp(byte[] h) {
        if (h.length < 18 || h[0] != 'B' || h[1] != 'M') {
            return false;
        }
        // reserved fields are zero; the DIB header has one of the known sizes
        if (SniffBytes.u16(h, 6) != 0 || SniffBytes.u16(h, 8) != 0) {
            return false;
        }
        long dib = SniffBytes.u32le(h, 14);
        return dib == 12 || dib == 16 || dib == 40 || dib == 52 || dib == 56 || dib == 64 || dib == 108
                || dib == 124;
    }

    // ------------------------------------------------------------------ markup and text

    /** The first characters (up to 1 KiB of bytes), lower-cased, without BOM and leading whitespace. */
    private static String textStart(byte[] h) {
        int off = 0;
        Charset cs = StandardCharsets.UTF_8;
        if (SniffBytes.startsWith(h, 0, 0xEF, 0xBB, 0xBF)) {
            off = 3;
        } else if (SniffBytes.startsWith(h, 0, 0xFF, 0xFE)) {
            off = 2;
            cs = StandardCharsets.UTF_16LE;
        } else if (SniffBytes.startsWith(h, 0, 0xFE, 0xFF)) {
            off = 2;
            cs = StandardCharsets.UTF_16BE;
        }
        int n = Math.min(h.length - off, 1024);
        String s = new String(h, off, n, cs);
        return s.stripLeading().toLowerCase(Locale.ROOT);
    }

    private static boolean looksLikeHtml(String s) {
        if (s.startsWith("<!doctype html") || s.startsWith("<html") || s.startsWith("<head")
                || s.startsWith("<body") || s.startsWith("<meta") || s.startsWith("<title")) {
            return true;
        }
        // XHTML or a comment before the root element (Word's "Save as Web Page" output)
        if (s.startsWith("<?xml") || s.startsWith("<!--") || s.startsWith("<!doctype")) {
            return s.contains("<html");
        }
        return false;
    }

    /**
     * Text if the bytes decode strictly (a multibyte sequence cut by the end of a partial buffer is
     * allowed) as UTF-8, UTF-16 with a BOM, or GB18030, and contain no control characters other than
     * tab, CR, LF and form feed.
     */
    static boolean isText(byte[] h, boolean complete) {
        if (SniffBytes.startsWith(h, 0, 0xFF, 0xFE)) {
            return decodesAsText(h, 2, StandardCharsets.UTF_16LE, complete);
        }
        if (SniffBytes.startsWith(h, 0, 0xFE, 0xFF)) {
            return decodesAsText(h, 2, StandardCharsets.UTF_16BE, complete);
        }
        int off = SniffBytes.startsWith(h, 0, 0xEF, 0xBB, 0xBF) ? 3 : 0;
        return decodesAsText(h, off, StandardCharsets.UTF_8, complete)
                || (off == 0 && decodesAsText(h, 0, Charset.forName("GB18030"), complete));
    }

    private static boolean decodesAsText(byte[] h, int off, Charset cs, boolean complete) {
        CharsetDecoder dec = cs.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(h, off, h.length - off);
        CharBuffer out = CharBuffer.allocate(h.length - off + 16);
        CoderResult r = dec.decode(in, out, complete);
        if (r.isError()) {
            return false;
        }
        if (complete) {
            if (dec.flush(out).isError()) {
                return false;
            }
        } else if (in.remaining() > 6) {
            return false; // only a cut sequence may remain at the end of a partial buffer
        }
        out.flip();
        for (int i = 0; i < out.length(); i++) {
            char c = out.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') || (c >= 0x7F && c <= 0x9F)) {
                return false;
            }
        }
        return true;
    }
}

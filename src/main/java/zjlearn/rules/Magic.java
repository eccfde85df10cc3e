package zjlearn.rules;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The one table of fixed magic numbers in zjlearn: signatures at fixed offsets that name a format outright.
 * {@link TypeSniffer}, the video probe, the PNG reader and the archive reader all use it. Formats told apart by
 * structure rather than by a fixed signature (what an OLE2 or ZIP container holds, ISO base media, BMP, text, a PDF
 * header after some junk) are decided in {@link TypeSniffer}; the old Office formats POI names (RTF, BIFF2-4, Word 2,
 * Write, WMF/EMF, HTML) by POI's {@code FileMagic}.
 */
public final class Magic {
    /**
     * One signature: {@code pattern} at offset 0, where -1 matches any byte.
     *
     * @param type the file type, or {@link FileType#UNKNOWN} for a format zjlearn names but does not read
     * @param name the format's name in English, for details
     */
    public record Signature(FileType type, String name, int[] pattern) {
        /** Whether {@code h} starts with this signature. */
        public boolean matches(byte[] h) {
            if (h.length < pattern.length) {
                return false;
            }
            for (int i = 0; i < pattern.length; i++) {
                if (pattern[i] >= 0 && (h[i] & 0xFF) != pattern[i]) {
                    return false;
                }
            }
            return true;
        }

        /** The signature as bytes, for a search; it has no wildcard. */
        public byte[] bytes() {
            byte[] b = new byte[pattern.length];
            for (int i = 0; i < pattern.length; i++) {
                if (pattern[i] < 0) {
                    throw new IllegalStateException(name + " has a wildcard");
                }
                b[i] = (byte) pattern[i];
            }
            return b;
        }
    }

    private static final int ANY = -1;

    public static final Signature PNG = sig(FileType.PNG, "PNG", 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A);
    public static final Signature PDF = sig(FileType.PDF, "PDF", "%PDF-");
    /** A ZIP local file header, which starts an ordinary ZIP file and every entry in it. */
    public static final Signature ZIP_LOCAL = sig(FileType.ZIP, "ZIP", 'P', 'K', 3, 4);
    /** RAR 5 (RAR 4 has 0 where RAR 5 has 1). */
    public static final Signature RAR5 = sig(FileType.RAR, "RAR 5", 'R', 'a', 'r', '!', 0x1A, 0x07, 0x01);
    /**
     * An OLE2 compound file (Word 97, Excel 97, an encrypted OOXML file...): what it is depends on its directory, so
     * it is not in the table.
     */
    public static final Signature OLE2 =
            sig(FileType.UNKNOWN, "OLE2 compound file", 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1);

    private static final List<Signature> TABLE = List.of(
            sig(FileType.JPEG, "JPEG", 0xFF, 0xD8, 0xFF),
            PNG,
            sig(FileType.GIF, "GIF", "GIF87a"),
            sig(FileType.GIF, "GIF", "GIF89a"),
            sig(FileType.TIFF, "TIFF", 'I', 'I', 0x2A, 0x00),
            sig(FileType.TIFF, "TIFF", 'M', 'M', 0x00, 0x2A),
            sig(FileType.TIFF, "BigTIFF", 'I', 'I', 0x2B, 0x00, 0x08, 0x00, 0x00, 0x00),
            sig(FileType.TIFF, "BigTIFF", 'M', 'M', 0x00, 0x2B, 0x00, 0x08, 0x00, 0x00),
            sig(FileType.WEBP, "WebP", 'R', 'I', 'F', 'F', ANY, ANY, ANY, ANY, 'W', 'E', 'B', 'P'),
            sig(FileType.AVI, "AVI", 'R', 'I', 'F', 'F', ANY, ANY, ANY, ANY, 'A', 'V', 'I', ' '),
            sig(FileType.UNKNOWN, "RIFF (WAV or other)", 'R', 'I', 'F', 'F', ANY, ANY, ANY, ANY),
            sig(FileType.MATROSKA, "Matroska/WebM", 0x1A, 0x45, 0xDF, 0xA3),
            PDF,
            ZIP_LOCAL,
            sig(FileType.ZIP, "ZIP", 'P', 'K', 5, 6),
            sig(FileType.ZIP, "ZIP", 'P', 'K', 7, 8),
            RAR5,
            sig(FileType.RAR, "RAR", 'R', 'a', 'r', '!', 0x1A, 0x07),
            sig(FileType.SEVEN_ZIP, "7z", '7', 'z', 0xBC, 0xAF, 0x27, 0x1C),
            sig(FileType.UNKNOWN, "FLV video", 'F', 'L', 'V', 1),
            sig(FileType.UNKNOWN, "ASF/WMV video", 0x30, 0x26, 0xB2, 0x75, 0x8E, 0x66, 0xCF, 0x11),
            sig(FileType.UNKNOWN, "MPEG program stream", 0x00, 0x00, 0x01, 0xBA));

    private Magic() {
    }

    /** The type the first bytes name by their signature, or null. */
    public static FileType type(byte[] header) {
        Signature s = match(header);
        return s == null ? null : s.type();
    }

    /** The signature the first bytes start with, or null. */
    public static Signature match(byte[] header) {
        for (Signature s : TABLE) {
            if (s.matches(header)) {
                return s;
            }
        }
        return null;
    }

    private static Signature sig(FileType type, String name, int... pattern) {
        return new Signature(type, name, pattern);
    }

    private static Signature sig(FileType type, String name, String ascii) {
        byte[] b = ascii.getBytes(StandardCharsets.US_ASCII);
        int[] p = new int[b.length];
        for (int i = 0; i < b.length; i++) {
            p[i] = b[i];
        }
        return new Signature(type, name, p);
    }
}

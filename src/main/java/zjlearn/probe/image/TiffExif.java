package zjlearn.probe.image;

/**
 * Reads the few IFD0 tags the probe needs from an EXIF TIFF block (the payload of a JPEG APP1 "Exif"
 * segment after its 6-byte signature, or a PNG eXIf chunk): Orientation (0x0112), XResolution (0x011A),
 * YResolution (0x011B) and ResolutionUnit (0x0128). Both byte orders; every offset is checked against
 * the block, so a hostile block can at worst yield "absent".
 */
final class TiffExif {
    static final int TAG_ORIENTATION = 0x0112;
    static final int TAG_X_RESOLUTION = 0x011A;
    static final int TAG_Y_RESOLUTION = 0x011B;
    static final int TAG_RESOLUTION_UNIT = 0x0128;
    static final int TAG_MAKE = 0x010F;
    static final int TAG_MODEL = 0x0110;

    /** EXIF orientation 1–8, or 0 when absent or invalid. */
    int orientation;
    Double xResolution;
    Double yResolution;
    /** 1 = no absolute unit, 2 = inch (the TIFF default), 3 = centimetre. */
    int resolutionUnit = 2;
    /** Whether IFD0 names the camera (Make or Model): what a camera or phone camera writes and a screenshot lacks. */
    boolean camera;

    private final byte[] b;
    private final int off;
    private final int len;
    private boolean little;

    private TiffExif(byte[] b, int off, int len) {
        this.b = b;
        this.off = off;
        this.len = len;
    }

    static TiffExif parse(byte[] bytes, int offset, int length) {
        TiffExif t = new TiffExif(bytes, offset, Math.max(0, Math.min(length, bytes.length - offset)));
        t.run();
        return t;
    }

    /** Horizontal dpi, or null when absent, unit-less or implausible. */
    Double dpiX() {
        return toDpi(xResolution);
    }

    Double dpiY() {
        return toDpi(yResolution);
    }

    private Double toDpi(Double v) {
        if (v == null) {
            return null;
        }
        double dpi;
        if (resolutionUnit == 2) {
            dpi = v;
        } else if (resolutionUnit == 3) {
            dpi = v * 2.54;
        } else {
            return null;
        }
        return ImageProbe.plausibleDpi(dpi);
    }

    private void run() {
        if (len < 8) {
            return;
        }
        if (b[off] == 'I' && b[off + 1] == 'I') {
            little = true;
        } else if (b[off] == 'M' && b[off + 1] == 'M') {
            little = false;
        } else {
            return;
        }
        if (u16(2) != 42) {
            return;
        }
        long ifd = u32(4);
        if (ifd < 8 || ifd > len - 2) {
            return;
        }
        int p = (int) ifd;
        int count = u16(p);
        int max = (len - p - 2) / 12;
        count = Math.min(count, max);
        for (int i = 0; i < count; i++) {
            int e = p + 2 + i * 12;
            int tag = u16(e);
            int type = u16(e + 2);
            long n = u32(e + 4);
            if (n < 1) {
                continue;
            }
            switch (tag) {
                case TAG_ORIENTATION -> {
                    long v = integer(type, e + 8);
                    orientation = v >= 1 && v <= 8 ? (int) v : 0;
                }
                case TAG_RESOLUTION_UNIT -> {
                    long v = integer(type, e + 8);
                    if (v >= 1 && v <= 3) {
                        resolutionUnit = (int) v;
                    }
                }
                case TAG_MAKE, TAG_MODEL -> camera = true;
                case TAG_X_RESOLUTION -> xResolution = number(type, e + 8);
                case TAG_Y_RESOLUTION -> yResolution = number(type, e + 8);
                default -> { }
            }
        }
    }

    /** A SHORT or LONG stored inline in the entry's value field; -1 for other types. */
    private long integer(int type, int field) {
        return switch (type) {
            case 3 -> u16(field);
            case 4 -> u32(field);
            default -> -1;
        };
    }

    /** A RATIONAL (at an offset) or an inline SHORT/LONG; null when unusable. */
    private Double number(int type, int field) {
        if (type == 5) {
            long at = u32(field);
            if (at < 8 || at > len - 8) {
                return null;
            }
            long num = u32((int) at);
            long den = u32((int) at + 4);
            return den == 0 ? null : (double) num / den;
        }
        long v = integer(type, field);
        return v > 0 ? (double) v : null;
    }

    private int u8(int i) {
        return b[off + i] & 0xFF;
    }

    private int u16(int i) {
        return little ? u8(i) | u8(i + 1) << 8 : u8(i) << 8 | u8(i + 1);
    }

    private long u32(int i) {
        long lo = u16(little ? i : i + 2);
        long hi = u16(little ? i + 2 : i);
        return hi << 16 | lo;
    }
}

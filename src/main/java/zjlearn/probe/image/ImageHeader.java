package zjlearn.probe.image;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import zjlearn.rules.Magic;
import zjlearn.probe.ProbeException;

/**
 * What a JPEG or PNG says about itself before its pixel data: size, component layout, EXIF orientation,
 * resolution. Read by walking JPEG markers up to the first SOS, or PNG chunks up to the first IDAT,
 * with every length checked against the file.
 */
final class ImageHeader {
    /** Give up on a marker/chunk walk after this many segments (a hostile file could hold millions). */
    private static final int MAX_SEGMENTS = 10_000;
    /** Junk between JPEG segments that libjpeg would skip; we skip up to this much too. */
    private static final int MAX_JUNK_BYTES = 1 << 20;

    final String format;
    int width;
    int height;
    /** EXIF orientation 1–8 (1 when absent). */
    int orientation = 1;
    /** EXIF names a camera (Make/Model). */
    boolean camera;
    Double dpiX;
    Double dpiY;
    /** Compressed pixel data follows the headers (a JPEG SOS or PNG IDAT with bytes behind it). */
    boolean imageData;

    // JPEG
    /** JPEG frame components (Nf); for PNG the channel count of the colour type. */
    int components;
    int sofMarker = -1;
    /** Progressive or non-interleaved JPEG: libjpeg buffers the coefficients of the whole image. */
    boolean multiScan;
    /** Native memory libjpeg needs for that whole-image coefficient buffer. */
    long coefficientBytes;
    /** The first scan carries the DC coefficients of every component: its pass alone shows the colours. */
    boolean firstScanHasAllDc;
    /** Adobe APP14 colour transform: 0 = none (RGB/CMYK), 1 = YCbCr, 2 = YCCK; -1 without APP14. */
    int adobeTransform = -1;

    // PNG
    int pngColourType = -1;
    int pngBitDepth;
    byte[] palette;

    private ImageHeader(String format) {
        this.format = format;
    }

    /**
     * Colour as far as the header can tell: {@code false} when the layout has no chroma at all
     * (one-component JPEG, PNG colour type 0/4, or a palette of only grey entries), {@code true} otherwise
     * (the layout <em>can</em> hold colour; only decoding can tell whether it does).
     */
    boolean colourFromHeader() {
        if ("png".equals(format)) {
            if (pngColourType == 0 || pngColourType == 4) {
                return false;
            }
            if (pngColourType == 3 && palette != null) {
                ChromaCounter c = new ChromaCounter();
                for (int i = 0; i + 2 < palette.length; i += 3) {
                    c.add(palette[i] & 0xFF, palette[i + 1] & 0xFF, palette[i + 2] & 0xFF);
                }
                return c.anyChroma();
            }
            return true;
        }
        return components != 1;
    }

    // ---------------------------------------------------------------- JPEG

    static ImageHeader readJpeg(ByteSource in) throws IOException, ProbeException {
        ImageHeader h = new ImageHeader("jpeg");
        if (in.read() != 0xFF || in.read() != 0xD8) {
            throw new ProbeException(ProbeException.Kind.UNREADABLE, "not a JPEG (no SOI marker)");
        }
        Double jfifX = null;
        Double jfifY = null;
        TiffExif exif = null;
        long junk = 0;
        for (int segments = 0; segments < MAX_SEGMENTS; ) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            if (b != 0xFF) {
                if (++junk > MAX_JUNK_BYTES) {
                    break;
                }
                continue;
            }
            int m = in.read();
            while (m == 0xFF) {
                m = in.read();
            }
            if (m < 0) {
                break;
            }
            if (m == 0x00 || m == 0x01 || m == 0xD8 || (m >= 0xD0 && m <= 0xD7)) {
                continue; // stuffed byte, TEM, stray SOI, RSTn: no length
            }
            if (m == 0xD9) {
                break; // EOI before any scan
            }
            segments++;
            int len = in.readU16();
            if (len < 2) {
                break;
            }
            long start = in.pos();
            int payload = len - 2;
            if (isSof(m)) {
                if (h.sofMarker < 0) {
                    h.readSof(m, in.readBytes(payload));
                }
            } else if (m == 0xE0) {
                byte[] p = in.readBytes(Math.min(payload, 14));
                if (p.length >= 12 && startsWith(p, "JFIF\0")) {
                    int units = p[7] & 0xFF;
                    int x = (p[8] & 0xFF) << 8 | (p[9] & 0xFF);
                    int y = (p[10] & 0xFF) << 8 | (p[11] & 0xFF);
                    double f = units == 1 ? 1.0 : units == 2 ? 2.54 : 0;
                    if (f > 0 && x > 0 && y > 0) {
                        jfifX = ImageProbe.plausibleDpi(x * f);
                        jfifY = ImageProbe.plausibleDpi(y * f);
                    }
                }
            } else if (m == 0xE1 && exif == null) {
                byte[] p = in.readBytes(payload);
                if (p.length >= 14 && startsWith(p, "Exif\0")) {
                    exif = TiffExif.parse(p, 6, p.length - 6);
                }
            } else if (m == 0xEE) {
                byte[] p = in.readBytes(Math.min(payload, 12));
                if (p.length >= 12 && startsWith(p, "Adobe")) {
                    h.adobeTransform = p[11] & 0xFF;
                }
            } else if (m == 0xDA) {
                byte[] p = in.readBytes(payload);
                int ns = p.length > 0 ? p[0] & 0xFF : 0;
                if (h.sofMarker >= 0 && ns > 0 && ns < h.components) {
                    h.multiScan = true; // non-interleaved scans: whole-image buffer as for progressive
                }
                if (p.length >= 1 + 2 * ns + 1) {
                    int ss = p[1 + 2 * ns] & 0xFF;
                    h.firstScanHasAllDc = ns == h.components && ss == 0;
                }
                h.imageData = start + payload < in.length();
                break;
            }
            if (start + payload > in.length()) {
                break; // segment cut off by the end of the file
            }
            in.seek(start + payload);
        }
        if (h.sofMarker < 0) {
            throw new ProbeException(ProbeException.Kind.UNREADABLE,
                    "JPEG has no frame header (SOF): truncated or corrupt");
        }
        if (h.width <= 0 || h.height <= 0) {
            throw new ProbeException(ProbeException.Kind.UNREADABLE,
                    "JPEG frame header gives no size (" + h.width + "x" + h.height + ")");
        }
        if (exif != null && exif.orientation > 0) {
            h.orientation = exif.orientation;
        }
        h.camera = exif != null && exif.camera;
        if (jfifX != null || jfifY != null) {
            h.dpiX = jfifX;
            h.dpiY = jfifY;
        } else if (exif != null) {
            h.dpiX = exif.dpiX();
            h.dpiY = exif.dpiY();
        }
        return h;
    }

    private static boolean isSof(int m) {
        return m >= 0xC0 && m <= 0xCF && m != 0xC4 && m != 0xC8 && m != 0xCC;
    }

    private void readSof(int marker, byte[] p) {
        if (p.length < 6) {
            return;
        }
        sofMarker = marker;
        height = (p[1] & 0xFF) << 8 | (p[2] & 0xFF);
        width = (p[3] & 0xFF) << 8 | (p[4] & 0xFF);
        components = p[5] & 0xFF;
        multiScan = marker == 0xC2 || marker == 0xC6 || marker == 0xCA || marker == 0xCE;
        int n = Math.min(components, (p.length - 6) / 3);
        int hMax = 1;
        int vMax = 1;
        for (int i = 0; i < n; i++) {
            int hv = p[6 + i * 3 + 1] & 0xFF;
            hMax = Math.max(hMax, Math.max(1, hv >> 4));
            vMax = Math.max(vMax, Math.max(1, hv & 0x0F));
        }
        long bytes = 0;
        for (int i = 0; i < components; i++) {
            int hs = 1;
            int vs = 1;
            if (i < n) {
                int hv = p[6 + i * 3 + 1] & 0xFF;
                hs = Math.max(1, hv >> 4);
                vs = Math.max(1, hv & 0x0F);
            }
            long cw = ceilDiv((long) width * hs, hMax);
            long ch = ceilDiv((long) height * vs, vMax);
            bytes += ceilDiv(cw, 8L * hs) * hs * ceilDiv(ch, 8L * vs) * vs * 128L; // 64 coefficients x 2 bytes
        }
        coefficientBytes = bytes;
    }

    // ---------------------------------------------------------------- PNG

    static ImageHeader readPng(ByteSource in) throws IOException, ProbeException {
        ImageHeader h = new ImageHeader("png");
        byte[] sig = in.readBytes(8);
        if (!Magic.PNG.matches(sig)) {
            throw new ProbeException(ProbeException.Kind.UNREADABLE, "not a PNG (bad signature)");
        }
        boolean ihdr = false;
        for (int chunks = 0; chunks < MAX_SEGMENTS && in.remaining() >= 8; chunks++) {
            long len = in.readU32();
            byte[] t = in.readBytes(4);
            String type = new String(t, StandardCharsets.ISO_8859_1);
            long start = in.pos();
            if (len < 0 || len > Integer.MAX_VALUE) {
                break;
            }
            if (!ihdr) {
                if (!"IHDR".equals(type) || len < 13) {
                    throw new ProbeException(ProbeException.Kind.UNREADABLE, "PNG does not start with IHDR");
                }
                if (start + 13 > in.length()) {
                    throw new ProbeException(ProbeException.Kind.UNREADABLE, "PNG header (IHDR) is cut off");
                }
                long w = in.readU32();
                long hh = in.readU32();
                h.pngBitDepth = in.read();
                h.pngColourType = in.read();
                if (w <= 0 || hh <= 0 || w > Integer.MAX_VALUE || hh > Integer.MAX_VALUE) {
                    throw new ProbeException(ProbeException.Kind.UNREADABLE,
                            "PNG header gives an invalid size (" + w + "x" + hh + ")");
                }
                h.width = (int) w;
                h.height = (int) hh;
                h.components = switch (h.pngColourType) {
                    case 0, 3 -> 1;
                    case 2 -> 3;
                    case 4 -> 2;
                    case 6 -> 4;
                    default -> throw new ProbeException(ProbeException.Kind.UNREADABLE,
                            "PNG header gives an invalid colour type " + h.pngColourType);
                };
                ihdr = true;
            } else if ("PLTE".equals(type) && len <= 768 && len % 3 == 0) {
                h.palette = in.readBytes((int) len);
            } else if ("pHYs".equals(type) && len == 9) {
                long x = in.readU32();
                long y = in.readU32();
                int unit = in.read();
                if (unit == 1 && x > 0 && y > 0) {
                    h.dpiX = ImageProbe.plausibleDpi(x * 0.0254);
                    h.dpiY = ImageProbe.plausibleDpi(y * 0.0254);
                }
            } else if ("eXIf".equals(type) && len <= 1 << 20) {
                byte[] p = in.readBytes((int) len);
                TiffExif exif = TiffExif.parse(p, 0, p.length);
                if (exif.orientation > 0) {
                    h.orientation = exif.orientation;
                }
                h.camera = exif.camera;
            } else if ("IDAT".equals(type)) {
                h.imageData = len > 0 && start < in.length();
                break;
            } else if ("IEND".equals(type)) {
                break;
            }
            in.seek(start + len + 4); // data + CRC
        }
        if (!ihdr) {
            throw new ProbeException(ProbeException.Kind.UNREADABLE, "PNG header (IHDR) is missing or cut off");
        }
        return h;
    }

    private static boolean startsWith(byte[] p, String s) {
        if (p.length < s.length()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (p[i] != (byte) s.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }
}

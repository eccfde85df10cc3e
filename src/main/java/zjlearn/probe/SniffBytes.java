package zjlearn.probe;

import java.nio.charset.StandardCharsets;

/**
 * Reading numbers, signatures and ASCII out of a file's first bytes, for the sniffers ({@link TypeSniffer},
 * {@link ZipSniffer}, {@link Ole2Sniffer}): each reads a header buffer, never the file. Callers check the
 * length before they read a field.
 */
final class SniffBytes {
    private SniffBytes() {
    }

    static boolean startsWith(byte[] h, int at, int... bytes) {
        if (at + bytes.length > h.length) {
            return false;
        }
        for (int i = 0; i < bytes.length; i++) {
            if ((h[at + i] & 0xFF) != (bytes[i] & 0xFF)) {
                return false;
            }
        }
        return true;
    }

    static String ascii(byte[] h, int at, int len) {
        return new String(h, at, len, StandardCharsets.ISO_8859_1);
    }

    static int indexOf(byte[] h, byte[] needle, int from, int limit) {
        int end = Math.min(h.length, limit) - needle.length;
        outer:
        for (int i = from; i <= end; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (h[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    static byte[] utf16le(String s) {
        return s.getBytes(StandardCharsets.UTF_16LE);
    }

    static int u16(byte[] h, int at) {
        return (h[at] & 0xFF) | (h[at + 1] & 0xFF) << 8;
    }

    /** Little-endian for ZIP/BMP fields. */
    static long u32le(byte[] h, int at) {
        return (h[at] & 0xFFL) | (h[at + 1] & 0xFFL) << 8 | (h[at + 2] & 0xFFL) << 16 | (h[at + 3] & 0xFFL) << 24;
    }

    /** Big-endian, for ISO BMFF box sizes. */
    static long u32(byte[] h, int at) {
        return (h[at] & 0xFFL) << 24 | (h[at + 1] & 0xFFL) << 16 | (h[at + 2] & 0xFFL) << 8 | (h[at + 3] & 0xFFL);
    }
}

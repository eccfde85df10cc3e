package zjlearn.probe.video;

import java.nio.charset.StandardCharsets;

/** Big-endian fields of ISO BMFF boxes. */
final class Mp4Bytes {
    private Mp4Bytes() {
    }

    static long u32(byte[] b, int p) {
        return ((long) (b[p] & 0xFF) << 24) | ((b[p + 1] & 0xFF) << 16) | ((b[p + 2] & 0xFF) << 8) | (b[p + 3] & 0xFF);
    }

    static int u16(byte[] b, int p) {
        return ((b[p] & 0xFF) << 8) | (b[p + 1] & 0xFF);
    }

    /** A 64-bit big-endian value; values of 2^63 and above come back negative. */
    static long s64(byte[] b, int p) {
        return (u32(b, p) << 32) | u32(b, p + 4);
    }

    static String fourcc(byte[] b, int p) {
        return new String(b, p, 4, StandardCharsets.ISO_8859_1);
    }
}

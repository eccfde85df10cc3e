package zjlearn.probe.image;

import java.io.IOException;
import java.util.Arrays;
import javax.imageio.stream.ImageInputStream;

/**
 * Bounded reads for header parsing over a (buffered) {@link ImageInputStream}: every read stops at the
 * file length and reports the end as -1 or a short array; nothing here trusts a length field read from
 * the file.
 */
final class ByteSource {
    private final ImageInputStream in;
    private final long length;

    ByteSource(ImageInputStream in, long length) {
        this.in = in;
        this.length = length;
    }

    long pos() throws IOException {
        return in.getStreamPosition();
    }

    long length() {
        return length;
    }

    long remaining() throws IOException {
        return Math.max(0, length - pos());
    }

    void seek(long p) throws IOException {
        in.seek(Math.max(0, Math.min(p, length)));
    }

    /** Next byte 0–255, or -1 at the end of the file. */
    int read() throws IOException {
        return in.read();
    }

    /** Big-endian unsigned 16-bit value, or -1 at the end of the file. */
    int readU16() throws IOException {
        int a = read();
        int b = read();
        return (a | b) < 0 ? -1 : (a << 8) | b;
    }

    /** Big-endian unsigned 32-bit value, or -1 at the end of the file. */
    long readU32() throws IOException {
        int a = readU16();
        int b = readU16();
        return (a | b) < 0 ? -1 : ((long) a << 16) | b;
    }

    /** Up to {@code n} bytes; fewer when the file ends first. */
    byte[] readBytes(int n) throws IOException {
        int want = (int) Math.min(Math.max(n, 0), remaining());
        byte[] out = new byte[want];
        int got = 0;
        while (got < want) {
            int r = in.read(out, got, want - got);
            if (r < 0) {
                return Arrays.copyOf(out, got);
            }
            got += r;
        }
        return out;
    }
}

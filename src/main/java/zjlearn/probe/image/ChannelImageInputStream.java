package zjlearn.probe.image;

import zjlearn.probe.OpenedFile;

import java.io.IOException;
import java.nio.ByteBuffer;
import javax.imageio.stream.ImageInputStreamImpl;

/**
 * A buffered, seekable {@link javax.imageio.stream.ImageInputStream} over an {@link OpenedFile}.
 * {@code FileImageInputStream} makes one system call per {@code read()}, and the JDK's JPEG reader scans
 * byte by byte when it skips to EOI; this keeps that cheap without loading the file into memory.
 */
final class ChannelImageInputStream extends ImageInputStreamImpl {
    private static final int BUFFER = 64 * 1024;

    private final OpenedFile file;
    private final long length;
    private final ByteBuffer buf = ByteBuffer.allocate(BUFFER);
    /** File position of {@code buf[0]}; the buffer holds {@code buf.limit()} valid bytes. */
    private long bufStart;

    /** Reads {@code file}, which stays open: its owner closes it. */
    ChannelImageInputStream(OpenedFile file) {
        this.file = file;
        this.length = file.size();
        buf.limit(0);
    }

    @Override
    public long length() {
        return length;
    }

    @Override
    public int read() throws IOException {
        checkClosed();
        bitOffset = 0;
        if (!buffered(streamPos) && !fill(streamPos)) {
            return -1;
        }
        int b = buf.get((int) (streamPos - bufStart)) & 0xFF;
        streamPos++;
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        checkClosed();
        if (off < 0 || len < 0 || off + len > b.length || off + len < 0) {
            throw new IndexOutOfBoundsException("off=" + off + " len=" + len + " length=" + b.length);
        }
        bitOffset = 0;
        if (len == 0) {
            return 0;
        }
        if (streamPos >= length) {
            return -1;
        }
        if (!buffered(streamPos)) {
            if (len >= BUFFER) {
                int n = file.read(ByteBuffer.wrap(b, off, len), streamPos);
                if (n > 0) {
                    streamPos += n;
                }
                return n;
            }
            if (!fill(streamPos)) {
                return -1;
            }
        }
        int at = (int) (streamPos - bufStart);
        int n = Math.min(len, buf.limit() - at);
        buf.get(at, b, off, n);
        streamPos += n;
        return n;
    }


    private boolean buffered(long pos) {
        return pos >= bufStart && pos < bufStart + buf.limit();
    }

    private boolean fill(long pos) throws IOException {
        if (pos >= length) {
            return false;
        }
        buf.clear();
        bufStart = pos;
        while (buf.hasRemaining()) {
            if (file.read(buf, pos + buf.position()) <= 0) {
                break;
            }
        }
        buf.flip();
        return buf.limit() > 0;
    }
}

package zjlearn.probe.video;

import java.nio.ByteBuffer;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.SeekableByteChannel;

/** A read-only in-memory channel, so tests that probe thousands of variants need no disk. */
public final class MemoryChannel implements SeekableByteChannel {
    private final byte[] data;
    private final int length;
    private long pos;
    private boolean open = true;

    public MemoryChannel(byte[] data, int length) {
        this.data = data;
        this.length = length;
    }

    @Override
    public int read(ByteBuffer dst) {
        if (pos >= length) {
            return -1;
        }
        int n = (int) Math.min(dst.remaining(), length - pos);
        dst.put(data, (int) pos, n);
        pos += n;
        return n;
    }

    @Override
    public int write(ByteBuffer src) {
        throw new NonWritableChannelException();
    }

    @Override
    public long position() {
        return pos;
    }

    @Override
    public SeekableByteChannel position(long newPosition) {
        pos = newPosition;
        return this;
    }

    @Override
    public long size() {
        return length;
    }

    @Override
    public SeekableByteChannel truncate(long size) {
        throw new NonWritableChannelException();
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public void close() {
        open = false;
    }
}

package zjlearn.archive;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;

/**
 * A read-only window {@code [offset, offset + size)} of an archive file: how an entry stored without
 * compression is read in place. Positional reads go to the archive's channel, so several windows may be
 * read at once; closing a window leaves the archive open.
 */
final class SliceChannel extends FileChannel {
    private final FileChannel archive;
    private final long offset;
    private final long size;
    private long position;

    SliceChannel(FileChannel archive, long offset, long size) {
        this.archive = archive;
        this.offset = offset;
        this.size = size;
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        int n = read(dst, position);
        if (n > 0) {
            position += n;
        }
        return n;
    }

    @Override
    public long read(ByteBuffer[] dsts, int off, int length) throws IOException {
        long total = 0;
        for (int i = off; i < off + length; i++) {
            int n = read(dsts[i]);
            if (n < 0) {
                return total == 0 ? -1 : total;
            }
            total += n;
            if (dsts[i].hasRemaining()) {
                break;
            }
        }
        return total;
    }

    @Override
    public int read(ByteBuffer dst, long at) throws IOException {
        ensureOpen();
        if (at < 0) {
            throw new IllegalArgumentException("negative position");
        }
        if (at >= size) {
            return -1;
        }
        if (!dst.hasRemaining()) {
            return 0;
        }
        int want = (int) Math.min(dst.remaining(), size - at);
        ByteBuffer window = dst.slice(dst.position(), want);
        int n = archive.read(window, offset + at);
        if (n < 0) {
            throw new IOException("the archive ends inside an entry (truncated archive)");
        }
        dst.position(dst.position() + n);
        return n;
    }

    @Override
    public int write(ByteBuffer src) {
        throw new NonWritableChannelException();
    }

    @Override
    public long write(ByteBuffer[] srcs, int off, int length) {
        throw new NonWritableChannelException();
    }

    @Override
    public int write(ByteBuffer src, long at) {
        throw new NonWritableChannelException();
    }

    @Override
    public long position() throws IOException {
        ensureOpen();
        return position;
    }

    @Override
    public FileChannel position(long newPosition) throws IOException {
        ensureOpen();
        if (newPosition < 0) {
            throw new IllegalArgumentException("negative position");
        }
        position = newPosition;
        return this;
    }

    @Override
    public long size() throws IOException {
        ensureOpen();
        return size;
    }

    @Override
    public FileChannel truncate(long newSize) {
        throw new NonWritableChannelException();
    }

    @Override
    public void force(boolean metaData) {
        // nothing is ever written
    }

    @Override
    public long transferTo(long at, long count, WritableByteChannel target) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(Math.max(count, 0), 1 << 16));
        long done = 0;
        while (done < count) {
            buffer.clear().limit((int) Math.min(buffer.capacity(), count - done));
            int n = read(buffer, at + done);
            if (n <= 0) {
                break;
            }
            buffer.flip();
            while (buffer.hasRemaining()) {
                target.write(buffer);
            }
            done += n;
        }
        return done;
    }

    @Override
    public long transferFrom(ReadableByteChannel src, long at, long count) {
        throw new NonWritableChannelException();
    }

    @Override
    public MappedByteBuffer map(MapMode mode, long at, long length) throws IOException {
        if (mode != MapMode.READ_ONLY) {
            throw new NonWritableChannelException();
        }
        if (at < 0 || length < 0 || at + length > size) {
            throw new IllegalArgumentException("outside the entry");
        }
        return archive.map(MapMode.READ_ONLY, offset + at, length);
    }

    @Override
    public FileLock lock(long at, long length, boolean shared) {
        throw new UnsupportedOperationException("archive entries cannot be locked");
    }

    @Override
    public FileLock tryLock(long at, long length, boolean shared) {
        throw new UnsupportedOperationException("archive entries cannot be locked");
    }

    @Override
    protected void implCloseChannel() {
        // the archive's channel belongs to the archive
    }

    private void ensureOpen() throws IOException {
        if (!isOpen() || !archive.isOpen()) {
            throw new java.nio.channels.ClosedChannelException();
        }
    }
}

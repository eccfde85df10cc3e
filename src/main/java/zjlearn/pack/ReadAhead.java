package zjlearn.pack;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * An input stream that reads its source ahead on a thread of its own, a few large blocks at a time, so
 * that reading from disk overlaps what the caller does with the bytes (hashing, in {@code verify}): a file
 * that comes cold from disk is then checked about as fast as one in memory. Memory: {@value #BLOCKS}
 * blocks of {@value #BLOCK_SIZE} bytes. Closing the stream stops the thread and closes the source.
 */
final class ReadAhead extends InputStream {
    static final int BLOCK_SIZE = 1 << 20;
    static final int BLOCKS = 4;

    /** A filled block, the end of the source ({@code length < 0}), or a failure. */
    private record Block(byte[] bytes, int length, IOException failure) {
    }

    private final InputStream source;
    private final BlockingQueue<byte[]> free = new ArrayBlockingQueue<>(BLOCKS);
    private final BlockingQueue<Block> filled = new ArrayBlockingQueue<>(BLOCKS + 1);
    private final Thread reader;
    private volatile boolean closed;
    private Block current;
    private int offset;
    private boolean ended;

    ReadAhead(InputStream source) {
        this.source = source;
        for (int i = 0; i < BLOCKS; i++) {
            free.add(new byte[BLOCK_SIZE]);
        }
        reader = new Thread(this::fill, "verify-read-ahead");
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * The reader thread. Whatever happens, it queues an end or a failure last, and the bytes read before a
     * failure come first: the caller sees every byte the source gave.
     */
    private void fill() {
        try {
            while (!closed) {
                byte[] block = free.take();
                int length = 0;
                try {
                    while (length < block.length) {
                        int n = source.read(block, length, block.length - length);
                        if (n < 0) {
                            break;
                        }
                        length += n;
                    }
                } catch (Throwable e) {
                    if (length > 0) {
                        filled.put(new Block(block, length, null));
                    }
                    filled.put(new Block(null, -1, e instanceof IOException io ? io
                            : new IOException(e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()), e)));
                    return;
                }
                if (length == 0) {
                    filled.put(new Block(block, -1, null));
                    return;
                }
                filled.put(new Block(block, length, null));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The block being read, or null at the end. */
    private Block block() throws IOException {
        if (ended) {
            return null;
        }
        if (current != null && offset < current.length()) {
            return current;
        }
        if (current != null) {
            free.add(current.bytes());
            current = null;
        }
        Block next;
        try {
            next = filled.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while reading");
        }
        if (next.failure() != null) {
            ended = true;
            throw next.failure();
        }
        if (next.length() < 0) {
            ended = true;
            return null;
        }
        current = next;
        offset = 0;
        return current;
    }

    @Override
    public int read() throws IOException {
        Block b = block();
        return b == null ? -1 : b.bytes()[offset++] & 0xFF;
    }

    @Override
    public int read(byte[] into, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        Block b = block();
        if (b == null) {
            return -1;
        }
        int n = Math.min(len, b.length() - offset);
        System.arraycopy(b.bytes(), offset, into, off, n);
        offset += n;
        return n;
    }

    /**
     * Stops the reader and closes the source. The reader is never interrupted: an interrupt would close the
     * zip file's channel under it (interruptible channels close themselves). It is let finish its block
     * instead, with the blocks it waits for handed back.
     */
    @Override
    public void close() throws IOException {
        closed = true;
        boolean interrupted = false;
        try {
            while (reader.isAlive()) {
                Block b = filled.poll();
                if (b != null && b.bytes() != null) {
                    free.offer(b.bytes());
                } else {
                    try {
                        reader.join(10);
                    } catch (InterruptedException e) {
                        interrupted = true;
                    }
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            source.close();
        }
    }
}

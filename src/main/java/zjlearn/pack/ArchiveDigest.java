package zjlearn.pack;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;

/**
 * The SHA-256 of an archive while it is being written. The zip writer patches each entry's local
 * header (CRC-32) after the entry's data, so the bytes of an entry are final only once the entry is
 * closed; the writer then says how far the file is final ({@link #advance}), and a background thread
 * reads that part back (from the page cache) and hashes it, overlapping the writing of the next
 * entries and, at the end, the forcing of the file to disk.
 */
final class ArchiveDigest implements AutoCloseable {
    /** Final bytes gathered before the thread is woken: many small entries cost one read, not one each. */
    private static final long BATCH = 1 << 20;
    private final FileChannel in;
    private final MessageDigest sha = PipedCopy.sha256();
    private final Thread thread;
    private long target;
    private long hashed;
    private boolean done;
    private IOException failure;

    ArchiveDigest(Path file) throws IOException {
        in = FileChannel.open(file, StandardOpenOption.READ);
        thread = new Thread(this::run, "pack-archive-digest");
        thread.setDaemon(true);
        thread.start();
    }

    /** The first {@code upTo} bytes of the file are final. */
    synchronized void advance(long upTo) {
        if (upTo > target) {
            target = upTo;
            if (target - hashed >= BATCH) {
                notifyAll();
            }
        }
    }

    /** The digest of the file's first {@code end} bytes, once they are all hashed. */
    byte[] finish(long end) throws IOException {
        synchronized (this) {
            advance(end);
            done = true;
            notifyAll();
        }
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while hashing the archive");
        }
        if (failure != null) {
            throw failure;
        }
        if (hashed != end) {
            throw new IOException("archive hashed up to " + hashed + " of " + end + " bytes");
        }
        return sha.digest();
    }

    private void run() {
        ByteBuffer buf = ByteBuffer.allocate(1 << 20);
        try {
            while (true) {
                long to;
                synchronized (this) {
                    while (target - hashed < BATCH && !done) {
                        wait();
                    }
                    if (target <= hashed) {
                        return;
                    }
                    to = target;
                }
                long position = hashed;
                while (position < to) {
                    buf.clear().limit((int) Math.min(buf.capacity(), to - position));
                    int n = in.read(buf, position);
                    if (n < 0) {
                        throw new IOException("archive shorter than written");
                    }
                    sha.update(buf.array(), 0, n);
                    position += n;
                }
                synchronized (this) {
                    hashed = position;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            synchronized (this) {
                failure = e;
            }
        }
    }

    @Override
    public void close() throws IOException {
        thread.interrupt();
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            in.close();
        }
    }
}

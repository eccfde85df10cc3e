package zjlearn.pack;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Copies a file into an output stream and computes its SHA-256 on the way, reading every byte of
 * the file once. Large files go through a small ring of buffers shared by three threads: a reader
 * fills a buffer from the file, then the hasher and the writer (the caller's thread, which owns the
 * output) both consume that same buffer, and it returns to the ring when both are done. Hashing thus
 * overlaps reading and writing, and memory stays at {@link #SLOTS} × {@link #SLOT_SIZE} whatever the
 * file's size. Small files are copied on the caller's thread alone.
 *
 * <p>The file must have the size the scan saw: a file that shrank, grew or vanished since fails the
 * copy ({@link ChangedFileException}), so manifests never describe bytes other than those written.
 *
 * <p>Not thread-safe: one copy at a time. Reusable after a failed copy.
 */
final class PipedCopy implements AutoCloseable {
    static final int SLOT_SIZE = 1 << 20;
    static final int SLOTS = 8;

    /** Thrown when the file's content no longer has the size the validation saw. */
    static final class ChangedFileException extends IOException {
        ChangedFileException(Path file, long expected, long actual) {
            super("file changed since it was checked: " + file + " (expected " + expected + " bytes, found "
                    + (actual < 0 ? "more" : String.valueOf(actual)) + ")");
        }
    }

    private static final class Slot {
        final byte[] buf = new byte[SLOT_SIZE];
        int len;
        /** Reader failure carried to the consumers, or null. */
        IOException failure;
        boolean end;
        final AtomicInteger holders = new AtomicInteger();
    }

    private final Slot[] slots = new Slot[SLOTS];
    private final BlockingQueue<Slot> free = new ArrayBlockingQueue<>(SLOTS);
    private final BlockingQueue<Slot> toHash = new ArrayBlockingQueue<>(SLOTS);
    private final BlockingQueue<Slot> toWrite = new ArrayBlockingQueue<>(SLOTS);
    private final MessageDigest callerDigest = sha256();
    private final MessageDigest hasherDigest = sha256();

    PipedCopy() {
        for (int i = 0; i < SLOTS; i++) {
            slots[i] = new Slot();
            free.add(slots[i]);
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    /**
     * Copies {@code file} ({@code size} bytes) to {@code out} and returns its SHA-256. The output is
     * written only from the caller's thread.
     */
    byte[] copy(Path file, long size, OutputStream out) throws IOException {
        if (size <= SLOT_SIZE) {
            return copySmall(file, size, out);
        }
        return copyPiped(file, size, out);
    }

    private byte[] copySmall(Path file, long size, OutputStream out) throws IOException {
        Slot slot = slots[0];
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            int n = fill(ch, slot.buf);
            if (n != size) {
                throw new ChangedFileException(file, size, n == SLOT_SIZE ? -1 : n);
            }
            if (n == SLOT_SIZE && ch.read(ByteBuffer.allocate(1)) > 0) {
                throw new ChangedFileException(file, size, -1);
            }
            callerDigest.reset();
            callerDigest.update(slot.buf, 0, n);
            out.write(slot.buf, 0, n);
            return callerDigest.digest();
        }
    }

    private byte[] copyPiped(Path file, long size, OutputStream out) throws IOException {
        CountDownLatch finished = new CountDownLatch(2);
        byte[][] digest = new byte[1][];
        Thread reader = new Thread(() -> {
            try {
                read(file);
            } finally {
                finished.countDown();
            }
        }, "pack-reader");
        Thread hasher = new Thread(() -> {
            try {
                digest[0] = hash();
            } finally {
                finished.countDown();
            }
        }, "pack-hasher");
        reader.setDaemon(true);
        hasher.setDaemon(true);
        reader.start();
        hasher.start();
        boolean ok = false;
        try {
            long written = 0;
            while (true) {
                Slot s = toWrite.take();
                if (s.failure != null) {
                    IOException failure = s.failure;
                    release(s);
                    throw failure;
                }
                if (s.end) {
                    release(s);
                    break;
                }
                written += s.len;
                if (written > size) {
                    release(s);
                    throw new ChangedFileException(file, size, -1);
                }
                out.write(s.buf, 0, s.len);
                release(s);
            }
            if (written != size) {
                throw new ChangedFileException(file, size, written);
            }
            finished.await();
            if (digest[0] == null) {
                throw new IOException("hashing stopped before the end of " + file);
            }
            ok = true;
            return digest[0];
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while copying " + file);
        } finally {
            if (!ok) {
                reader.interrupt();
                hasher.interrupt();
                awaitQuietly(finished);
                reset();
            }
        }
    }

    /** The reader thread: fills free slots from the file and hands each to both consumers. */
    private void read(Path file) {
        Slot s = null;
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            while (true) {
                s = free.take();
                s.failure = null;
                s.end = false;
                s.len = fill(ch, s.buf);
                s.end = s.len == 0;
                publish(s);
                if (s.end) {
                    return;
                }
                s = null;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            try {
                if (s == null) {
                    s = free.take();
                }
                s.failure = e;
                s.len = 0;
                s.end = true;
                publish(s);
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void publish(Slot s) throws InterruptedException {
        s.holders.set(2);
        toHash.put(s);
        toWrite.put(s);
    }

    /** The hasher thread: digests each slot's bytes in order; null when the read failed or was stopped. */
    private byte[] hash() {
        hasherDigest.reset();
        try {
            while (true) {
                Slot s = toHash.take();
                boolean end = s.end;
                boolean failed = s.failure != null;
                if (!end) {
                    hasherDigest.update(s.buf, 0, s.len);
                }
                release(s);
                if (end) {
                    return failed ? null : hasherDigest.digest();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private void release(Slot s) {
        if (s.holders.decrementAndGet() == 0) {
            free.add(s);
        }
    }

    /** After a failed copy: every slot back in the ring, queues empty. */
    private void reset() {
        toHash.clear();
        toWrite.clear();
        free.clear();
        for (Slot s : slots) {
            s.holders.set(0);
            s.failure = null;
            s.end = false;
            free.add(s);
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        boolean interrupted = false;
        while (true) {
            try {
                latch.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Reads until the buffer is full or the file ends; returns the bytes read. */
    private static int fill(FileChannel ch, byte[] buf) throws IOException {
        ByteBuffer bb = ByteBuffer.wrap(buf);
        while (bb.hasRemaining()) {
            if (ch.read(bb) < 0) {
                break;
            }
        }
        return bb.position();
    }

    @Override
    public void close() {
        // threads are per copy and have ended; nothing to release
    }
}

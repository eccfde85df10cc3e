package zjlearn.pack;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongConsumer;
import java.util.zip.CRC32;

/**
 * The bytes of one archive on their way to disk, in one pass. The caller (the producer) appends bytes in
 * archive order — headers, payload files read straight into the stream's buffers, data descriptors, the
 * central directory — and three threads consume the same buffers:
 * <ul>
 *   <li>the <em>writer</em> writes them to the file,</li>
 *   <li>the <em>archive hasher</em> feeds them to the archive's SHA-256,</li>
 *   <li>the <em>payload hasher</em> feeds each payload file's bytes to that file's SHA-256 (for the manifest).</li>
 * </ul>
 * Each input byte is thus read once, the two digests run beside the I/O, and memory stays at
 * {@value #CHUNKS} buffers of {@value #CHUNK_SIZE} bytes whatever the size of the files. A buffer returns to
 * the ring when every consumer is done with it.
 *
 * <p>Where the file system allows it the archive is written with direct I/O (O_DIRECT on Linux,
 * FILE_FLAG_NO_BUFFERING on Windows; see {@link ArchiveFile}): the buffers go to the disk without being copied into the page cache,
 * which costs the writer almost no processor time, leaves both cores to the digests, and leaves little for
 * the final flush before the atomic rename. Direct writes must be whole blocks, so the last buffer is padded
 * and the file then cut to its length. Elsewhere (tmpfs, some network shares) the writer falls back to
 * ordinary writes.
 *
 * <p>A failure in a consumer (a full disk) is raised to the producer at its next append or at
 * {@link #finish()}; {@link #close()} without {@code finish()} stops the threads and abandons the file.
 * Not thread-safe: one producer.
 */
final class ArchiveStream implements AutoCloseable {
    /** Large enough for direct writes to reach the disk's speed (1 MiB writes reached about 75 % of it here). */
    static final int CHUNK_SIZE = 4 << 20;
    static final int CHUNKS = 8;

    /** Thrown when a payload file does not have the size the validation saw. */
    static final class ChangedFileException extends IOException {
        ChangedFileException(Path file, long expected, long actual) {
            super("file changed since it was checked: " + file + " (expected " + expected + " bytes, found "
                    + (actual < 0 ? "more" : String.valueOf(actual)) + ")");
        }
    }

    /** Work for the payload hasher: bytes of the current file, or the end of that file. */
    private sealed interface PayloadWork permits Segment, FileEnd {
    }

    private record Segment(RingChunk chunk, int offset, int length) implements PayloadWork {
    }

    private record FileEnd(CompletableFuture<byte[]> digest) implements PayloadWork {
    }

    private static final RingChunk STOP = new RingChunk(0, 0);
    private static final FileEnd STOP_PAYLOAD = new FileEnd(null);

    private final ArchiveFile archive;
    private final BlockingQueue<RingChunk> free = new ArrayBlockingQueue<>(CHUNKS);
    private final BlockingQueue<RingChunk> toWrite = new ArrayBlockingQueue<>(CHUNKS + 1);
    private final BlockingQueue<RingChunk> toHash = new ArrayBlockingQueue<>(CHUNKS + 1);
    private final BlockingQueue<PayloadWork> toHashPayload = new ArrayBlockingQueue<>(4 * CHUNKS);
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private volatile boolean abandoned;
    private final MessageDigest archiveDigest = sha256();
    private final MessageDigest payloadDigest = sha256();
    private final Thread writer;
    private final Thread hasher;
    private final Thread payloadHasher;

    private RingChunk open;
    private long position;
    /** Whether earlier bytes may be rewritten: the archive hasher then stands by and {@link #finish()} reads the file back. */
    private final boolean patchable;
    /** Whether the threads have been stopped (by finish or close). */
    private boolean finished;

    /** Creates (or empties) {@code file} and starts the threads; direct I/O where the file system allows it. */
    static ArchiveStream create(Path file) throws IOException {
        return new ArchiveStream(ArchiveFile.create(file), false);
    }

    /**
     * Creates (or empties) {@code file} for an archive whose earlier bytes will be rewritten ({@link #patch}):
     * ordinary writes, and the archive's SHA-256 computed by reading the finished file back (from the page
     * cache) instead of while writing. Slower: for readers that need every size before the data.
     */
    static ArchiveStream createPatchable(Path file) throws IOException {
        return new ArchiveStream(ArchiveFile.createReadable(file), true);
    }

    /**
     * Takes over {@code channel} (closed by {@link #close()}). {@code alignment}: the block size when the
     * channel was opened for direct I/O, else 0. {@code buffered}: when the first direct write fails (a file
     * system that accepts the flag but not the writes), the file is opened again this way and the writer
     * carries on with ordinary writes; null for none.
     */
    ArchiveStream(FileChannel channel, int alignment, ArchiveFile.Opener buffered) {
        this(new ArchiveFile(channel, alignment, buffered), false);
    }

    private ArchiveStream(ArchiveFile archive, boolean patchable) {
        this.patchable = patchable;
        this.archive = archive;
        for (int i = 0; i < CHUNKS; i++) {
            free.add(new RingChunk(CHUNK_SIZE, archive.alignment()));
        }
        writer = StreamThreads.start("zip-writer", this::writeLoop);
        hasher = StreamThreads.start("zip-hasher", this::hashLoop);
        payloadHasher = StreamThreads.start("zip-payload-hasher", this::payloadLoop);
    }

    /** Whether the archive is being written with direct I/O (known for sure once {@link #finish()} returned). */
    boolean direct() {
        return archive.direct();
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    /** A consumer's failure: kept for the producer; every thread then skips its remaining work. */
    private void fail(Throwable e) {
        failure.compareAndSet(null, e);
        abandoned = true;
    }

    /** Bytes appended so far: the offset in the archive of the next byte. */
    long position() {
        return position;
    }

    /** Rewrites {@code bytes} at {@code position} (already appended) once everything is written. */
    void patch(long position, byte[] bytes) {
        if (!patchable) {
            throw new IllegalStateException("this archive is hashed as it is written: nothing may be rewritten");
        }
        if (position < 0 || position + bytes.length > this.position) {
            throw new IllegalArgumentException("patch outside the bytes written: " + position);
        }
        archive.patch(position, bytes);
    }

    void put(byte[] bytes) throws IOException {
        put(ByteBuffer.wrap(bytes));
    }

    /** Appends {@code buffer}'s remaining bytes (consuming them). */
    void put(ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            RingChunk c = openChunk();
            int n = Math.min(buffer.remaining(), CHUNK_SIZE - c.length);
            c.base.put(c.length, buffer, buffer.position(), n);
            buffer.position(buffer.position() + n);
            c.length += n;
            position += n;
            publishIfFull();
        }
    }

    /**
     * Appends exactly {@code size} bytes read from {@code file}, adds them to {@code crc}, tells {@code read}
     * how many bytes each read brought, and returns the file's SHA-256 as it will be once the payload hasher
     * has seen them. A file that is not {@code size} bytes long fails with {@link ChangedFileException}:
     * manifests never describe bytes other than those written.
     */
    CompletableFuture<byte[]> putFile(Path file, long size, CRC32 crc, LongConsumer read) throws IOException {
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            long remaining = size;
            while (remaining > 0) {
                RingChunk c = openChunk();
                int offset = c.length;
                int n = in.read(c.base.slice(offset, (int) Math.min(CHUNK_SIZE - offset, remaining)));
                if (n < 0) {
                    throw new ChangedFileException(file, size, size - remaining);
                }
                crc.update(c.base.slice(offset, n));
                c.holders.incrementAndGet();
                offer(toHashPayload, new Segment(c, offset, n));
                c.length += n;
                position += n;
                remaining -= n;
                read.accept(n);
                publishIfFull();
            }
            if (in.read(ByteBuffer.allocate(1)) > 0) {
                throw new ChangedFileException(file, size, -1);
            }
        }
        CompletableFuture<byte[]> digest = new CompletableFuture<>();
        offer(toHashPayload, new FileEnd(digest));
        return digest;
    }

    /**
     * Waits until every byte is written, forces the file to disk and returns the archive's SHA-256. The
     * last bytes are hashed while the file is being forced.
     */
    byte[] finish() throws IOException {
        if (open != null && open.length > 0) {
            publish();
        }
        boolean interrupted = sendStops() | StreamThreads.joinQuietly(writer);
        byte[] readBack = null;
        try {
            raiseFailure();
            archive.complete(position);
            if (patchable) {
                readBack = archive.sha256(position);
            }
            archive.force();
        } finally {
            interrupted |= StreamThreads.joinQuietly(hasher) | StreamThreads.joinQuietly(payloadHasher);
            finished = true;
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        raiseFailure();
        return patchable ? readBack : archiveDigest.digest();
    }

    /** Stops the threads (abandoning the archive unless {@link #finish()} succeeded) and closes the file. */
    @Override
    public void close() throws IOException {
        try {
            if (!finished) {
                finished = true;
                abandoned = true;
                boolean interrupted = sendStops() | StreamThreads.joinQuietly(writer) | StreamThreads.joinQuietly(hasher) | StreamThreads.joinQuietly(payloadHasher);
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        } finally {
            archive.close();
        }
    }

    private boolean sendStops() {
        return StreamThreads.putQuietly(toWrite, STOP) | StreamThreads.putQuietly(toHash, STOP) | StreamThreads.putQuietly(toHashPayload, STOP_PAYLOAD);
    }

    private RingChunk openChunk() throws IOException {
        if (open == null) {
            raiseFailure();
            try {
                open = free.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while writing the archive");
            }
            open.length = 0;
            open.holders.set(1);
        }
        return open;
    }

    private void publishIfFull() throws IOException {
        if (open.length == CHUNK_SIZE) {
            publish();
        }
    }

    /** Hands the open chunk to the writer and the archive hasher and lets go of the producer's hold on it. */
    private void publish() throws IOException {
        RingChunk c = open;
        open = null;
        c.holders.addAndGet(2);
        offer(toWrite, c);
        offer(toHash, c);
        release(c);
    }

    private <T> void offer(BlockingQueue<T> queue, T item) throws IOException {
        raiseFailure();
        try {
            queue.put(item);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while writing the archive");
        }
    }

    private void raiseFailure() throws IOException {
        Throwable f = failure.get();
        if (f instanceof IOException io) {
            throw new IOException(io.getMessage(), io);
        }
        if (f != null) {
            throw new IOException("writing the archive failed: " + f, f);
        }
    }

    private void release(RingChunk c) {
        if (c.holders.decrementAndGet() == 0) {
            free.add(c);
        }
    }

    private void writeLoop() {
        while (true) {
            RingChunk c = StreamThreads.takeUninterruptibly(toWrite);
            if (c == STOP) {
                return;
            }
            try {
                if (!abandoned) {
                    archive.write(c);
                }
            } catch (Throwable e) {
                fail(e);
            } finally {
                release(c);
            }
        }
    }

    private void hashLoop() {
        while (true) {
            RingChunk c = StreamThreads.takeUninterruptibly(toHash);
            if (c == STOP) {
                return;
            }
            try {
                if (!abandoned && !patchable) {
                    archiveDigest.update(c.base.slice(0, c.length));
                }
            } catch (Throwable e) {
                fail(e);
            } finally {
                release(c);
            }
        }
    }

    private void payloadLoop() {
        while (true) {
            PayloadWork work = StreamThreads.takeUninterruptibly(toHashPayload);
            if (work == STOP_PAYLOAD) {
                return;
            }
            if (work instanceof Segment s) {
                try {
                    if (!abandoned) {
                        payloadDigest.update(s.chunk().base.slice(s.offset(), s.length()));
                    }
                } catch (Throwable e) {
                    fail(e);
                } finally {
                    release(s.chunk());
                }
            } else if (work instanceof FileEnd end) {
                byte[] digest = payloadDigest.digest();
                if (!abandoned) {
                    end.digest().complete(digest);
                } else {
                    Throwable cause = failure.get();
                    end.digest().completeExceptionally(cause != null ? cause : new IOException("archive abandoned"));
                }
            }
        }
    }
}

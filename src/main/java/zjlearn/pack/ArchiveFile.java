package zjlearn.pack;

import com.sun.nio.file.ExtendedOpenOption;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

import static java.nio.file.StandardOpenOption.CREATE;
import static java.nio.file.StandardOpenOption.READ;
import static java.nio.file.StandardOpenOption.TRUNCATE_EXISTING;
import static java.nio.file.StandardOpenOption.WRITE;

/**
 * The file an {@link ArchiveStream} writes, and how its bytes reach the disk: with direct I/O where the file
 * system allows it (O_DIRECT on Linux, FILE_FLAG_NO_BUFFERING on Windows), whole blocks at a time, falling back
 * to ordinary writes when the first direct write fails; then, once everything is written, the padding of the
 * last block cut off and the rewritten bytes ({@link #patch}) put in place. Kept apart from the stream so that
 * the ring and its threads read without the file system's cases.
 *
 * <p>{@link #write} is called by the stream's writer thread only; the rest by the producer, before the writer
 * starts or after it was joined.
 */
final class ArchiveFile {
    /** Opens a file for writing, emptied: the way back to ordinary writes. */
    interface Opener {
        FileChannel open() throws IOException;
    }

    /** Bytes to write over earlier ones once everything is written. */
    private record Patch(long position, byte[] bytes) {
    }

    /** Replaced by the writer only, before its first successful write (when direct I/O fails). */
    private FileChannel channel;
    private final int alignment;
    private final Opener buffered;
    private volatile boolean fellBack;
    /** Bytes the writer has written (padding included). */
    private long written;
    private final List<Patch> patches = new ArrayList<>();

    /**
     * Takes over {@code channel} (closed by {@link #close()}). {@code alignment}: the block size when the
     * channel was opened for direct I/O, else 0. {@code buffered}: when the first direct write fails (a file
     * system that accepts the flag but not the writes), the file is opened again this way and the writer
     * carries on with ordinary writes; null for none.
     */
    ArchiveFile(FileChannel channel, int alignment, Opener buffered) {
        this.channel = channel;
        this.alignment = alignment;
        this.buffered = buffered;
    }

    /** Creates (or empties) {@code file}; direct I/O where the file system allows it. */
    static ArchiveFile create(Path file) throws IOException {
        Opener buffered = () -> FileChannel.open(file, CREATE, TRUNCATE_EXISTING, WRITE);
        int alignment = directAlignment(file);
        if (alignment > 0) {
            try {
                return new ArchiveFile(FileChannel.open(file, CREATE, TRUNCATE_EXISTING, WRITE, ExtendedOpenOption.DIRECT),
                        alignment, buffered);
            } catch (UnsupportedOperationException | IOException e) {
                // no direct I/O here (tmpfs answers EINVAL): ordinary writes below
            }
        }
        return new ArchiveFile(buffered.open(), 0, null);
    }

    /** Creates (or empties) {@code file} for ordinary writes and reading back. */
    static ArchiveFile createReadable(Path file) throws IOException {
        return new ArchiveFile(FileChannel.open(file, CREATE, TRUNCATE_EXISTING, WRITE, READ), 0, null);
    }

    /** The block size direct writes must respect, or 0 when it is unknown or does not divide a buffer. */
    private static int directAlignment(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            long block = Math.max(4096, Files.getFileStore(parent).getBlockSize());
            return Long.bitCount(block) == 1 && block <= ArchiveStream.CHUNK_SIZE ? (int) block : 0;
        } catch (IOException | UnsupportedOperationException e) {
            return 0;
        }
    }

    /** The block size of direct writes, or 0 for ordinary writes: the ring's buffers are aligned to it. */
    int alignment() {
        return alignment;
    }

    /** Whether the file is being written with direct I/O (known for sure once the writer has stopped). */
    boolean direct() {
        return alignment > 0 && !fellBack;
    }

    /**
     * Writes the chunk's bytes after the ones written before (the writer thread). A direct write is whole
     * blocks: a last, partial chunk is padded with zeros, which {@link #complete} cuts off.
     */
    void write(RingChunk c) throws IOException {
        int length = c.length;
        if (alignment > 0 && length % alignment != 0) {
            int padded = (length + alignment - 1) / alignment * alignment;
            c.base.put(length, new byte[padded - length]);
            length = padded;
        }
        try {
            writeFully(c.base.slice(0, length));
        } catch (IOException e) {
            if (written > 0 || buffered == null || fellBack) {
                throw e;
            }
            channel.close();
            channel = buffered.open();
            fellBack = true;
            writeFully(c.base.slice(0, length));
        }
        written += length;
    }

    private void writeFully(ByteBuffer view) throws IOException {
        while (view.hasRemaining()) {
            channel.write(view);
        }
    }

    /** Rewrites {@code bytes} at {@code position} in {@link #complete}. */
    void patch(long position, byte[] bytes) {
        patches.add(new Patch(position, bytes.clone()));
    }

    /** Once the writer has stopped: cuts the file to {@code length} (the padding of the last direct write) and applies the patches. */
    void complete(long length) throws IOException {
        if (channel.size() > length) {
            channel.truncate(length);
        }
        for (Patch p : patches) {
            ByteBuffer bytes = ByteBuffer.wrap(p.bytes());
            while (bytes.hasRemaining()) {
                channel.write(bytes, p.position() + bytes.position());
            }
        }
    }

    /** The SHA-256 of the first {@code length} bytes of the file, read back (a file made by {@link #createReadable}). */
    byte[] sha256(long length) throws IOException {
        MessageDigest sha = ArchiveStream.sha256();
        ByteBuffer buffer = ByteBuffer.allocateDirect(ArchiveStream.CHUNK_SIZE);
        long at = 0;
        while (at < length) {
            buffer.clear().limit((int) Math.min(buffer.capacity(), length - at));
            int n = channel.read(buffer, at);
            if (n < 0) {
                throw new IOException("archive shorter than written: " + at + " of " + length + " bytes");
            }
            buffer.flip();
            sha.update(buffer);
            at += n;
        }
        return sha.digest();
    }

    void force() throws IOException {
        channel.force(true);
    }

    void close() throws IOException {
        channel.close();
    }
}

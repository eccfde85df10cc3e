package zjlearn.probe;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A file opened once for probing: one channel, and its first bytes (up to {@link TypeSniffer#HEADER_SIZE})
 * read once and kept. The type sniffer looks at those bytes; the reader that follows gets them from memory
 * and only the rest from the file, so the header is not read twice. Not thread-safe.
 */
public final class OpenedFile implements AutoCloseable {
    private final Path path;
    private final FileChannel channel;
    private final long size;
    private final byte[] header;
    private long bytesFromDisk;

    private OpenedFile(Path path, FileChannel channel, long size, byte[] header) {
        this.path = path;
        this.channel = channel;
        this.size = size;
        this.header = header;
        this.bytesFromDisk = header.length;
    }

    /** Opens {@code file} and reads its first bytes. */
    public static OpenedFile open(Path file) throws IOException {
        if (Files.isDirectory(file)) {
            throw new IOException("not a regular file: " + file);
        }
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        try {
            long size = channel.size();
            ByteBuffer head = ByteBuffer.allocate((int) Math.min(size, TypeSniffer.HEADER_SIZE));
            while (head.hasRemaining() && channel.read(head, head.position()) > 0) {
                // a file that shrank since size() stops early
            }
            byte[] header = new byte[head.position()];
            head.flip().get(header);
            return new OpenedFile(file, channel, size, header);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    public Path path() {
        return path;
    }

    public long size() {
        return size;
    }

    /** The first bytes of the file (fewer than {@link TypeSniffer#HEADER_SIZE} only for a shorter file); not to be changed. */
    byte[] header() {
        return header;
    }

    /**
     * Reads bytes at {@code position} into {@code dst}: what lies in the header from memory, the rest from
     * the file. Returns the number of bytes read, or -1 at the end of the file.
     */
    public int read(ByteBuffer dst, long position) throws IOException {
        if (!channel.isOpen()) {
            throw new ClosedChannelException();
        }
        if (!dst.hasRemaining()) {
            return 0;
        }
        if (position < header.length) {
            int n = (int) Math.min(dst.remaining(), header.length - position);
            dst.put(header, (int) position, n);
            return n;
        }
        int n = channel.read(dst, position);
        if (n > 0) {
            bytesFromDisk += n;
        }
        return n;
    }

    /** A read-only channel over the file with a position of its own, reading through {@link #read}. */
    public SeekableByteChannel channel() {
        return new SeekableByteChannel() {
            private long position;

            @Override
            public int read(ByteBuffer dst) throws IOException {
                int n = OpenedFile.this.read(dst, position);
                if (n > 0) {
                    position += n;
                }
                return n;
            }

            @Override
            public int write(ByteBuffer src) {
                throw new NonWritableChannelException();
            }

            @Override
            public long position() {
                return position;
            }

            @Override
            public SeekableByteChannel position(long newPosition) {
                if (newPosition < 0) {
                    throw new IllegalArgumentException("negative position");
                }
                position = newPosition;
                return this;
            }

            @Override
            public long size() throws IOException {
                return channel.size();
            }

            @Override
            public SeekableByteChannel truncate(long size) {
                throw new NonWritableChannelException();
            }

            @Override
            public boolean isOpen() {
                return channel.isOpen();
            }

            @Override
            public void close() {
                // the opened file owns the channel
            }
        };
    }

    /** The file from its first byte, as a stream. */
    public InputStream stream() {
        return Channels.newInputStream(channel());
    }

    /** Bytes read from the file so far (the header once, plus what was read past it). */
    long bytesFromDisk() {
        return bytesFromDisk;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}

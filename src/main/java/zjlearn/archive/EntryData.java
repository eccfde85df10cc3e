package zjlearn.archive;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Where the bytes of one archive entry come from. Implementations are thread-safe. */
abstract class EntryData {
    /** A read-only channel over the entry's bytes, from its first byte. */
    abstract FileChannel open() throws IOException;

    /** A file on this computer holding the entry's bytes (extracted into the private temporary folder when needed). */
    abstract Path file() throws IOException;

    /** The CRC-32 the archive records for bytes read as they are (a stored zip entry), or -1 when already checked or unknown. */
    long recordedCrc() {
        return -1;
    }

    /** A stored entry: a window of the archive, read in place; extracted only when a library needs a file. */
    static final class Slice extends EntryData {
        private final FileChannel archive;
        private final long offset;
        private final long size;
        private final String name;
        private final long crc;
        private Extracted copy;

        Slice(FileChannel archive, long offset, long size, String name, long crc) {
            this.archive = archive;
            this.offset = offset;
            this.size = size;
            this.name = name;
            this.crc = crc;
        }

        @Override
        long recordedCrc() {
            return crc;
        }

        @Override
        FileChannel open() {
            return new SliceChannel(archive, offset, size);
        }

        @Override
        synchronized Path file() throws IOException {
            if (copy == null) {
                copy = new Extracted(() -> java.nio.channels.Channels.newInputStream(open()), size, name);
            }
            return copy.file();
        }
    }

    /** The source of a compressed entry's bytes, opened afresh for each extraction attempt. */
    @FunctionalInterface
    interface Source {
        InputStream open() throws IOException;
    }

    /**
     * A compressed entry: decompressed once, on first use, into the private temporary folder (never more
     * than its declared size), then read from there — by the probes and by {@code package} alike.
     */
    static final class Extracted extends EntryData {
        private final Source source;
        private final long size;
        private final String name;
        private Path file;
        private IOException failure;

        Extracted(Source source, long size, String name) {
            this.source = source;
            this.size = size;
            this.name = name;
        }

        /** An entry already extracted (7z, RAR: read in one pass when the archive is opened). */
        static Extracted done(Path file) {
            Extracted e = new Extracted(null, -1, null);
            e.file = file;
            return e;
        }

        @Override
        FileChannel open() throws IOException {
            return FileChannel.open(file(), StandardOpenOption.READ);
        }

        @Override
        synchronized Path file() throws IOException {
            if (file == null && failure == null) {
                try (InputStream in = source.open()) {
                    file = TempArea.extract(in, size, name);
                } catch (IOException e) {
                    failure = e;
                } catch (RuntimeException e) {
                    failure = new IOException(e.getClass().getSimpleName() + ": " + e.getMessage(), e);
                }
            }
            if (failure != null) {
                throw new IOException(failure.getMessage(), failure);
            }
            return file;
        }
    }

    /** An entry that cannot be read (encrypted, a suspected zip bomb): every read fails with the reason. */
    static final class Failing extends EntryData {
        private final String reason;

        Failing(String reason) {
            this.reason = reason;
        }

        @Override
        FileChannel open() throws IOException {
            throw new IOException(reason);
        }

        @Override
        Path file() throws IOException {
            throw new IOException(reason);
        }
    }
}

package zjlearn.pack;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.LocalDate;

/**
 * The records of a zip file (PKWARE APPNOTE 6.3): local file header, data descriptor, central directory
 * header and the end records, Zip64 included. Written by hand because the archive is written in one
 * sequential pass — a STORED entry's CRC-32 follows its data in a data descriptor — and neither Commons
 * Compress nor {@code java.util.zip} will stream a STORED entry whose CRC is not known in advance ("CRC
 * checksum is required for STORED method when not writing to a file").
 */
final class ZipRecords {
    static final int STORED = 0;
    static final int DEFLATED = 8;
    static final long MAX32 = 0xFFFFFFFFL;
    static final int MAX16 = 0xFFFF;

    private static final int LOCAL_HEADER = 0x04034b50;
    private static final int DATA_DESCRIPTOR = 0x08074b50;
    private static final int CENTRAL_HEADER = 0x02014b50;
    private static final int ZIP64_END = 0x06064b50;
    private static final int ZIP64_LOCATOR = 0x07064b50;
    private static final int END = 0x06054b50;
    /** General purpose flags: bit 3, sizes and CRC follow the data; bit 11, the name is UTF-8. */
    private static final int FLAG_DESCRIPTOR = 1 << 3;
    private static final int FLAG_UTF8 = 1 << 11;
    private static final int ZIP64_EXTRA = 0x0001;
    private static final int VERSION_20 = 20;
    private static final int VERSION_ZIP64 = 45;
    private static final int MADE_BY_UNIX = 3 << 8;
    private static final int DOS_DIRECTORY = 0x10;

    private ZipRecords() {
    }

    /**
     * One entry. Name, method, mode, offset and whether it is Zip64 are fixed when the entry starts; the
     * CRC and sizes are filled in once its data is written.
     */
    static final class Entry {
        final byte[] name;
        final int method;
        final int unixMode;
        final boolean directory;
        /** Whether the CRC and sizes follow the data (they are not known when the header is written). */
        final boolean descriptor;
        /** Whether the sizes are 64-bit (in the Zip64 extra field and the data descriptor). */
        final boolean zip64;
        final long offset;
        long crc;
        long compressedSize;
        long size;

        Entry(byte[] name, int method, int unixMode, boolean directory, boolean descriptor, boolean zip64, long offset) {
            if (name.length > MAX16) {
                throw new IllegalArgumentException("zip entry name longer than 65535 bytes");
            }
            this.name = name;
            this.method = method;
            this.unixMode = unixMode;
            this.directory = directory;
            this.descriptor = descriptor;
            this.zip64 = zip64;
            this.offset = offset;
        }

        private int flags() {
            return FLAG_UTF8 | (descriptor ? FLAG_DESCRIPTOR : 0);
        }

        private int versionNeeded() {
            return zip64 ? VERSION_ZIP64 : VERSION_20;
        }

        /** Unix mode in the high half; the MS-DOS read-only and directory bits in the low byte, as Info-ZIP sets them. */
        private long externalAttributes() {
            long dos = (directory ? DOS_DIRECTORY : 0) | ((unixMode & 0200) == 0 ? 1 : 0);
            return ((long) unixMode << 16) | dos;
        }
    }

    /** MS-DOS time and date of the same moment for every entry: the day given, at 12:00:00 (no zone). */
    record DosTime(int time, int date) {
        static DosTime noon(LocalDate day) {
            int year = Math.min(Math.max(day.getYear(), 1980), 2107);
            return new DosTime(12 << 11, (year - 1980) << 9 | day.getMonthValue() << 5 | day.getDayOfMonth());
        }
    }

    static byte[] localHeader(Entry e, DosTime when) {
        Writer w = new Writer(30 + e.name.length + (e.zip64 ? 20 : 0));
        w.u32(LOCAL_HEADER).u16(e.versionNeeded()).u16(e.flags()).u16(e.method).u16(when.time()).u16(when.date());
        if (e.descriptor) {
            // APPNOTE 4.4.4: with bit 3 set the CRC and sizes are zero here and follow the data
            w.u32(0).u32(e.zip64 ? MAX32 : 0).u32(e.zip64 ? MAX32 : 0);
        } else {
            w.u32(e.crc).u32(e.zip64 ? MAX32 : e.compressedSize).u32(e.zip64 ? MAX32 : e.size);
        }
        w.u16(e.name.length).u16(e.zip64 ? 20 : 0).bytes(e.name);
        if (e.zip64) {
            w.u16(ZIP64_EXTRA).u16(16).u64(e.descriptor ? 0 : e.size).u64(e.descriptor ? 0 : e.compressedSize);
        }
        return w.done();
    }

    static byte[] dataDescriptor(Entry e) {
        Writer w = new Writer(e.zip64 ? 24 : 16);
        w.u32(DATA_DESCRIPTOR).u32(e.crc);
        if (e.zip64) {
            w.u64(e.compressedSize).u64(e.size);
        } else {
            w.u32(e.compressedSize).u32(e.size);
        }
        return w.done();
    }

    static byte[] centralHeader(Entry e, DosTime when) {
        boolean bigSizes = e.zip64 || e.size >= MAX32 || e.compressedSize >= MAX32;
        boolean bigOffset = e.offset >= MAX32;
        int extra = (bigSizes ? 16 : 0) + (bigOffset ? 8 : 0);
        Writer w = new Writer(46 + e.name.length + (extra > 0 ? 4 + extra : 0));
        w.u32(CENTRAL_HEADER).u16(MADE_BY_UNIX | VERSION_ZIP64)
                .u16(bigSizes || bigOffset ? VERSION_ZIP64 : e.versionNeeded())
                .u16(e.flags()).u16(e.method).u16(when.time()).u16(when.date()).u32(e.crc)
                .u32(bigSizes ? MAX32 : e.compressedSize).u32(bigSizes ? MAX32 : e.size)
                .u16(e.name.length).u16(extra > 0 ? 4 + extra : 0).u16(0).u16(0).u16(0)
                .u32(e.externalAttributes()).u32(bigOffset ? MAX32 : e.offset).bytes(e.name);
        if (extra > 0) {
            w.u16(ZIP64_EXTRA).u16(extra);
            if (bigSizes) {
                w.u64(e.size).u64(e.compressedSize);
            }
            if (bigOffset) {
                w.u64(e.offset);
            }
        }
        return w.done();
    }

    /**
     * The end of the archive: the end of central directory record, preceded by the Zip64 end record and its
     * locator when a count, size or offset does not fit the classic record, or when an entry is Zip64.
     */
    static byte[] end(long entries, long directoryOffset, long directorySize, boolean anyZip64) {
        boolean zip64 = anyZip64 || entries >= MAX16 || directoryOffset >= MAX32 || directorySize >= MAX32;
        Writer w = new Writer(22 + (zip64 ? 56 + 20 : 0));
        if (zip64) {
            long zip64End = directoryOffset + directorySize;
            w.u32(ZIP64_END).u64(44).u16(MADE_BY_UNIX | VERSION_ZIP64).u16(VERSION_ZIP64).u32(0).u32(0)
                    .u64(entries).u64(entries).u64(directorySize).u64(directoryOffset);
            w.u32(ZIP64_LOCATOR).u32(0).u64(zip64End).u32(1);
        }
        w.u32(END).u16(0).u16(0).u16((int) Math.min(entries, MAX16)).u16((int) Math.min(entries, MAX16))
                .u32(Math.min(directorySize, MAX32)).u32(Math.min(directoryOffset, MAX32)).u16(0);
        return w.done();
    }

    /** Little-endian fields into an array of the exact size. */
    private static final class Writer {
        private final ByteBuffer b;

        Writer(int size) {
            b = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
        }

        Writer u16(int v) {
            b.putShort((short) v);
            return this;
        }

        Writer u32(long v) {
            b.putInt((int) v);
            return this;
        }

        Writer u64(long v) {
            b.putLong(v);
            return this;
        }

        Writer bytes(byte[] v) {
            b.put(v);
            return this;
        }

        byte[] done() {
            if (b.hasRemaining()) {
                throw new IllegalStateException("zip record of " + b.position() + " bytes, expected " + b.capacity());
            }
            return b.array();
        }
    }
}

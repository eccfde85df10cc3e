package zjlearn.probe.video;

import static zjlearn.probe.video.DataExtent.addSat;
import static zjlearn.probe.video.DataExtent.mulSat;
import static zjlearn.probe.video.Mp4Bytes.s64;
import static zjlearn.probe.video.Mp4Bytes.u32;

/**
 * A track's sample sizes ({@code stsz} or {@code stz2}), validated against its box and read lazily from the buffer,
 * and where its chunks ({@code stco}/{@code co64} with {@code stsc}) put that data in the file.
 */
final class SampleTable {
    private final Buf buf;
    final long count;
    private final long constant; // > 0: every sample has this size
    private final int table;     // offset of the first entry
    private final int fieldBits;

    private SampleTable(Buf buf, long count, long constant, int table, int fieldBits) {
        this.buf = buf;
        this.count = count;
        this.constant = constant;
        this.table = table;
        this.fieldBits = fieldBits;
    }

    /** The sample sizes of {@code stbl}: its stsz, else its stz2. */
    static SampleTable read(Buf buf, Box stbl) throws Broken {
        Box stsz = stbl.first("stsz");
        if (stsz != null) {
            Cur c = new Cur(buf, stsz);
            c.skip(4);
            long constant = c.u32();
            long count = c.u32();
            int fieldBits = 0;
            if (constant == 0) {
                c.needEntries(count, 4);
                fieldBits = 32;
            }
            return new SampleTable(buf, count, constant, c.pos, fieldBits);
        }
        Box stz2 = stbl.first("stz2");
        if (stz2 == null) {
            throw new Broken("sample table without stsz");
        }
        Cur c = new Cur(buf, stz2);
        c.skip(7);
        int fieldBits = c.u8();
        if (fieldBits != 4 && fieldBits != 8 && fieldBits != 16) {
            throw new Broken("stz2 field size " + fieldBits);
        }
        long count = c.u32();
        c.needBytes((count * fieldBits + 7) / 8);
        return new SampleTable(buf, count, 0, c.pos, fieldBits);
    }

    /** The size of sample {@code i} (0-based, below {@link #count}). */
    long size(long i) {
        if (constant > 0) {
            return constant;
        }
        byte[] b = buf.b;
        return switch (fieldBits) {
            case 32 -> u32(b, table + (int) (i * 4));
            case 16 -> ((b[table + (int) (i * 2)] & 0xFF) << 8) | (b[table + (int) (i * 2) + 1] & 0xFF);
            case 8 -> b[table + (int) i] & 0xFF;
            default -> {
                int v = b[table + (int) (i / 2)] & 0xFF;
                yield (i & 1) == 0 ? v >>> 4 : v & 0x0F;
            }
        };
    }

    /**
     * The end of the track's sample data: the largest (chunk offset + bytes of its samples). Checks that stsc
     * runs are in order and name chunks that exist.
     */
    long dataEnd(Box stbl, long trackId) throws Broken {
        Box stco = stbl.first("stco");
        Box co64 = stbl.first("co64");
        Box stsc = stbl.first("stsc");
        if ((stco == null && co64 == null) || stsc == null) {
            throw new Broken("track " + trackId + ": sample table without chunk offsets");
        }
        boolean wide = stco == null;
        Cur offsets = new Cur(buf, wide ? co64 : stco);
        offsets.skip(4);
        long chunks = offsets.u32();
        offsets.needEntries(chunks, wide ? 8 : 4);
        Cur sc = new Cur(buf, stsc);
        sc.skip(4);
        long runs = sc.u32();
        sc.needEntries(runs, 12);
        long sample = 0;
        long chunk = 1; // next chunk to visit, 1-based
        long end = 0;
        long prevFirst = 0;
        for (long r = 0; r < runs && sample < count; r++) {
            long first = sc.u32();
            long perChunk = sc.u32();
            sc.skip(4);
            if (first <= prevFirst) {
                throw new Broken("track " + trackId + ": stsc chunks out of order");
            }
            if (first > chunks) {
                // players reject it (ffmpeg: "stsc entry ... is invalid"): samples would have no data
                throw new Broken("track " + trackId + ": stsc refers to chunk " + first + " but the chunk table has "
                        + chunks + " chunks");
            }
            prevFirst = first;
            long next = r + 1 < runs ? u32(buf.b, sc.pos) : chunks + 1;
            long last = Math.min(next - 1, chunks);
            for (long k = Math.max(first, chunk); k <= last && sample < count; k++) {
                long off = wide ? s64(buf.b, offsets.pos + (int) ((k - 1) * 8))
                        : u32(buf.b, offsets.pos + (int) ((k - 1) * 4));
                if (off < 0) {
                    throw new Broken("track " + trackId + ": invalid chunk offset");
                }
                long n = Math.min(perChunk, count - sample);
                long bytes;
                if (constant > 0) {
                    bytes = mulSat(n, constant);
                } else {
                    bytes = 0;
                    for (long i = 0; i < n; i++) {
                        bytes += size(sample + i);
                    }
                }
                end = Math.max(end, addSat(off, bytes));
                sample += n;
                chunk = k + 1;
            }
        }
        return end;
    }
}

package zjlearn.probe.video;

import java.util.List;
import java.util.Set;

import static zjlearn.probe.video.BoxWalker.need;
import static zjlearn.probe.video.Mp4Bytes.fourcc;
import static zjlearn.probe.video.Mp4Bytes.u16;
import static zjlearn.probe.video.Mp4Bytes.u32;

/**
 * Reads the moov into a {@link Movie}: the mvex's fragment defaults and, per trak, the tkhd (id, matrix), mdhd
 * (timescale), hdlr, the first stsd sample entry (codec, protection, visual size, pasp, H.264 SPS), the stts
 * durations, the sample sizes and how far the chunks reach. Each table's {@code count × entry size} must fit its box.
 */
final class MoovReader {
    static final int MAX_STSD_ENTRIES = 16;

    private static final Set<String> AVC_ENTRIES = Set.of("avc1", "avc2", "avc3", "avc4");
    /** Protected sample entries (ISO 23001-7): encv/enca/encs/enct with a sinf naming the original format. */
    private static final Set<String> PROTECTED_ENTRIES = Set.of("encv", "enca", "encs", "enct");

    private final BoxWalker walker;
    private final DataExtent extent;
    private final Movie movie;

    MoovReader(BoxWalker walker, DataExtent extent, Movie movie) {
        this.walker = walker;
        this.extent = extent;
        this.movie = movie;
    }

    void read(Buf buf, int headerSize) throws Broken {
        movie.hasMoov = true;
        Box moov = walker.walk(buf, headerSize);
        Box mvex = moov.first("mvex");
        if (mvex != null) {
            movie.hasMvex = true;
            for (Box t : mvex.all("trex")) {
                Cur c = new Cur(buf, t);
                c.skip(4);
                long id = c.u32();
                c.skip(4); // default_sample_description_index
                movie.trex.put(id, new long[] {c.u32(), c.u32()});
            }
        }
        for (Box trak : moov.all("trak")) {
            movie.tracks.add(readTrak(buf, trak));
        }
    }

    private Track readTrak(Buf buf, Box trak) throws Broken {
        Track t = new Track();
        Box tkhd = need(trak, "tkhd", "trak");
        Cur c = new Cur(buf, tkhd);
        int version = c.u8();
        c.skip(3);
        if (version == 1) {
            c.skip(16);
            t.id = c.u32();
            c.skip(12);
        } else {
            c.skip(8);
            t.id = c.u32();
            c.skip(8);
        }
        c.skip(16); // reserved, layer, alternate_group, volume, reserved
        t.matrix = new int[9];
        for (int i = 0; i < 9; i++) {
            t.matrix[i] = (int) c.u32();
        }
        Box mdia = need(trak, "mdia", "trak");
        Box mdhd = need(mdia, "mdhd", "mdia");
        c = new Cur(buf, mdhd);
        version = c.u8();
        c.skip(3 + (version == 1 ? 16 : 8));
        t.timescale = c.u32();
        Box hdlr = need(mdia, "hdlr", "mdia");
        c = new Cur(buf, hdlr);
        c.skip(8);
        t.handler = c.fourcc();
        Box minf = mdia.first("minf");
        Box stbl = minf == null ? null : minf.first("stbl");
        if (stbl == null) {
            if (t.handler.equals("vide") || t.handler.equals("soun")) {
                throw new Broken("'" + t.handler + "' track without a sample table");
            }
            return t;
        }
        Box stsd = need(stbl, "stsd", "stbl");
        c = new Cur(buf, stsd);
        c.skip(4);
        long entries = c.u32();
        if (entries > MAX_STSD_ENTRIES) {
            throw new Broken("stsd claims " + entries + " sample entries");
        }
        List<Box> sampleEntries = walker.children(buf, "stsd", c.pos, stsd.end);
        if (sampleEntries.size() < entries) {
            throw new Broken("stsd has " + sampleEntries.size() + " sample entries, not " + entries);
        }
        if (entries > 0) {
            t.sampleEntry = sampleEntries.get(0);
            t.codec = t.sampleEntry.type;
            readProtection(buf, t);
        }
        if (t.handler.equals("vide")) {
            if (t.sampleEntry == null) {
                throw new Broken("video track without a sample entry");
            }
            t.visual = readVisualEntry(buf, t.sampleEntry);
        }
        long samples = readStts(buf, need(stbl, "stts", "stbl"), t.deltas);
        checkTable(buf, stbl.first("ctts"), 8, 0);
        checkTable(buf, stbl.first("stss"), 4, 0);
        Box edts = trak.first("edts");
        Box elst = edts == null ? null : edts.first("elst");
        if (elst != null) {
            checkTable(buf, elst, new Cur(buf, elst).u8() == 1 ? 20 : 12, 0);
        }
        SampleTable sizes = SampleTable.read(buf, stbl);
        if (sizes.count != samples) {
            throw new Broken("track " + t.id + ": stts has " + samples + " samples but the size table has "
                    + sizes.count);
        }
        if (samples > 0) {
            extent.reach(sizes.dataEnd(stbl, t.id));
        }
        return t;
    }

    /**
     * An encrypted track (CENC/CBCS and other DRM) has a protected sample entry with a {@code sinf}: its codec
     * becomes the original format from {@code frma}, and the scheme from {@code schm} is kept.
     */
    private void readProtection(Buf buf, Track t) throws Broken {
        Box e = t.sampleEntry;
        int kidsAt = switch (t.handler) {
            case "vide" -> 78;
            case "soun" -> e.end - e.body >= 10 ? switch (u16(buf.b, e.body + 8)) {
                case 1 -> 44;
                case 2 -> 64;
                default -> 28;
            } : -1;
            default -> -1;
        };
        Box sinf = null;
        if (kidsAt >= 0 && e.body + kidsAt <= e.end) {
            for (Box k : walker.children(buf, e.type, e.body + kidsAt, e.end)) {
                if (k.type.equals("sinf")) {
                    sinf = k;
                    break;
                }
            }
        }
        if (sinf == null && !PROTECTED_ENTRIES.contains(e.type)) {
            return;
        }
        t.protection = "unknown";
        if (sinf != null) {
            for (Box k : walker.children(buf, "sinf", sinf.body, sinf.end)) {
                if (k.type.equals("frma") && k.end - k.body >= 4) {
                    t.codec = fourcc(buf.b, k.body);
                } else if (k.type.equals("schm") && k.end - k.body >= 8) {
                    t.protection = fourcc(buf.b, k.body + 4).strip();
                }
            }
        }
    }

    /** Checks a full box whose body is {@code [extra bytes] entry_count entries[entry_count]}. */
    private static void checkTable(Buf buf, Box box, int entrySize, int extra) throws Broken {
        if (box == null) {
            return;
        }
        Cur c = new Cur(buf, box);
        c.skip(4 + extra);
        long n = c.u32();
        c.needEntries(n, entrySize);
    }

    /** Feeds the stts into {@code deltas}; returns its sample total. */
    private static long readStts(Buf buf, Box stts, Deltas deltas) throws Broken {
        Cur c = new Cur(buf, stts);
        c.skip(4);
        long n = c.u32();
        c.needEntries(n, 8);
        for (long i = 0; i < n; i++) {
            deltas.add(c.u32(), c.u32());
        }
        return deltas.count;
    }

    private Track.VisualEntry readVisualEntry(Buf buf, Box e) throws Broken {
        if (e.end - e.body < 78) {
            throw new Broken("video sample entry '" + e.type + "' too short");
        }
        int width = u16(buf.b, e.body + 24);
        int height = u16(buf.b, e.body + 26);
        long paspH = 0;
        long paspV = 0;
        H264Sps sps = null;
        for (Box k : walker.children(buf, e.type, e.body + 78, e.end)) {
            if (k.type.equals("pasp") && k.end - k.body >= 8) {
                paspH = u32(buf.b, k.body);
                paspV = u32(buf.b, k.body + 4);
            } else if (k.type.equals("avcC") && AVC_ENTRIES.contains(e.type) && sps == null) {
                sps = readAvcC(buf, k);
            }
        }
        return new Track.VisualEntry(width, height, paspH, paspV, sps);
    }

    private static H264Sps readAvcC(Buf buf, Box avcC) throws Broken {
        Cur c = new Cur(buf, avcC);
        c.skip(5);
        int numSps = c.u8() & 0x1F;
        if (numSps == 0) {
            return null; // avc3: parameter sets in-band only
        }
        int len = c.u16();
        c.needBytes(len);
        try {
            return H264Sps.parse(buf.b, c.pos, len);
        } catch (H264Sps.InvalidSpsException ex) {
            throw new Broken("invalid H.264 SPS: " + ex.getMessage());
        }
    }
}

package zjlearn.probe.video;

import static zjlearn.probe.video.BoxWalker.need;
import static zjlearn.probe.video.DataExtent.addSat;
import static zjlearn.probe.video.DataExtent.mulSat;
import static zjlearn.probe.video.Mp4Bytes.u32;

/**
 * Reads a moof of a fragmented file: per traf the tfhd (track, base data offset, default duration and size, else the
 * trex's) and per trun its sample durations, which join the track's, and sample sizes, which say how far the
 * fragment's data reaches.
 */
final class FragmentReader {
    private FragmentReader() {
    }

    /** Reads the moof in {@code buf} into {@code movie}'s tracks, and how far its data reach into {@code extent}. */
    static void read(Buf buf, int headerSize, BoxWalker walker, Movie movie, DataExtent extent) throws Broken {
        if (!movie.hasMvex) {
            throw new Broken("moof box but no mvex in the moov");
        }
        movie.moofCount++;
        Box moof = walker.walk(buf, headerSize);
        long moofStart = buf.fileOffset;
        long prevTrafEnd = moofStart;
        boolean firstTraf = true;
        for (Box traf : moof.all("traf")) {
            Box tfhd = need(traf, "tfhd", "traf");
            Cur c = new Cur(buf, tfhd);
            c.skip(1);
            int flags = c.u24();
            long id = c.u32();
            long base = (flags & 0x020000) != 0 || firstTraf ? moofStart : prevTrafEnd;
            if ((flags & 0x01) != 0) {
                base = c.s64();
            }
            if ((flags & 0x02) != 0) {
                c.skip(4);
            }
            long[] defaults = movie.trex.get(id);
            if (defaults == null) {
                throw new Broken("fragment for track " + id + " that has no trex");
            }
            long defDuration = (flags & 0x08) != 0 ? c.u32() : defaults[0];
            long defSize = (flags & 0x10) != 0 ? c.u32() : defaults[1];
            Track track = movie.track(id);
            long pos = base;
            long trafEnd = base;
            for (Box trun : traf.all("trun")) {
                c = new Cur(buf, trun);
                c.skip(1);
                int tf = c.u24();
                long n = c.u32();
                if ((tf & 0x01) != 0) {
                    pos = addSat(base, c.s32());
                }
                if ((tf & 0x04) != 0) {
                    c.skip(4);
                }
                boolean perDuration = (tf & 0x100) != 0;
                boolean perSize = (tf & 0x200) != 0;
                int stride = Integer.bitCount(tf & 0xF00) * 4;
                c.needEntries(n, stride);
                long bytes = 0;
                if (!perDuration && track != null) {
                    track.deltas.add(n, defDuration);
                }
                if (!perSize) {
                    bytes = mulSat(n, defSize);
                }
                if (perDuration || perSize) {
                    for (long i = 0; i < n; i++) {
                        int at = c.pos;
                        if (perDuration) {
                            long d = u32(buf.b, at);
                            at += 4;
                            if (track != null) {
                                track.deltas.add(1, d);
                            }
                        }
                        if (perSize) {
                            bytes += u32(buf.b, at);
                        }
                        c.skip(stride);
                    }
                }
                pos = addSat(pos, bytes);
                trafEnd = Math.max(trafEnd, pos);
                if (pos >= 0) {
                    extent.reach(pos);
                }
            }
            prevTrafEnd = trafEnd;
            firstTraf = false;
        }
    }
}

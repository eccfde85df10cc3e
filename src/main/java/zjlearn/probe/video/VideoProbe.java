package zjlearn.probe.video;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;
import zjlearn.probe.FileType;
import zjlearn.probe.Magic;
import zjlearn.probe.ProbeException;

import static zjlearn.probe.video.Mp4Bytes.fourcc;
import static zjlearn.probe.video.Mp4Bytes.s64;
import static zjlearn.probe.video.Mp4Bytes.u16;
import static zjlearn.probe.video.Mp4Bytes.u32;

/**
 * Header-only MP4 / QuickTime probe. It reads top-level box headers (seeking past {@code mdat}, so a moov at the
 * end costs the same as one at the front), the {@code ftyp}, the {@code moov} and every {@code moof}; it never
 * reads sample data and never decodes a frame.
 *
 * <p>Every size and count in the file is checked before it is used (see {@code shared/notes/mp4-video.md} §7):
 * each box must fit its parent and the file, size 0 ("to end of file") is accepted only at top level, fourccs
 * must be printable, nesting is limited to {@value #MAX_DEPTH} levels and the walk to {@value #MAX_BOXES} boxes,
 * the moov to 64 MiB and each moof to 16 MiB, and each sample table's {@code count × entry size} must fit its box.
 * Memory use is therefore bounded by the real size of the moov/moof being read, never by what a header claims.
 * Anything that breaks these rules, and any unexpected error (including {@link OutOfMemoryError} and
 * {@link StackOverflowError}), becomes a {@link ProbeException} of kind {@code UNREADABLE}.
 */
public final class VideoProbe {

    static final long MAX_MOOV = 64L << 20;
    static final long MAX_MOOF = 16L << 20;
    static final long MAX_FTYP = 64L << 10;
    static final int MAX_DEPTH = 16;
    static final int MAX_BOXES = 100_000;
    static final int MAX_STSD_ENTRIES = 16;

    /** Containers whose children the walker checks; everything else is a leaf to it. */
    private static final Set<String> CONTAINERS = Set.of(
            "moov", "trak", "mdia", "minf", "stbl", "edts", "dinf", "mvex", "tref", "moof", "traf");
    /** Atoms a classic QuickTime file (no ftyp) may start with. */
    private static final Set<String> QT_LEADING = Set.of("moov", "mdat", "wide", "free", "skip", "pnot");
    private static final Set<String> HEIF_BRANDS = Set.of("heic", "heix", "heim", "heis", "mif1", "msf1");
    private static final Set<String> AVC_ENTRIES = Set.of("avc1", "avc2", "avc3", "avc4");

    private final SeekableByteChannel ch;
    private final LongAdder bytesRead;
    private final long fileSize;
    private int boxes;

    // facts gathered while scanning
    private String majorBrand;
    private final List<String> compatibleBrands = new ArrayList<>();
    private boolean sawFtyp;
    private final List<Track> tracks = new ArrayList<>();
    private final Map<Long, long[]> trex = new HashMap<>(); // track_ID -> {default duration, default size}
    private boolean hasMoov;
    private boolean hasMvex;
    private int moofCount;
    private boolean truncated;
    private long dataEnd;

    private VideoProbe(SeekableByteChannel ch, LongAdder bytesRead) throws IOException {
        this.ch = ch;
        this.bytesRead = bytesRead;
        this.fileSize = ch.size();
    }

    public static VideoFacts probe(Path file) throws ProbeException {
        return probe(file, null);
    }

    /**
     * Probes {@code file}, adding the number of bytes read from it to {@code bytesRead} (may be null).
     *
     * @throws ProbeException {@code EMPTY} for a 0-byte file, {@code UNREADABLE} with a short English detail for
     *                        anything that is not a sound MP4/QuickTime file or a recognised other format
     */
    public static VideoFacts probe(Path file, LongAdder bytesRead) throws ProbeException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            return probe(ch, bytesRead);
        } catch (ProbeException e) {
            throw e;
        } catch (IOException e) {
            throw new ProbeException(ProbeException.Kind.UNREADABLE, "cannot read file: " + e.getMessage(), e);
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    /** Probes an open channel; its position is changed. */
    public static VideoFacts probe(SeekableByteChannel ch, LongAdder bytesRead) throws ProbeException {
        try {
            if (ch.size() == 0) {
                throw new ProbeException(ProbeException.Kind.EMPTY, "empty file");
            }
            return new VideoProbe(ch, bytesRead).run();
        } catch (ProbeException e) {
            throw e;
        } catch (Broken e) {
            throw new ProbeException(ProbeException.Kind.UNREADABLE, e.getMessage());
        } catch (IOException e) {
            throw new ProbeException(ProbeException.Kind.UNREADABLE, "cannot read file: " + e.getMessage(), e);
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    private static ProbeException unexpected(Throwable t) {
        String what = t instanceof StackOverflowError ? "structure nested too deeply"
                : t instanceof OutOfMemoryError ? "structure too large"
                : "unexpected " + t.getClass().getSimpleName();
        return new ProbeException(ProbeException.Kind.UNREADABLE, "broken MP4 file (" + what + ")", t);
    }

    // ------------------------------------------------------------------------------------------ top level

    private VideoFacts run() throws IOException, Broken, ProbeException {
        byte[] head = read(0, (int) Math.min(16, fileSize));
        String firstType = head.length >= 8 ? fourcc(head, 4) : "";
        if (!firstType.equals("ftyp") && !QT_LEADING.contains(firstType)) {
            FileType foreign = sniffForeign(head);
            if (foreign != null) {
                return VideoFacts.other(foreign, fileSize);
            }
        }
        long pos = 0;
        int index = 0;
        while (pos < fileSize) {
            long left = fileSize - pos;
            if (left < 8) {
                if (!allZero(read(pos, (int) left))) {
                    truncated = true;
                }
                break;
            }
            byte[] h = pos == 0 && head.length == Math.min(16, left) ? head : read(pos, (int) Math.min(16, left));
            long size = u32(h, 0);
            String type = fourcc(h, 4);
            int headerSize = 8;
            if (!printable(h, 4)) {
                if (index == 0) {
                    throw new Broken("not an MP4 file (no ftyp box at the start)");
                }
                throw new Broken("invalid box type at offset " + pos);
            }
            if (index == 0 && !type.equals("ftyp") && !QT_LEADING.contains(type)) {
                throw new Broken("not an MP4 file (starts with '" + type + "', not an ftyp box)");
            }
            if (size == 1) {
                if (h.length < 16) {
                    truncated = true;
                    break;
                }
                size = s64(h, 8);
                headerSize = 16;
                if (size < 16) {
                    throw new Broken("'" + type + "' box at offset " + pos + " has an invalid 64-bit size");
                }
            } else if (size == 0) {
                size = left; // "extends to the end of the file": necessarily the last box
            } else if (size < 8) {
                throw new Broken("'" + type + "' box at offset " + pos + " has size " + size);
            }
            countBox();
            boolean pastEof = size > left;
            long end = addSat(pos, size);
            dataEnd = Math.max(dataEnd, end);
            switch (type) {
                case "ftyp" -> {
                    if (pastEof || size > MAX_FTYP) {
                        throw new Broken("ftyp box is " + (pastEof ? "cut short" : "too large"));
                    }
                    if (!sawFtyp) {
                        byte[] ftyp = readBox(pos, (int) size, h);
                        parseFtyp(Arrays.copyOfRange(ftyp, headerSize, ftyp.length));
                    }
                }
                case "moov" -> {
                    // a second moov is skipped, as players do (ffmpeg: "Found duplicated MOOV Atom. Skipped it")
                    if (!hasMoov) {
                        if (size > MAX_MOOV) {
                            throw new Broken("moov box larger than 64 MiB (" + size + " bytes)");
                        }
                        if (pastEof) {
                            throw new Broken("moov box ends past the end of the file (file cut short)");
                        }
                        parseMoov(new Buf(readBox(pos, (int) size, h), pos), headerSize);
                    }
                }
                case "moof" -> {
                    if (!hasMoov) {
                        throw new Broken("moof box before the moov box");
                    }
                    if (size > MAX_MOOF) {
                        throw new Broken("moof box larger than 16 MiB (" + size + " bytes)");
                    }
                    if (!pastEof) {
                        parseMoof(new Buf(readBox(pos, (int) size, h), pos), headerSize);
                    }
                }
                default -> {
                    // mdat, free, skip, wide, sidx, mfra, uuid ...: header only
                }
            }
            if (pastEof) {
                truncated = true;
                break;
            }
            pos = end;
            index++;
        }
        if (!hasMoov) {
            if (majorBrand != null && HEIF_BRANDS.contains(majorBrand)) {
                return VideoFacts.other(FileType.HEIC, fileSize);
            }
            throw new Broken(truncated ? "no moov box (file cut short)" : "no moov box");
        }
        for (Track t : tracks) {
            if (t.protection != null && ("vide".equals(t.handler) || "soun".equals(t.handler))) {
                throw new ProbeException(ProbeException.Kind.ENCRYPTED, "encrypted (DRM) " + ("vide".equals(t.handler)
                        ? "video" : "audio") + " track, scheme " + t.protection + ", codec " + t.codec);
            }
        }
        return facts();
    }

    private void parseFtyp(byte[] body) throws Broken {
        if (body.length < 8 || body.length % 4 != 0) {
            throw new Broken("invalid ftyp box");
        }
        sawFtyp = true;
        majorBrand = brand(body, 0);
        for (int i = 8; i < body.length; i += 4) {
            compatibleBrands.add(brand(body, i));
        }
    }

    private static String brand(byte[] b, int off) {
        StringBuilder s = new StringBuilder(4);
        for (int i = 0; i < 4; i++) {
            int c = b[off + i] & 0xFF;
            s.append(c >= 0x20 && c < 0x7F ? (char) c : '?');
        }
        return s.toString();
    }

    /**
     * Names a non-MP4 file from its magic bytes (the program's one table, {@link Magic}), or returns null.
     * Throws for known formats without a FileType.
     */
    private static FileType sniffForeign(byte[] h) throws Broken {
        Magic.Signature signature = Magic.match(h);
        if (signature == null) {
            return null;
        }
        if (signature.type() == FileType.UNKNOWN) {
            throw new Broken("not an MP4 file (" + signature.name() + ")");
        }
        return signature.type();
    }

    // ------------------------------------------------------------------------------------------ box tree

    private Box walk(Buf buf, int headerSize) throws Broken {
        Box root = new Box(fourcc(buf.b, 4), 0, headerSize, buf.b.length);
        walkKids(buf, root, 1);
        return root;
    }

    private void walkKids(Buf buf, Box parent, int depth) throws Broken {
        parent.kids = children(buf, parent.type, parent.body, parent.end);
        for (Box k : parent.kids) {
            if (CONTAINERS.contains(k.type)) {
                if (depth + 1 > MAX_DEPTH) {
                    throw new Broken("boxes nested more than " + MAX_DEPTH + " deep");
                }
                walkKids(buf, k, depth + 1);
            }
        }
    }

    /** Splits {@code [from, to)} of {@code buf} into boxes, each of which must fit exactly. */
    private List<Box> children(Buf buf, String parent, int from, int to) throws Broken {
        byte[] b = buf.b;
        List<Box> out = new ArrayList<>();
        int p = from;
        while (p < to) {
            int left = to - p;
            if (left < 8) {
                for (int i = p; i < to; i++) {
                    if (b[i] != 0) {
                        throw new Broken(left + " stray bytes at the end of '" + parent + "' box");
                    }
                }
                break; // QuickTime-style zero terminator
            }
            long size = u32(b, p);
            int headerSize = 8;
            String type = fourcc(b, p + 4);
            long at = buf.fileOffset + p;
            if (size == 1) {
                if (left < 16) {
                    throw new Broken("'" + type + "' box at offset " + at + " runs past its parent '" + parent + "'");
                }
                size = s64(b, p + 8);
                headerSize = 16;
                if (size < 16) {
                    throw new Broken("'" + type + "' box at offset " + at + " has an invalid 64-bit size");
                }
            } else if (size == 0) {
                throw new Broken("'" + type + "' box at offset " + at + " has size 0 inside '" + parent + "'");
            } else if (size < 8) {
                throw new Broken("'" + type + "' box at offset " + at + " has size " + size);
            }
            if (size > left) {
                throw new Broken("'" + type + "' box at offset " + at + " runs past its parent '" + parent + "'");
            }
            if (!printable(b, p + 4)) {
                throw new Broken("invalid box type at offset " + at + " inside '" + parent + "'");
            }
            countBox();
            out.add(new Box(type, p, p + headerSize, p + (int) size));
            p += (int) size;
        }
        return out;
    }

    private void countBox() throws Broken {
        if (++boxes > MAX_BOXES) {
            throw new Broken("more than " + MAX_BOXES + " boxes");
        }
    }

    // ------------------------------------------------------------------------------------------ moov

    /** Per-track facts. */
    private static final class Track {
        long id;
        String handler;
        long timescale;
        int[] matrix;
        Box sampleEntry;
        String codec;
        /** Protection scheme (cenc, cbcs...) of an encrypted track, "unknown" without schm; null when clear. */
        String protection;
        SampleEntryInfo visual;
        final Deltas deltas = new Deltas();
    }

    private void parseMoov(Buf buf, int headerSize) throws Broken {
        hasMoov = true;
        Box moov = walk(buf, headerSize);
        Box mvex = moov.first("mvex");
        if (mvex != null) {
            hasMvex = true;
            for (Box t : mvex.all("trex")) {
                Cur c = new Cur(buf, t);
                c.skip(4);
                long id = c.u32();
                c.skip(4); // default_sample_description_index
                trex.put(id, new long[] {c.u32(), c.u32()});
            }
        }
        for (Box trak : moov.all("trak")) {
            tracks.add(parseTrak(buf, trak));
        }
    }

    private Track parseTrak(Buf buf, Box trak) throws Broken {
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
        List<Box> sampleEntries = children(buf, "stsd", c.pos, stsd.end);
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
            t.visual = readVisualSampleEntry(buf, t.sampleEntry);
        }
        long samples = readStts(buf, need(stbl, "stts", "stbl"), t.deltas);
        checkTable(buf, stbl.first("ctts"), 8, 0);
        checkTable(buf, stbl.first("stss"), 4, 0);
        Box edts = trak.first("edts");
        Box elst = edts == null ? null : edts.first("elst");
        if (elst != null) {
            checkTable(buf, elst, new Cur(buf, elst).u8() == 1 ? 20 : 12, 0);
        }
        SampleSizes sizes = readSizes(buf, stbl);
        if (sizes.count != samples) {
            throw new Broken("track " + t.id + ": stts has " + samples + " samples but the size table has "
                    + sizes.count);
        }
        if (samples > 0) {
            checkDataExtent(buf, stbl, sizes, t.id);
        }
        return t;
    }

    /** Protected sample entries (ISO 23001-7): encv/enca/encs/enct with a sinf naming the original format. */
    private static final Set<String> PROTECTED_ENTRIES = Set.of("encv", "enca", "encs", "enct");

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
            for (Box k : children(buf, e.type, e.body + kidsAt, e.end)) {
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
            for (Box k : children(buf, "sinf", sinf.body, sinf.end)) {
                if (k.type.equals("frma") && k.end - k.body >= 4) {
                    t.codec = fourcc(buf.b, k.body);
                } else if (k.type.equals("schm") && k.end - k.body >= 8) {
                    t.protection = fourcc(buf.b, k.body + 4).strip();
                }
            }
        }
    }

    private static Box need(Box parent, String type, String parentName) throws Broken {
        Box b = parent.first(type);
        if (b == null) {
            throw new Broken("'" + parentName + "' box without '" + type + "'");
        }
        return b;
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

    /** stsz or stz2, validated; values read lazily from the buffer. */
    private static final class SampleSizes {
        Buf buf;
        long count;
        long constant; // > 0: every sample has this size
        int table;     // offset of the first entry
        int fieldBits;

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
    }

    private static SampleSizes readSizes(Buf buf, Box stbl) throws Broken {
        SampleSizes s = new SampleSizes();
        s.buf = buf;
        Box stsz = stbl.first("stsz");
        if (stsz != null) {
            Cur c = new Cur(buf, stsz);
            c.skip(4);
            s.constant = c.u32();
            s.count = c.u32();
            if (s.constant == 0) {
                c.needEntries(s.count, 4);
                s.fieldBits = 32;
            }
            s.table = c.pos;
            return s;
        }
        Box stz2 = stbl.first("stz2");
        if (stz2 == null) {
            throw new Broken("sample table without stsz");
        }
        Cur c = new Cur(buf, stz2);
        c.skip(7);
        s.fieldBits = c.u8();
        if (s.fieldBits != 4 && s.fieldBits != 8 && s.fieldBits != 16) {
            throw new Broken("stz2 field size " + s.fieldBits);
        }
        s.count = c.u32();
        c.needBytes((s.count * s.fieldBits + 7) / 8);
        s.table = c.pos;
        return s;
    }

    /** Max over chunks of (chunk offset + bytes of its samples) must not pass the end of the file. */
    private void checkDataExtent(Buf buf, Box stbl, SampleSizes sizes, long trackId) throws Broken {
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
        for (long r = 0; r < runs && sample < sizes.count; r++) {
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
            for (long k = Math.max(first, chunk); k <= last && sample < sizes.count; k++) {
                long off = wide ? s64(buf.b, offsets.pos + (int) ((k - 1) * 8))
                        : u32(buf.b, offsets.pos + (int) ((k - 1) * 4));
                if (off < 0) {
                    throw new Broken("track " + trackId + ": invalid chunk offset");
                }
                long n = Math.min(perChunk, sizes.count - sample);
                long bytes;
                if (sizes.constant > 0) {
                    bytes = mulSat(n, sizes.constant);
                } else {
                    bytes = 0;
                    for (long i = 0; i < n; i++) {
                        bytes += sizes.size(sample + i);
                    }
                }
                end = Math.max(end, addSat(off, bytes));
                sample += n;
                chunk = k + 1;
            }
        }
        dataEnd = Math.max(dataEnd, end);
        if (end > fileSize) {
            truncated = true;
        }
    }

    // ------------------------------------------------------------------------------------------ fragments

    private void parseMoof(Buf buf, int headerSize) throws Broken {
        if (!hasMvex) {
            throw new Broken("moof box but no mvex in the moov");
        }
        moofCount++;
        Box moof = walk(buf, headerSize);
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
            long[] defaults = trex.get(id);
            if (defaults == null) {
                throw new Broken("fragment for track " + id + " that has no trex");
            }
            long defDuration = (flags & 0x08) != 0 ? c.u32() : defaults[0];
            long defSize = (flags & 0x10) != 0 ? c.u32() : defaults[1];
            Track track = null;
            for (Track t : tracks) {
                if (t.id == id) {
                    track = t;
                }
            }
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
                    dataEnd = Math.max(dataEnd, pos);
                    if (pos > fileSize) {
                        truncated = true;
                    }
                }
            }
            prevTrafEnd = trafEnd;
            firstTraf = false;
        }
    }

    // ------------------------------------------------------------------------------------------ result

    private VideoFacts facts() throws Broken {
        Track video = null;
        int videoTracks = 0;
        String audioCodec = null;
        for (Track t : tracks) {
            if ("vide".equals(t.handler)) {
                videoTracks++;
                if (video == null) {
                    video = t;
                }
            } else if ("soun".equals(t.handler) && audioCodec == null) {
                audioCodec = t.codec;
            }
        }
        boolean quicktime = !sawFtyp || "qt  ".equals(majorBrand);
        String container = quicktime ? VideoFacts.QUICKTIME : VideoFacts.MP4;
        FileType type = quicktime ? FileType.QUICKTIME : FileType.MP4;
        boolean fragmented = hasMvex || moofCount > 0;
        if (video == null || video.codec == null) {
            return new VideoFacts(container, type, majorBrand, compatibleBrands, videoTracks, null, 0, 0, 0, 0, 0,
                    null, null, false, 0, false, video == null ? 0 : video.timescale, 0, 0, 0, 0, audioCodec,
                    fragmented, moofCount, truncated, dataEnd, fileSize);
        }
        Deltas d = video.deltas;
        if (d.count > 0 && video.timescale == 0) {
            throw new Broken("video track timescale is 0");
        }
        SampleEntryInfo se = video.visual;
        int codedW = se.width;
        int codedH = se.height;
        Boolean progressive = null;
        boolean mbaff = false;
        long parH = se.paspH;
        long parV = se.paspV;
        if (se.sps != null) {
            codedW = se.sps.width();
            codedH = se.sps.height();
            progressive = se.sps.frameMbsOnly();
            mbaff = se.sps.mbaff();
            if (parH <= 0 || parV <= 0) {
                parH = se.sps.sarWidth();
                parV = se.sps.sarHeight();
            }
        }
        if (parH <= 0 || parV <= 0) {
            parH = 1;
            parV = 1;
        }
        long g = gcd(parH, parV);
        parH /= g;
        parV /= g;
        int displayW = (int) Math.min(Integer.MAX_VALUE, Math.round(codedW * (double) parH / parV));
        int displayH = codedH;
        int rotation = rotation(video.matrix);
        if (rotation == 90 || rotation == 270) {
            int tmp = displayW;
            displayW = displayH;
            displayH = tmp;
        }
        double seconds = video.timescale == 0 ? 0 : d.sum / (double) video.timescale;
        boolean cfr = d.count > 0 && d.min() == d.max();
        double fps;
        if (d.count == 0 || seconds <= 0) {
            fps = 0;
        } else if (cfr && d.min() > 0) {
            fps = video.timescale / (double) d.min();
        } else {
            fps = d.count / seconds;
        }
        return new VideoFacts(container, type, majorBrand, compatibleBrands, videoTracks, video.codec, codedW, codedH,
                displayW, displayH, rotation, parH + ":" + parV, progressive, mbaff, fps, cfr, video.timescale,
                d.count, d.min(), d.max(), seconds, audioCodec, fragmented,
                moofCount, truncated, dataEnd, fileSize);
    }

    private record SampleEntryInfo(int width, int height, long paspH, long paspV, H264Sps sps) {
    }

    private SampleEntryInfo readVisualSampleEntry(Buf buf, Box e) throws Broken {
        if (e.end - e.body < 78) {
            throw new Broken("video sample entry '" + e.type + "' too short");
        }
        int width = u16(buf.b, e.body + 24);
        int height = u16(buf.b, e.body + 26);
        long paspH = 0;
        long paspV = 0;
        H264Sps sps = null;
        for (Box k : children(buf, e.type, e.body + 78, e.end)) {
            if (k.type.equals("pasp") && k.end - k.body >= 8) {
                paspH = u32(buf.b, k.body);
                paspV = u32(buf.b, k.body + 4);
            } else if (k.type.equals("avcC") && AVC_ENTRIES.contains(e.type) && sps == null) {
                sps = readAvcC(buf, k);
            }
        }
        return new SampleEntryInfo(width, height, paspH, paspV, sps);
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

    /**
     * Rotation of the tkhd matrix {a b u / c d v / x y w} as {@code atan2(c, a)}, rounded to a multiple of 90 and
     * normalised to 0..270: the same number as ffprobe's display-matrix "rotation" (mod 360). A phone's portrait
     * clip (a=0 b=1 c=-1 d=0) reads 270; ffmpeg 5.1's {@code -metadata:s:v rotate=90} writes a matrix that reads 90.
     */
    static int rotation(int[] m) {
        if (m == null || (m[0] == 0 && m[3] == 0)) {
            return 0;
        }
        double deg = Math.toDegrees(Math.atan2(m[3], m[0]));
        int r = (int) (Math.round(deg / 90.0) * 90);
        return ((r % 360) + 360) % 360;
    }

    private static long gcd(long a, long b) {
        while (b != 0) {
            long t = a % b;
            a = b;
            b = t;
        }
        return a == 0 ? 1 : a;
    }

    // ------------------------------------------------------------------------------------------ helpers

    private byte[] read(long pos, int len) throws IOException, Broken {
        byte[] out = new byte[len];
        ByteBuffer bb = ByteBuffer.wrap(out);
        ch.position(pos);
        while (bb.hasRemaining()) {
            int n = ch.read(bb);
            if (n < 0) {
                throw new Broken("file ended while reading (changed during the probe?)");
            }
            if (bytesRead != null) {
                bytesRead.add(n);
            }
        }
        return out;
    }

    /** Reads a whole box whose first bytes ({@code head}) were already read. */
    private byte[] readBox(long pos, int size, byte[] head) throws IOException, Broken {
        int have = Math.min(head.length, size);
        byte[] out = new byte[size];
        System.arraycopy(head, 0, out, 0, have);
        if (size > have) {
            byte[] rest = read(pos + have, size - have);
            System.arraycopy(rest, 0, out, have, rest.length);
        }
        return out;
    }

    /** Printable ASCII, plus 0xA9 ('©') which QuickTime uses as a first byte. */
    private static boolean printable(byte[] b, int p) {
        for (int i = 0; i < 4; i++) {
            int c = b[p + i] & 0xFF;
            if ((c < 0x20 || c > 0x7E) && !(i == 0 && c == 0xA9)) {
                return false;
            }
        }
        return true;
    }

    private static boolean allZero(byte[] b) {
        for (byte x : b) {
            if (x != 0) {
                return false;
            }
        }
        return true;
    }

    private static long addSat(long a, long b) {
        long r = a + b;
        return ((a ^ r) & (b ^ r)) < 0 ? (a < 0 ? Long.MIN_VALUE : Long.MAX_VALUE) : r;
    }

    private static long mulSat(long a, long b) {
        long hi = Math.multiplyHigh(a, b);
        long lo = a * b;
        return (hi == 0 && lo >= 0) ? lo : Long.MAX_VALUE;
    }
}

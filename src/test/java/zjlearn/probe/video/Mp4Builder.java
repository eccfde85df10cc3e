package zjlearn.probe.video;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Builds small synthetic MP4 files box by box. Sample data is fake (a few bytes per sample), which is all a
 * header-only probe needs: the tables, the avcC/SPS and the layout are real.
 */
public final class Mp4Builder {

    // --- video options
    public String brand = "isom";
    public List<String> compatible = List.of("isom", "iso2", "avc1", "mp41");
    public boolean ftyp = true;
    public String codec = "avc1";
    public int width = 1280;
    public int height = 720;
    public boolean interlaced;
    public boolean mbaff = true;
    public boolean includeSps = true;
    public byte[] spsOverride;
    public int vuiSarW;
    public int vuiSarH;
    public boolean scalingMatrix;
    public int profile = 100;
    public long paspH;
    public long paspV;
    public int rotation;
    public long timescale = 12800;
    public int frames = 6750;
    public long delta = 512;
    public long[] deltas; // per-sample durations (VFR); overrides frames/delta
    public int sampleSize = 4;
    public int samplesPerChunk = 25;
    public boolean videoTrack = true;
    public int extraVideoTracks;
    public boolean audio = true;
    public boolean moovFirst;
    /** The audio track's stsc has no entries (players accept it). */
    public boolean audioEmptyStsc;
    /** first_chunk of the video stsc's first run (1 is right; more than the chunk count points past the table). */
    public long stscFirstChunk = 1;
    /** Protection scheme ("cenc", "cbcs"): the video entry becomes encv and the audio entry enca, each with a sinf. */
    public String encryption;
    // fragmented: 0 = not fragmented; otherwise samples per fragment (moov keeps moovSamples)
    public int fragmentSamples;
    public int moovSamples;
    public boolean defaultBaseIsMoof = true;

    static final int AUDIO_FRAMES_PER_SECOND_NUM = 44100;

    // ------------------------------------------------------------------ high level

    public byte[] build() {
        long[] d = sampleDeltas();
        int moovCount = fragmentSamples > 0 ? moovSamples : d.length;
        long[] moovDeltas = Arrays.copyOf(d, moovCount);
        // the audio runs one second longer than the video, so a probe that reads the wrong track is caught
        int audioFrames = audio ? (int) Math.min(50_000, sum(d) * 44100 / timescale / 1024 + 44) : 0;
        byte[] ftypBox = ftyp ? ftypBox() : new byte[0];
        long videoBytes = (long) moovCount * sampleSize;
        long audioBytes = audioFrames * 2L;
        int mdatPayload = (int) (videoBytes + audioBytes);
        // moov size does not depend on the offsets, so build once to measure
        int moovLen = moov(moovDeltas, audioFrames, 0, d).length;
        long mdatStart = moovFirst || fragmentSamples > 0 ? ftypBox.length + moovLen : ftypBox.length;
        long dataStart = mdatStart + 8;
        byte[] moov = moov(moovDeltas, audioFrames, dataStart, d);
        byte[] mdat = box("mdat", new byte[mdatPayload]);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(ftypBox);
        if (moovFirst || fragmentSamples > 0) {
            out.writeBytes(moov);
            out.writeBytes(mdat);
        } else {
            out.writeBytes(mdat);
            out.writeBytes(moov);
        }
        if (fragmentSamples > 0) {
            int seq = 1;
            for (int i = moovCount; i < d.length; i += fragmentSamples) {
                long[] part = Arrays.copyOfRange(d, i, Math.min(d.length, i + fragmentSamples));
                out.writeBytes(fragment(seq++, part, out.size()));
            }
        }
        return out.toByteArray();
    }

    /** Fills {@code length} bytes of sample data. */
    @FunctionalInterface
    public interface Payload {
        void write(java.nio.channels.FileChannel channel, long length) throws IOException;
    }

    /**
     * Writes a large file without holding it in memory: ftyp, an mdat whose {@code sampleSize × frames}
     * bytes come from {@code payload} (with a 64-bit size from 4 GiB on), then the moov (no audio, no
     * fragments).
     */
    public void writeLarge(Path file, Payload payload) throws IOException {
        long[] d = sampleDeltas();
        byte[] ftypBox = ftypBox();
        long payloadBytes = (long) d.length * sampleSize;
        boolean large = 8 + payloadBytes > 0xFFFFFFFFL;
        if (audio || fragmentSamples > 0) {
            throw new IllegalArgumentException("writeLarge: no audio, no fragments");
        }
        byte[] mdatHeader = large
                ? concat(u32(1), ascii("mdat"), java.nio.ByteBuffer.allocate(8).putLong(16 + payloadBytes).array())
                : concat(u32(8 + payloadBytes), ascii("mdat"));
        byte[] moov = moov(d, 0, ftypBox.length + mdatHeader.length, d);
        try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(file, java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.TRUNCATE_EXISTING, java.nio.file.StandardOpenOption.WRITE)) {
            ch.write(java.nio.ByteBuffer.wrap(concat(ftypBox, mdatHeader)));
            payload.write(ch, payloadBytes);
            ch.write(java.nio.ByteBuffer.wrap(moov));
        }
    }

    public Path write(Path dir, String name) throws IOException {
        return Files.write(dir.resolve(name), build());
    }

    long[] sampleDeltas() {
        if (deltas != null) {
            return deltas;
        }
        long[] d = new long[frames];
        Arrays.fill(d, delta);
        return d;
    }

    private static long sum(long[] d) {
        long s = 0;
        for (long x : d) {
            s += x;
        }
        return s;
    }

    byte[] ftypBox() {
        List<byte[]> parts = new ArrayList<>();
        parts.add(ascii(brand));
        parts.add(u32(512));
        for (String c : compatible) {
            parts.add(ascii(c));
        }
        return box("ftyp", parts.toArray(new byte[0][]));
    }

    private byte[] moov(long[] videoDeltas, int audioFrames, long dataStart, long[] all) {
        List<byte[]> kids = new ArrayList<>();
        long movieDuration = sum(all) * 1000 / timescale;
        kids.add(fullBox("mvhd", 0, 0, u32(0), u32(0), u32(1000), u32(movieDuration), u32(0x00010000),
                u16(0x0100), new byte[10], matrix(0), new byte[24], u32(4)));
        int trackId = 1;
        long offset = dataStart;
        if (videoTrack) {
            kids.add(videoTrak(trackId++, videoDeltas, offset, codec));
            offset += (long) videoDeltas.length * sampleSize;
            for (int i = 0; i < extraVideoTracks; i++) {
                kids.add(videoTrak(trackId++, new long[0], offset, codec));
            }
        }
        if (audio) {
            kids.add(audioTrak(trackId++, audioFrames, offset));
        }
        if (fragmentSamples > 0) {
            List<byte[]> trex = new ArrayList<>();
            for (int id = 1; id < trackId; id++) {
                trex.add(fullBox("trex", 0, 0, u32(id), u32(1), u32(delta), u32(sampleSize), u32(0)));
            }
            kids.add(box("mvex", trex.toArray(new byte[0][])));
        }
        return box("moov", kids.toArray(new byte[0][]));
    }

    private byte[] videoTrak(int id, long[] d, long dataOffset, String fourcc) {
        double sar = paspH > 0 ? paspH / (double) paspV : vuiSarW > 0 ? vuiSarW / (double) vuiSarH : 1;
        long tkW = Math.round(width * sar * 65536);
        byte[] tkhd = fullBox("tkhd", 0, 3, u32(0), u32(0), u32(id), u32(0), u32(sum(d) * 1000 / timescale),
                new byte[8], u16(0), u16(0), u16(0), u16(0), matrix(rotation), u32(tkW), u32((long) height << 16));
        byte[] mdhd = fullBox("mdhd", 0, 0, u32(0), u32(0), u32(timescale), u32(sum(d)), u16(0x55C4), u16(0));
        byte[] hdlr = fullBox("hdlr", 0, 0, u32(0), ascii("vide"), new byte[12], ascii("VideoHandler\0"));
        byte[] vmhd = fullBox("vmhd", 0, 1, new byte[8]);
        byte[] stbl = box("stbl", stsd(visualEntry(fourcc)), stts(d), stsc(), stsz(d.length), stco(d.length, dataOffset));
        byte[] minf = box("minf", vmhd, dinf(), stbl);
        return box("trak", tkhd, box("mdia", mdhd, hdlr, minf));
    }

    private byte[] audioTrak(int id, int n, long dataOffset) {
        byte[] tkhd = fullBox("tkhd", 0, 3, u32(0), u32(0), u32(id), u32(0), u32(0), new byte[8], u16(0), u16(1),
                u16(0x0100), u16(0), matrix(0), u32(0), u32(0));
        byte[] mdhd = fullBox("mdhd", 0, 0, u32(0), u32(0), u32(44100), u32(n * 1024L), u16(0x55C4), u16(0));
        byte[] hdlr = fullBox("hdlr", 0, 0, u32(0), ascii("soun"), new byte[12], ascii("SoundHandler\0"));
        byte[] smhd = fullBox("smhd", 0, 0, new byte[4]);
        byte[] esds = fullBox("esds", 0, 0, new byte[] {3, 0x19, 0, 2, 0, 4, 0x11, 0x40, 0x15, 0, 0, 0, 0, 0, 0x7D,
            0, 0, 0, 0x7D, 0, 5, 2, 0x12, 0x10, 6, 1, 2});
        byte[] mp4a = box("mp4a", new byte[6], u16(1), new byte[8], u16(2), u16(16), u16(0), u16(0),
                u32(44100L << 16), esds);
        long[] d = new long[n];
        Arrays.fill(d, 1024);
        ByteArrayOutputStream sizes = new ByteArrayOutputStream();
        for (int i = 0; i < n; i++) {
            sizes.writeBytes(u32(2));
        }
        byte[] stsz = fullBox("stsz", 0, 0, u32(0), u32(n), sizes.toByteArray());
        byte[] stsc = audioEmptyStsc ? fullBox("stsc", 0, 0, u32(0))
                : fullBox("stsc", 0, 0, u32(1), u32(1), u32(n), u32(1));
        byte[] stco = fullBox("stco", 0, 0, u32(1), u32(dataOffset));
        if (encryption != null) {
            mp4a = protect(mp4a, "enca");
        }
        byte[] stbl = box("stbl", stsd(mp4a), stts(d), stsc, stsz, stco);
        return box("trak", tkhd, box("mdia", mdhd, hdlr, box("minf", smhd, dinf(), stbl)));
    }

    private static byte[] dinf() {
        return box("dinf", fullBox("dref", 0, 0, u32(1), fullBox("url ", 0, 1)));
    }

    byte[] visualEntry(String fourcc) {
        List<byte[]> kids = new ArrayList<>();
        if (fourcc.startsWith("avc")) {
            kids.add(avcC());
        } else if (fourcc.equals("hvc1") || fourcc.equals("hev1")) {
            kids.add(box("hvcC", new byte[23]));
        }
        if (paspH > 0) {
            kids.add(box("pasp", u32(paspH), u32(paspV)));
        }
        List<byte[]> parts = new ArrayList<>();
        parts.add(new byte[6]);
        parts.add(u16(1));
        parts.add(new byte[16]);
        parts.add(u16(width));
        parts.add(u16(height));
        parts.add(u32(0x00480000));
        parts.add(u32(0x00480000));
        parts.add(u32(0));
        parts.add(u16(1));
        parts.add(new byte[32]);
        parts.add(u16(0x18));
        parts.add(u16(0xFFFF));
        parts.addAll(kids);
        byte[] entry = box(fourcc, parts.toArray(new byte[0][]));
        return encryption == null ? entry : protect(entry, "encv");
    }

    /** The sample entry renamed to encv/enca with a sinf (frma = original format, schm, schi/tenc) appended. */
    private byte[] protect(byte[] entry, String protectedType) {
        String original = new String(entry, 4, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
        byte[] sinf = box("sinf", box("frma", ascii(original)),
                fullBox("schm", 0, 0, ascii(encryption), u32(0x00010000)),
                box("schi", fullBox("tenc", 0, 0, new byte[] {0, 0, 1, 16}, new byte[16])));
        byte[] out = Arrays.copyOf(entry, entry.length + sinf.length);
        System.arraycopy(sinf, 0, out, entry.length, sinf.length);
        byte[] size = u32(out.length);
        System.arraycopy(size, 0, out, 0, 4);
        System.arraycopy(ascii(protectedType), 0, out, 4, 4);
        return out;
    }

    byte[] avcC() {
        if (!includeSps) {
            return box("avcC", new byte[] {1, (byte) profile, 0, 31, (byte) 0xFF, (byte) 0xE0, 0});
        }
        byte[] sps = spsOverride != null ? spsOverride : sps();
        byte[] pps = {0x68, (byte) 0xEB, (byte) 0xE3, (byte) 0xCB, 0x22, (byte) 0xC0};
        return box("avcC", new byte[] {1, sps[1], sps[2], sps[3], (byte) 0xFF, (byte) 0xE1}, u16(sps.length), sps,
                new byte[] {1}, u16(pps.length), pps);
    }

    byte[] sps() {
        BitWriter w = new BitWriter();
        w.u(8, profile);
        w.u(8, 0);
        w.u(8, 31);
        w.ue(0);
        if (profile == 100) {
            w.ue(1); // chroma_format_idc 4:2:0
            w.ue(0);
            w.ue(0);
            w.u(1, 0);
            w.u(1, scalingMatrix ? 1 : 0);
            if (scalingMatrix) {
                for (int i = 0; i < 8; i++) {
                    boolean present = i == 0 || i == 6;
                    w.u(1, present ? 1 : 0);
                    if (i == 0) {
                        for (int j = 0; j < 16; j++) {
                            w.se(1); // 9, 10, 11, ...
                        }
                    } else if (i == 6) {
                        w.se(-8); // nextScale 0: use the default list
                    }
                }
            }
        }
        w.ue(0); // log2_max_frame_num_minus4
        w.ue(0); // pic_order_cnt_type
        w.ue(2);
        w.ue(4); // max_num_ref_frames
        w.u(1, 0);
        int mbsW = (width + 15) / 16;
        int unitH = interlaced ? 32 : 16;
        int mapUnits = (height + unitH - 1) / unitH;
        w.ue(mbsW - 1);
        w.ue(mapUnits - 1);
        w.u(1, interlaced ? 0 : 1);
        if (interlaced) {
            w.u(1, mbaff ? 1 : 0);
        }
        w.u(1, 1); // direct_8x8_inference
        int cropR = mbsW * 16 - width;
        int cropB = mapUnits * unitH - height;
        int cropUnitY = interlaced ? 4 : 2;
        if (cropR > 0 || cropB > 0) {
            w.u(1, 1);
            w.ue(0);
            w.ue(cropR / 2);
            w.ue(0);
            w.ue(cropB / cropUnitY);
        } else {
            w.u(1, 0);
        }
        w.u(1, 1); // vui_parameters_present_flag
        if (vuiSarW > 0) {
            w.u(1, 1);
            int idc = vuiSarW == 4 && vuiSarH == 3 ? 14 : vuiSarW == 1 && vuiSarH == 1 ? 1 : 255;
            w.u(8, idc);
            if (idc == 255) {
                w.u(16, vuiSarW);
                w.u(16, vuiSarH);
            }
        } else {
            w.u(1, 0);
        }
        w.u(1, 0); // overscan
        w.u(1, 0); // video_signal_type
        w.u(1, 0); // chroma_loc
        w.u(1, 1); // timing_info_present
        w.u(32, 1);
        w.u(32, 50);
        w.u(1, 1);
        w.u(1, 0);
        w.u(1, 0);
        w.u(1, 0); // pic_struct_present
        w.u(1, 0); // bitstream_restriction
        w.trailing();
        return nal(0x67, w.bytes());
    }

    /** NAL header + payload with emulation prevention bytes. */
    static byte[] nal(int header, byte[] rbsp) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(header);
        int zeros = 0;
        for (byte b : rbsp) {
            int v = b & 0xFF;
            if (zeros >= 2 && v <= 3) {
                out.write(3);
                zeros = 0;
            }
            out.write(v);
            zeros = v == 0 ? zeros + 1 : 0;
        }
        return out.toByteArray();
    }

    private byte[] stsd(byte[] entry) {
        return fullBox("stsd", 0, 0, u32(1), entry);
    }

    static byte[] stts(long[] d) {
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        int n = 0;
        int i = 0;
        while (i < d.length) {
            int j = i;
            while (j < d.length && d[j] == d[i]) {
                j++;
            }
            e.writeBytes(u32(j - i));
            e.writeBytes(u32(d[i]));
            n++;
            i = j;
        }
        return fullBox("stts", 0, 0, u32(n), e.toByteArray());
    }

    private byte[] stsc() {
        return fullBox("stsc", 0, 0, u32(1), u32(stscFirstChunk), u32(samplesPerChunk), u32(1));
    }

    private byte[] stsz(int n) {
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        for (int i = 0; i < n; i++) {
            e.writeBytes(u32(sampleSize));
        }
        return fullBox("stsz", 0, 0, u32(0), u32(n), e.toByteArray());
    }

    private byte[] stco(int samples, long dataOffset) {
        int chunks = (samples + samplesPerChunk - 1) / samplesPerChunk;
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        for (int c = 0; c < chunks; c++) {
            e.writeBytes(u32(dataOffset + (long) c * samplesPerChunk * sampleSize));
        }
        return fullBox("stco", 0, 0, u32(chunks), e.toByteArray());
    }

    private byte[] fragment(int seq, long[] d, long moofStart) {
        // trun: data offset + per-sample duration + per-sample size
        ByteArrayOutputStream samples = new ByteArrayOutputStream();
        for (long x : d) {
            samples.writeBytes(u32(x));
            samples.writeBytes(u32(sampleSize));
        }
        int tfhdFlags = defaultBaseIsMoof ? 0x020000 : 0x000001;
        byte[] probeTrun = fullBox("trun", 0, 0x301, u32(d.length), u32(0), samples.toByteArray());
        byte[] tfhd = defaultBaseIsMoof ? fullBox("tfhd", 0, tfhdFlags, u32(1))
                : fullBox("tfhd", 0, tfhdFlags, u32(1), u64(moofStart));
        byte[] mfhd = fullBox("mfhd", 0, 0, u32(seq));
        int moofLen = box("moof", mfhd, box("traf", tfhd, probeTrun)).length;
        byte[] trun = fullBox("trun", 0, 0x301, u32(d.length), u32(moofLen + 8), samples.toByteArray());
        byte[] moof = box("moof", mfhd, box("traf", tfhd, trun));
        byte[] mdat = box("mdat", new byte[d.length * sampleSize]);
        return concat(moof, mdat);
    }

    static byte[] matrix(int rotation) {
        int a;
        int b;
        int c;
        int d;
        switch (rotation) {
            // counter-clockwise, as ffprobe counts: a = cos, b = -sin, c = sin, d = cos
            case 90 -> { a = 0; b = -1; c = 1; d = 0; }
            case 180 -> { a = -1; b = 0; c = 0; d = -1; }
            case 270 -> { a = 0; b = 1; c = -1; d = 0; }
            default -> { a = 1; b = 0; c = 0; d = 1; }
        }
        return concat(u32(a << 16), u32(b << 16), u32(0), u32(c << 16), u32(d << 16), u32(0), u32(0), u32(0),
                u32(0x40000000));
    }

    // ------------------------------------------------------------------ low level

    static byte[] box(String type, byte[]... parts) {
        byte[] body = concat(parts);
        return concat(u32(8L + body.length), ascii(type), body);
    }

    static byte[] fullBox(String type, int version, int flags, byte[]... parts) {
        return box(type, concat(new byte[] {(byte) version, (byte) (flags >>> 16), (byte) (flags >>> 8),
            (byte) flags}), concat(parts));
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    static byte[] u16(int v) {
        return new byte[] {(byte) (v >>> 8), (byte) v};
    }

    static byte[] u32(long v) {
        return new byte[] {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v};
    }

    static byte[] u64(long v) {
        return concat(u32(v >>> 32), u32(v));
    }

    /** Finds the first occurrence of a fourcc, returning the offset of its box header (fourcc - 4). */
    static int find(byte[] file, String fourcc) {
        byte[] f = ascii(fourcc);
        for (int i = 4; i + 4 <= file.length; i++) {
            if (file[i] == f[0] && file[i + 1] == f[1] && file[i + 2] == f[2] && file[i + 3] == f[3]) {
                return i - 4;
            }
        }
        throw new IllegalArgumentException(fourcc + " not found");
    }

    static void putU32(byte[] b, int at, long v) {
        System.arraycopy(u32(v), 0, b, at, 4);
    }

    /** MSB-first bit writer with exp-Golomb codes. */
    static final class BitWriter {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private int cur;
        private int n;

        void u(int bits, long v) {
            for (int i = bits - 1; i >= 0; i--) {
                cur = (cur << 1) | (int) ((v >>> i) & 1);
                if (++n == 8) {
                    out.write(cur);
                    cur = 0;
                    n = 0;
                }
            }
        }

        void ue(long v) {
            long x = v + 1;
            int len = 64 - Long.numberOfLeadingZeros(x);
            u(len - 1, 0);
            u(len, x);
        }

        void se(long v) {
            ue(v > 0 ? 2 * v - 1 : -2 * v);
        }

        void trailing() {
            u(1, 1);
            while (n != 0) {
                u(1, 0);
            }
        }

        byte[] bytes() {
            return out.toByteArray();
        }
    }
}

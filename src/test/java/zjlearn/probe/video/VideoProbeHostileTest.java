package zjlearn.probe.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static zjlearn.probe.video.Mp4Builder.box;
import static zjlearn.probe.video.Mp4Builder.concat;
import static zjlearn.probe.video.Mp4Builder.find;
import static zjlearn.probe.video.Mp4Builder.putU32;
import static zjlearn.probe.video.Mp4Builder.u32;
import static zjlearn.probe.video.Mp4Builder.u64;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import zjlearn.rules.FileType;
import zjlearn.probe.ProbeException;

/**
 * Crafted and damaged files. Each must come back quickly as a ProbeException (or with truncated=true), allocating
 * little memory, under the default surefire heap.
 */
class VideoProbeHostileTest {

    /** What a probe may allocate on a hostile file: well below any claimed size. */
    private static final long MAX_ALLOC = 24L << 20;
    private static final long MAX_MILLIS = 2_000;

    @TempDir
    Path dir;

    private int counter;

    private Path file(byte[] content) throws IOException {
        return Files.write(dir.resolve("f" + (counter++) + ".mp4"), content);
    }

    /** Runs the probe, checking its CPU time and allocation; returns the facts or the exception. */
    private static Object run(Path p) {
        return measure(p.getFileName().toString(), () -> VideoProbe.probe(p));
    }

    /** The same on the first {@code length} bytes of {@code b}, in memory. */
    private static Object run(byte[] b, int length) {
        return measure("in-memory", () -> VideoProbe.probe(new MemoryChannel(b, length), null));
    }

    private interface Probe {
        VideoFacts get() throws ProbeException;
    }

    private static Object measure(String name, Probe probe) {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long tid = Thread.currentThread().getId();
        long before = mx.getThreadAllocatedBytes(tid);
        long t0 = mx.getThreadCpuTime(tid); // CPU time: other programs busy on the machine must not fail the test
        Object result;
        try {
            result = probe.get();
        } catch (ProbeException e) {
            result = e;
        }
        long ms = (mx.getThreadCpuTime(tid) - t0) / 1_000_000;
        long alloc = mx.getThreadAllocatedBytes(tid) - before;
        assertThat(ms).as("CPU time for %s", name).isLessThan(MAX_MILLIS);
        assertThat(alloc).as("bytes allocated for %s", name).isLessThan(MAX_ALLOC);
        return result;
    }

    private ProbeException unreadable(byte[] content, String detailPart) throws IOException {
        Object r = run(file(content));
        if (!(r instanceof ProbeException e)) {
            return fail("expected UNREADABLE, got " + r);
        }
        assertThat(e.kind()).isEqualTo(ProbeException.Kind.UNREADABLE);
        assertThat(e.getMessage()).containsIgnoringCase(detailPart);
        return e;
    }

    private VideoFacts facts(byte[] content) throws IOException {
        Object r = run(file(content));
        if (r instanceof ProbeException e) {
            return fail("expected facts, got " + e.kind() + ": " + e.getMessage());
        }
        return (VideoFacts) r;
    }

    private static byte[] faststart() {
        Mp4Builder b = new Mp4Builder();
        b.frames = 250;
        b.moovFirst = true;
        return b.build();
    }

    private static byte[] moovAtEnd() {
        Mp4Builder b = new Mp4Builder();
        b.frames = 250;
        return b.build();
    }

    // ------------------------------------------------------------------ not MP4 at all

    @Test
    void emptyFile() throws Exception {
        Object r = run(file(new byte[0]));
        assertThat(r).isInstanceOf(ProbeException.class);
        assertThat(((ProbeException) r).kind()).isEqualTo(ProbeException.Kind.EMPTY);
    }

    @Test
    void randomBytes() throws Exception {
        Random rnd = new Random(42);
        for (int i = 0; i < 20; i++) {
            byte[] b = new byte[1 + rnd.nextInt(1 << 20)];
            rnd.nextBytes(b);
            b[0] = (byte) (0x80 | b[0]); // keep clear of real magic numbers
            unreadable(b, "not an MP4 file");
        }
    }

    @Test
    void textFile() throws Exception {
        unreadable("hello, this is not a video".getBytes(), "not an MP4 file (starts with 'o, t");
    }

    @Test
    void jpegAndMatroskaAreNamed() throws Exception {
        byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0};
        VideoFacts f = facts(jpeg);
        assertThat(f.container().kind()).isEqualTo("other");
        assertThat(f.container().detectedType()).isEqualTo(FileType.JPEG);
        assertThat(f.picture().codec()).isNull();
        byte[] mkv = {0x1A, 0x45, (byte) 0xDF, (byte) 0xA3, (byte) 0x9F, 0x42, (byte) 0x86, (byte) 0x81, 1};
        f = facts(mkv);
        assertThat(f.container().kind()).isEqualTo("other");
        assertThat(f.container().detectedType()).isEqualTo(FileType.MATROSKA);
        assertThat(f.toMap().get("container")).isEqualTo("other");
    }

    @Test
    void heifImageIsNamed() throws Exception {
        byte[] heic = concat(box("ftyp", Mp4Builder.ascii("heic"), u32(0), Mp4Builder.ascii("mif1heic")),
                box("meta", new byte[40]));
        assertThat(facts(heic).container().detectedType()).isEqualTo(FileType.HEIC);
    }

    // ------------------------------------------------------------------ sizes

    @Test
    void moovWithLargesize2Pow40() throws Exception {
        byte[] ok = faststart();
        int moov = find(ok, "moov");
        long size = u32at(ok, moov);
        byte[] crafted = concat(Arrays.copyOf(ok, moov), u32(1), Mp4Builder.ascii("moov"), u64(1L << 40),
                Arrays.copyOfRange(ok, moov + 8, ok.length));
        assertThat(size).isLessThan(1 << 20);
        unreadable(crafted, "moov box larger than 64 MiB");
    }

    @Test
    void largesizeSmallerThanHeader() throws Exception {
        byte[] ok = faststart();
        int moov = find(ok, "moov");
        byte[] crafted = concat(Arrays.copyOf(ok, moov), u32(1), Mp4Builder.ascii("moov"), u64(12),
                Arrays.copyOfRange(ok, moov + 8, ok.length));
        unreadable(crafted, "invalid 64-bit size");
    }

    @Test
    void mdatWithLargesize2Pow40() throws Exception {
        // moov first: the mdat claims a terabyte it does not have -> truncated
        byte[] ok = faststart();
        int mdat = find(ok, "mdat");
        byte[] crafted = concat(Arrays.copyOf(ok, mdat), u32(1), Mp4Builder.ascii("mdat"), u64(1L << 40),
                Arrays.copyOfRange(ok, mdat + 8, ok.length));
        VideoFacts f = facts(crafted);
        assertThat(f.integrity().truncated()).isTrue();
        assertThat(f.integrity().dataEnd()).isEqualTo(mdat + (1L << 40));
        // moov at end: the moov is then "beyond" the mdat -> no moov
        byte[] end = moovAtEnd();
        int mdat2 = find(end, "mdat");
        byte[] crafted2 = concat(Arrays.copyOf(end, mdat2), u32(1), Mp4Builder.ascii("mdat"), u64(1L << 40),
                Arrays.copyOfRange(end, mdat2 + 8, end.length));
        unreadable(crafted2, "no moov box (file cut short)");
    }

    @Test
    void negativeLargesize() throws Exception {
        byte[] ok = faststart();
        int mdat = find(ok, "mdat");
        byte[] crafted = concat(Arrays.copyOf(ok, mdat), u32(1), Mp4Builder.ascii("mdat"), u64(-16),
                Arrays.copyOfRange(ok, mdat + 8, ok.length));
        unreadable(crafted, "invalid 64-bit size");
    }

    @Test
    void sizeZeroBeforeTheMoov() throws Exception {
        byte[] ok = faststart();
        int moov = find(ok, "moov");
        byte[] crafted = concat(Arrays.copyOf(ok, moov), u32(0), Mp4Builder.ascii("free"),
                Arrays.copyOfRange(ok, moov, ok.length));
        unreadable(crafted, "no moov box");
    }

    @Test
    void sizeZeroForTheLastMdatIsFine() throws Exception {
        byte[] ok = faststart();
        int mdat = find(ok, "mdat");
        putU32(ok, mdat, 0);
        VideoFacts f = facts(ok);
        assertThat(f.integrity().truncated()).isFalse();
        assertThat(f.timing().frameCount()).isEqualTo(250);
    }

    @Test
    void sizeZeroInsideMoov() throws Exception {
        byte[] ok = faststart();
        putU32(ok, find(ok, "trak"), 0);
        unreadable(ok, "size 0 inside 'moov'");
    }

    @Test
    void sizeBelowHeader() throws Exception {
        byte[] ok = faststart();
        putU32(ok, find(ok, "mvhd"), 4);
        unreadable(ok, "has size 4");
        byte[] top = faststart();
        putU32(top, find(top, "mdat"), 7);
        unreadable(top, "has size 7");
    }

    @Test
    void childBiggerThanParent() throws Exception {
        byte[] ok = faststart();
        int moov = find(ok, "moov");
        putU32(ok, find(ok, "trak"), u32at(ok, moov) + 100);
        unreadable(ok, "runs past its parent 'moov'");
    }

    @Test
    void overlappingBoxes() throws Exception {
        byte[] ok = faststart();
        int tkhd = find(ok, "tkhd");
        putU32(ok, tkhd, u32at(ok, tkhd) + 12); // swallows the start of mdia
        Object r = run(file(ok));
        assertThat(r).isInstanceOf(ProbeException.class);
        assertThat(((ProbeException) r).kind()).isEqualTo(ProbeException.Kind.UNREADABLE);
    }

    @Test
    void nonPrintableFourccInsideMoov() throws Exception {
        byte[] ok = faststart();
        int mvhd = find(ok, "mvhd");
        ok[mvhd + 4] = 1;
        unreadable(ok, "invalid box type");
    }

    @Test
    void moovClaiming100MiBInA1MiBFile() throws Exception {
        byte[] ok = concat(faststart(), box("free", new byte[1 << 20]));
        putU32(ok, find(ok, "moov"), 100L << 20);
        unreadable(ok, "moov box larger than 64 MiB");
    }

    @Test
    void moovClaiming60MiBPastEof() throws Exception {
        byte[] ok = concat(faststart(), box("free", new byte[1 << 20]));
        putU32(ok, find(ok, "moov"), 60L << 20);
        unreadable(ok, "moov box ends past the end of the file");
    }

    @Test
    void moofLargerThan16MiB() throws Exception {
        Mp4Builder b = new Mp4Builder();
        b.frames = 100;
        b.fragmentSamples = 25;
        byte[] ok = b.build();
        putU32(ok, find(ok, "moof"), 17L << 20);
        unreadable(ok, "moof box larger than 16 MiB");
    }

    @Test
    void tooManyTopLevelBoxes() throws Exception {
        byte[] ok = faststart();
        byte[] frees = new byte[8 * 150_000];
        for (int i = 0; i < 150_000; i++) {
            putU32(frees, i * 8, 8);
            System.arraycopy(Mp4Builder.ascii("free"), 0, frees, i * 8 + 4, 4);
        }
        int ftypEnd = find(ok, "moov");
        unreadable(concat(Arrays.copyOf(ok, ftypEnd), frees, Arrays.copyOfRange(ok, ftypEnd, ok.length)),
                "more than 100000 boxes");
    }

    // ------------------------------------------------------------------ nesting

    @ParameterizedTest
    @ValueSource(strings = {"trak", "moov", "edts", "mvex", "stbl"})
    void fiftyThousandNestedContainers(String type) throws Exception {
        unreadable(nestedInMoov(type, 50_000), "nested more than 16 deep");
    }

    @Test
    void fiftyThousandNestedUdtaIsSkippedAsOneLeaf() throws Exception {
        VideoFacts f = facts(nestedInMoov("udta", 50_000));
        assertThat(f.timing().frameCount()).isEqualTo(250);
    }

    /** The faststart file with {@code depth} boxes of {@code type} nested inside its moov. */
    private static byte[] nestedInMoov(String type, int depth) {
        byte[] nest = new byte[8 * depth];
        for (int i = 0; i < depth; i++) {
            putU32(nest, i * 8, 8L * (depth - i));
            System.arraycopy(Mp4Builder.ascii(type), 0, nest, i * 8 + 4, 4);
        }
        byte[] ok = faststart();
        int moov = find(ok, "moov");
        int moovEnd = (int) (moov + u32at(ok, moov));
        byte[] out = concat(Arrays.copyOf(ok, moovEnd), nest, Arrays.copyOfRange(ok, moovEnd, ok.length));
        putU32(out, moov, u32at(ok, moov) + nest.length);
        // chunk offsets now point 8*depth bytes too early; that is fine for these tests
        return out;
    }

    // ------------------------------------------------------------------ table counts

    @ParameterizedTest
    @ValueSource(strings = {"stts", "stsc", "stsz", "stco"})
    void hugeEntryCount(String table) throws Exception {
        byte[] ok = faststart();
        int at = find(ok, table);
        int countAt = at + 12 + (table.equals("stsz") ? 4 : 0);
        putU32(ok, countAt, 1_000_000_000L);
        unreadable(ok, "claims 1000000000 entries");
    }

    @Test
    void maxEntryCount() throws Exception {
        byte[] ok = faststart();
        putU32(ok, find(ok, "stts") + 12, 0xFFFFFFFFL);
        unreadable(ok, "claims 4294967295 entries");
    }

    @Test
    void co64HugeCount() throws Exception {
        byte[] ok = faststart();
        int stco = find(ok, "stco");
        System.arraycopy(Mp4Builder.ascii("co64"), 0, ok, stco + 4, 4);
        // the same bytes as co64 hold half as many entries as the count says
        unreadable(ok, "claims");
    }

    @Test
    void stsdClaimingThousandEntries() throws Exception {
        byte[] ok = faststart();
        putU32(ok, find(ok, "stsd") + 12, 1000);
        unreadable(ok, "stsd claims 1000 sample entries");
    }

    @Test
    void sampleCountsDisagree() throws Exception {
        byte[] ok = faststart();
        int stts = find(ok, "stts");
        putU32(ok, stts + 16, 249); // first entry's sample_count
        unreadable(ok, "stts has 249 samples but the size table has 250");
    }

    @Test
    void trunHugeSampleCount() throws Exception {
        Mp4Builder b = new Mp4Builder();
        b.frames = 100;
        b.fragmentSamples = 25;
        byte[] ok = b.build();
        putU32(ok, find(ok, "trun") + 12, 0xFFFFFFFFL);
        unreadable(ok, "'trun' box claims 4294967295 entries");
    }

    @Test
    void moofWithoutMvex() throws Exception {
        Mp4Builder b = new Mp4Builder();
        b.frames = 100;
        b.fragmentSamples = 25;
        byte[] ok = b.build();
        System.arraycopy(Mp4Builder.ascii("free"), 0, ok, find(ok, "mvex") + 4, 4);
        unreadable(ok, "moof box but no mvex");
    }

    // ------------------------------------------------------------------ SPS

    @Test
    void spsWithHugePocCycle() throws Exception {
        Mp4Builder.BitWriter w = new Mp4Builder.BitWriter();
        w.u(8, 66);
        w.u(8, 0);
        w.u(8, 30);
        w.ue(0);
        w.ue(0);
        w.ue(1); // pic_order_cnt_type 1
        w.u(1, 0);
        w.se(0);
        w.se(0);
        w.ue(33_554_430); // num_ref_frames_in_pic_order_cnt_cycle
        w.trailing();
        Mp4Builder b = new Mp4Builder();
        b.frames = 25;
        b.spsOverride = Mp4Builder.nal(0x67, w.bytes());
        unreadable(b.build(), "num_ref_frames_in_pic_order_cnt_cycle > 255");
    }

    @Test
    void spsWithOverlongExpGolomb() throws Exception {
        Mp4Builder b = new Mp4Builder();
        b.frames = 25;
        b.spsOverride = new byte[] {0x67, 100, 0, 31, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1};
        unreadable(b.build(), "invalid H.264 SPS");
    }

    @Test
    void spsTooWide() throws Exception {
        Mp4Builder b = new Mp4Builder();
        b.frames = 25;
        b.width = 20_000;
        unreadable(b.build(), "larger than 1024 macroblocks");
    }

    @Test
    void spsCutShort() throws Exception {
        Mp4Builder b = new Mp4Builder();
        b.frames = 25;
        b.spsOverride = Arrays.copyOf(new Mp4Builder().sps(), 8);
        unreadable(b.build(), "SPS ends early");
    }

    // ------------------------------------------------------------------ truncation

    @Test
    void moovAtEndCutShort() throws Exception {
        byte[] ok = moovAtEnd();
        unreadable(Arrays.copyOf(ok, ok.length - 1000), "moov box ends past the end of the file");
        unreadable(Arrays.copyOf(ok, find(ok, "moov") + 100), "moov box ends past the end of the file");
    }

    @Test
    void moovAtEndFileCutInTheMdat() throws Exception {
        byte[] ok = moovAtEnd();
        unreadable(Arrays.copyOf(ok, find(ok, "mdat") + 100), "no moov box (file cut short)");
    }

    @Test
    void faststartCutInTheMdatIsTruncated() throws Exception {
        byte[] ok = faststart();
        int mdat = find(ok, "mdat");
        VideoFacts f = facts(Arrays.copyOf(ok, mdat + 8 + 500));
        assertThat(f.integrity().truncated()).isTrue();
        assertThat(f.timing().frameCount()).isEqualTo(250);
        assertThat(f.integrity().dataEnd()).isGreaterThan(f.integrity().fileSize());
    }

    @Test
    void chunkOffsetPastEofIsTruncatedEvenIfTheMdatFits() throws Exception {
        byte[] ok = faststart();
        int stco = find(ok, "stco");
        putU32(ok, stco + 16, ok.length); // first chunk starts at EOF
        VideoFacts f = facts(ok);
        assertThat(f.integrity().truncated()).isTrue();
    }

    @Test
    void fragmentCutShortIsTruncated() throws Exception {
        Mp4Builder b = new Mp4Builder();
        b.frames = 100;
        b.fragmentSamples = 25;
        byte[] ok = b.build();
        VideoFacts f = facts(Arrays.copyOf(ok, ok.length - 10));
        assertThat(f.integrity().truncated()).isTrue();
        int lastMoof = lastIndexOf(ok, "moof");
        f = facts(Arrays.copyOf(ok, lastMoof + 20)); // inside the last moof
        assertThat(f.integrity().truncated()).isTrue();
        assertThat(f.container().fragmentCount()).isEqualTo(3);
    }

    @Test
    void everyPrefixOfAFileIsTruncatedOrUnreadable() throws Exception {
        for (boolean moovFirst : new boolean[] {true, false}) {
            Mp4Builder b = new Mp4Builder();
            b.frames = 30;
            b.moovFirst = moovFirst;
            byte[] ok = b.build();
            assertThat(facts(ok).integrity().truncated()).isFalse();
            for (int cut = 1; cut < ok.length; cut++) {
                Object r = run(ok, cut);
                if (r instanceof VideoFacts f) {
                    assertThat(f.integrity().truncated()).as("cut at %d of %d (moovFirst=%s)", cut, ok.length, moovFirst)
                            .isTrue();
                }
            }
        }
    }

    // ------------------------------------------------------------------ fuzz

    @Test
    void randomMutationsNeverEscape() throws Exception {
        Random rnd = new Random(7);
        byte[][] seeds = {faststart(), moovAtEnd(), fragmented()};
        int facts = 0;
        for (int i = 0; i < 3000; i++) {
            byte[] b = seeds[i % seeds.length].clone();
            int n = 1 + rnd.nextInt(6);
            for (int k = 0; k < n; k++) {
                int at = rnd.nextInt(b.length);
                b[at] = switch (rnd.nextInt(4)) {
                    case 0 -> (byte) 0xFF;
                    case 1 -> 0;
                    default -> (byte) rnd.nextInt(256);
                };
            }
            if (run(b, b.length) instanceof VideoFacts) {
                facts++;
            }
        }
        assertThat(facts).isPositive();
    }

    private static byte[] fragmented() {
        Mp4Builder b = new Mp4Builder();
        b.frames = 100;
        b.fragmentSamples = 25;
        return b.build();
    }

    // ------------------------------------------------------------------ big sparse file

    @Test
    void sparse5GiBMdatWithMoovAtEndReadsOnlyHeaders() throws Exception {
        Mp4Builder b = new Mp4Builder();
        b.audio = false;
        byte[] ok = b.build();
        int mdat = find(ok, "mdat");
        int moov = find(ok, "moov");
        long hole = 5L << 30;
        long mdatSize = 16 + (moov - mdat - 8) + hole;
        Path p = dir.resolve("sparse.mp4");
        try (RandomAccessFile raf = new RandomAccessFile(p.toFile(), "rw")) {
            raf.write(ok, 0, mdat);
            raf.write(concat(u32(1), Mp4Builder.ascii("mdat"), u64(mdatSize)));
            raf.write(ok, mdat + 8, moov - mdat - 8);
            raf.seek(mdat + mdatSize);
            // stco offsets still point at the start of the mdat payload, 8 bytes early: harmless here
            raf.write(ok, moov, ok.length - moov);
        }
        LongAdder read = new LongAdder();
        VideoFacts f = VideoProbe.probe(p, read);
        assertThat(f.integrity().fileSize()).isGreaterThan(hole);
        assertThat(f.integrity().truncated()).isFalse();
        assertThat(f.timing().durationSeconds()).isEqualTo(270.0);
        assertThat(read.sum()).isLessThan(ok.length - (moov - mdat) + 100);
    }

    private static long u32at(byte[] b, int at) {
        return Mp4Bytes.u32(b, at);
    }

    private static int lastIndexOf(byte[] b, String fourcc) {
        byte[] f = Mp4Builder.ascii(fourcc);
        for (int i = b.length - 4; i >= 4; i--) {
            if (b[i] == f[0] && b[i + 1] == f[1] && b[i + 2] == f[2] && b[i + 3] == f[3]) {
                return i - 4;
            }
        }
        throw new IllegalArgumentException(fourcc);
    }
}

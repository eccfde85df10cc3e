package zjlearn.probe.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import zjlearn.rules.FileType;
import zjlearn.probe.ProbeException;

/** Synthetic files from {@link Mp4Builder}: each one changes a single fact. */
class VideoProbeTest {

    @TempDir
    Path dir;

    private VideoFacts probe(Mp4Builder b) throws IOException, ProbeException {
        return VideoProbe.probe(b.write(dir, "v.mp4"));
    }

    @Test
    void compliant720p25MoovAtEnd() throws Exception {
        VideoFacts f = probe(new Mp4Builder());
        assertThat(f.container().kind()).isEqualTo("mp4");
        assertThat(f.container().detectedType()).isEqualTo(FileType.MP4);
        assertThat(f.container().majorBrand()).isEqualTo("isom");
        assertThat(f.container().compatibleBrands()).containsExactly("isom", "iso2", "avc1", "mp41");
        assertThat(f.picture().codec()).isEqualTo("avc1");
        assertThat(f.container().videoTrackCount()).isEqualTo(1);
        assertThat(f.picture().codedWidth()).isEqualTo(1280);
        assertThat(f.picture().codedHeight()).isEqualTo(720);
        assertThat(f.picture().displayWidth()).isEqualTo(1280);
        assertThat(f.picture().displayHeight()).isEqualTo(720);
        assertThat(f.picture().rotation()).isZero();
        assertThat(f.picture().pixelAspect()).isEqualTo("1:1");
        assertThat(f.picture().progressive()).isTrue();
        assertThat(f.picture().mbaff()).isFalse();
        assertThat(f.timing().fps()).isEqualTo(25.0);
        assertThat(f.timing().constant()).isTrue();
        assertThat(f.timing().timescale()).isEqualTo(12800);
        assertThat(f.timing().frameCount()).isEqualTo(6750);
        assertThat(f.timing().minDelta()).isEqualTo(512);
        assertThat(f.timing().maxDelta()).isEqualTo(512);
        assertThat(f.timing().durationSeconds()).isEqualTo(270.0);
        assertThat(f.audio().codec()).isEqualTo("mp4a");
        assertThat(f.container().fragmented()).isFalse();
        assertThat(f.integrity().truncated()).isFalse();
        assertThat(f.integrity().dataEnd()).isEqualTo(f.integrity().fileSize());
    }

    @Test
    void moovFirstGivesTheSameFacts() throws Exception {
        Mp4Builder b = new Mp4Builder();
        VideoFacts last = probe(b);
        b.moovFirst = true;
        VideoFacts first = probe(b);
        assertThat(first).usingRecursiveComparison().ignoringFields("dataEnd").isEqualTo(last);
    }

    @Test
    void durationIsTheVideoTracksNotTheLongerAudio() throws Exception {
        Mp4Builder b = new Mp4Builder();
        b.frames = 6000; // exactly 240 s; the synthetic audio track runs ~1 s longer
        VideoFacts f = probe(b);
        assertThat(f.timing().durationSeconds()).isEqualTo(240.0);
    }

    @Test
    void cropping1080() throws Exception {
        Mp4Builder b = new Mp4Builder();
        b.width = 1920;
        b.height = 1080;
        VideoFacts f = probe(b);
        assertThat(f.picture().codedWidth()).isEqualTo(1920);
        assertThat(f.picture().codedHeight()).isEqualTo(1080);
    }

    @Test
    void oddSizeWithScalingMatrix() throws Exception {
        Mp4Builder b = new Mp4Builder();
        b.width = 854;
        b.height = 480;
        b.scalingMatrix = true;
        VideoFacts f = probe(b);
        assertThat(f.picture().codedWidth()).isEqualTo(854);
        assertThat(f.picture().codedHeight()).isEqualTo(480);
    }

    @Test
    void baselineProfileSps() throws Exception {
        Mp4Builder b = new Mp4Builder();
        b.profile = 66;
        VideoFacts f = probe(b);
        assertThat(f.picture().codedWidth()).isEqualTo(1280);
        assertThat(f.picture().codedHeight()).isEqualTo(720);
        assertThat(f.picture().progressive()).isTrue();
    }

    @Test
    void interlacedMbaffUsesFieldCropUnit() throws Exception {
        Mp4Builder b = new Mp4Builder();
        b.interlaced = true;
        VideoFacts f = probe(b);
        assertThat(f.picture().codedWidth()).isEqualTo(1280);
        assertThat(f.picture().codedHeight()).isEqualTo(720); // 736 coded lines, crop 4 units of 4 lines
        assertThat(f.picture().progressive()).isFalse();
        assertThat(f.picture().mbaff()).isTrue();
    }

    @Test
    void interlacedPaff() throws Exception {
        Mp4Builder b = new Mp4Builder();
        b.interlaced = true;
        b.mbaff = false;
        b.height = 1080;
        b.width = 1920;
        VideoFacts f = probe(b);
        assertThat(f.picture().codedHeight()).isEqualTo(1080);
        assertThat(f.picture().progressive()).isFalse();
        assertThat(f.picture().mbaff()).isFalse();
    }

    @Test
    void rotationFromTheMatrix() throws Exception {
        for (int rot : new int[] {90, 180, 270}) {
            Mp4Builder b = new Mp4Builder();
            b.rotation = rot;
            VideoFacts f = probe(b);
            assertThat(f.picture().rotation()).as("rotation %d", rot).isEqualTo(rot);
            assertThat(f.picture().codedWidth()).isEqualTo(1280);
            boolean swap = rot != 180;
            assertThat(f.picture().displayWidth()).isEqualTo(swap ? 720 : 1280);
            assertThat(f.picture().displayHeight()).isEqualTo(swap ? 1280 : 720);
        }
    }

    @Test
    void phonePortraitMatrixReads270LikeFfprobesMinus90() {
        int[] iphone = {0, 0x10000, 0, -0x10000, 0, 0, 0, 0, 0x40000000};
        assertThat(FactsAssembler.rotation(iphone)).isEqualTo(270);
        int[] skewed = {0x10000, 0x100, 0, -0x100, 0x10000, 0, 0, 0, 0x40000000}; // ~0.2 degrees
        assertThat(FactsAssembler.rotation(skewed)).isZero();
    }

    @Test
    void paspStretches960To1280() throws Exception {
        Mp4Builder b = new Mp4Builder();
        b.width = 960;
        b.paspH = 4;
        b.paspV = 3;
        VideoFacts f = probe(b);
        assertThat(f.picture().codedWidth()).isEqualTo(960);
        assertThat(f.picture().displayWidth()).isEqualTo(1280);
        assertThat(f.picture().displayHeight()).isEqualTo(720);
        assertThat(f.picture().pixelAspect()).isEqualTo("4:3");
    }

    @Test
    void vuiSarWithoutPasp() throws Exception {
        Mp4Builder b = new Mp4Builder();
        b.vuiSarW = 4;
        b.vuiSarH = 3;
        VideoFacts f = probe(b);
        assertThat(f.picture().pixelAspect()).isEqualTo("4:3");
        assertThat(f.picture().displayWidth()).isEqualTo(1707);
        b.vuiSarW = 10; // Extended_SAR 10:8, reduced
        b.vuiSarH = 8;
        f = probe(b);
        assertThat(f.picture().pixelAspect()).isEqualTo("5:4");
        assertThat(f.picture().displayWidth()).isEqualTo(1600);
    }

    @Test
    void quickTimeBrandAndNoFtyp() throws Exception {
        Mp4Builder b = new Mp4Builder();
        b.brand = "qt  ";
        b.compatible = java.util.List.of("qt  ");
        VideoFacts f = probe(b);
        assertThat(f.container().kind()).isEqualTo("quicktime");
        assertThat(f.container().detectedType()).isEqualTo(FileType.QUICKTIME);
        assertThat(f.container().majorBrand()).isEqualTo("qt  ");
        assertThat(f.toMap().get("brand")).isEqualTo("qt");
        b.ftyp = false;
        f = probe(b);
        assertThat(f.container().kind()).isEqualTo("quicktime");
        assertThat(f.container().majorBrand()).isNull();
        assertThat(f.picture().codec()).isEqualTo("avc1");
        b.moovFirst = true;
        assertThat(probe(b).container().kind()).isEqualTo("quicktime");
    }

    @Test
    void hevcUsesTheSampleEntrySize() throws Exception {
        Mp4Builder b = new Mp4Builder();
        b.codec = "hvc1";
        VideoFacts f = probe(b);
        assertThat(f.picture().codec()).isEqualTo("hvc1");
        assertThat(f.picture().codedWidth()).isEqualTo(1280);
        assertThat(f.picture().displayHeight()).isEqualTo(720);
        assertThat(f.picture().progressive()).isNull();
        assertThat(f.timing().fps()).isEqualTo(25.0);
    }

    @Test
    void avc3WithInBandSpsFallsBackToTheSampleEntry() throws Exception {
        Mp4Builder b = new Mp4Builder();
        b.codec = "avc3";
        b.includeSps = false;
        VideoFacts f = probe(b);
        assertThat(f.picture().codec()).isEqualTo("avc3");
        assertThat(f.picture().codedWidth()).isEqualTo(1280);
        assertThat(f.picture().codedHeight()).isEqualTo(720);
        assertThat(f.picture().progressive()).isNull();
    }

    @Test
    void fps2997() throws Exception {
        Mp4Builder b = new Mp4Builder();
        b.timescale = 30000;
        b.delta = 1001;
        b.frames = 8092;
        VideoFacts f = probe(b);
        assertThat(f.timing().fps()).isCloseTo(29.97, within(0.001));
        assertThat(f.timing().constant()).isTrue();
        assertThat(f.timing().durationSeconds()).isCloseTo(270.003, within(0.001));
        assertThat(f.toMap().get("fps")).isEqualTo(29.97);
    }

    @Test
    void variableFrameRate() throws Exception {
        Mp4Builder b = new Mp4Builder();
        b.timescale = 90000;
        long[] d = new long[6750];
        for (int i = 0; i < d.length; i++) {
            d[i] = 3600 + (i % 3 - 1) * 700; // averages 25 fps
        }
        b.deltas = d;
        VideoFacts f = probe(b);
        assertThat(f.timing().constant()).isFalse();
        assertThat(f.timing().minDelta()).isEqualTo(2900);
        assertThat(f.timing().maxDelta()).isEqualTo(4300);
        assertThat(f.timing().fps()).isCloseTo(25.0, within(0.01));
    }

    @Test
    void aDifferentLastDeltaIsStillConstant() throws Exception {
        Mp4Builder b = new Mp4Builder();
        long[] d = new long[100];
        java.util.Arrays.fill(d, 512);
        d[99] = 100;
        b.deltas = d;
        VideoFacts f = probe(b);
        assertThat(f.timing().constant()).isTrue();
        assertThat(f.timing().fps()).isEqualTo(25.0);
        assertThat(f.timing().frameCount()).isEqualTo(100);
        assertThat(f.timing().durationSeconds()).isCloseTo((99 * 512 + 100) / 12800.0, within(1e-9));
    }

    @Test
    void singleFrame() throws Exception {
        Mp4Builder b = new Mp4Builder();
        b.frames = 1;
        VideoFacts f = probe(b);
        assertThat(f.timing().frameCount()).isEqualTo(1);
        assertThat(f.timing().constant()).isTrue();
        assertThat(f.timing().fps()).isEqualTo(25.0);
    }

    @Test
    void fragmentedWithEmptyMoov() throws Exception {
        Mp4Builder b = new Mp4Builder();
        b.fragmentSamples = 250;
        VideoFacts f = probe(b);
        assertThat(f.container().fragmented()).isTrue();
        assertThat(f.container().fragmentCount()).isEqualTo(27);
        assertThat(f.timing().frameCount()).isEqualTo(6750);
        assertThat(f.timing().durationSeconds()).isEqualTo(270.0);
        assertThat(f.timing().fps()).isEqualTo(25.0);
        assertThat(f.timing().constant()).isTrue();
        assertThat(f.integrity().truncated()).isFalse();
        assertThat(f.integrity().dataEnd()).isEqualTo(f.integrity().fileSize());
    }

    @Test
    void fragmentedWithFirstGopInMoovAndExplicitBaseOffset() throws Exception {
        Mp4Builder b = new Mp4Builder();
        b.fragmentSamples = 250;
        b.moovSamples = 250;
        b.defaultBaseIsMoof = false;
        VideoFacts f = probe(b);
        assertThat(f.container().fragmentCount()).isEqualTo(26);
        assertThat(f.timing().frameCount()).isEqualTo(6750);
        assertThat(f.timing().durationSeconds()).isEqualTo(270.0);
        assertThat(f.integrity().dataEnd()).isEqualTo(f.integrity().fileSize());
    }

    @Test
    void videoBytesAddUpTheVideoSamplesOnlyAndGiveTheAverageBitrate() throws Exception {
        Mp4Builder b = new Mp4Builder();
        b.sampleSize = 7;
        VideoFacts f = probe(b);
        assertThat(f.audio().present()).isTrue(); // the audio track's samples are not counted
        assertThat(f.timing().videoBytes()).isEqualTo(6750L * 7);
        assertThat(f.timing().averageBitrate()).isEqualTo(6750.0 * 7 * 8 / 270);
    }

    @Test
    void videoBytesOfAFragmentedFileAddTheMoovAndEveryTrun() throws Exception {
        Mp4Builder b = new Mp4Builder();
        b.fragmentSamples = 250;
        b.moovSamples = 250;
        b.sampleSize = 9;
        VideoFacts f = probe(b);
        assertThat(f.container().fragmentCount()).isEqualTo(26);
        assertThat(f.timing().videoBytes()).isEqualTo(6750L * 9);
        b.moovSamples = 0;
        assertThat(probe(b).timing().videoBytes()).isEqualTo(6750L * 9);
    }

    @Test
    void noSamplesNoBitrate() throws Exception {
        Mp4Builder b = new Mp4Builder();
        b.videoTrack = false;
        VideoFacts f = probe(b);
        assertThat(f.timing().videoBytes()).isZero();
        assertThat(f.timing().averageBitrate()).isZero();
    }

    @Test
    void fragmentedVfrAcrossFragments() throws Exception {
        Mp4Builder b = new Mp4Builder();
        b.fragmentSamples = 10;
        long[] d = new long[100];
        java.util.Arrays.fill(d, 512);
        d[50] = 600;
        b.deltas = d;
        VideoFacts f = probe(b);
        assertThat(f.timing().constant()).isFalse();
        assertThat(f.timing().maxDelta()).isEqualTo(600);
    }

    @Test
    void noVideoTrack() throws Exception {
        Mp4Builder b = new Mp4Builder();
        b.videoTrack = false;
        VideoFacts f = probe(b);
        assertThat(f.picture().codec()).isNull();
        assertThat(f.hasVideo()).isFalse();
        assertThat(f.container().videoTrackCount()).isZero();
        assertThat(f.audio().codec()).isEqualTo("mp4a");
    }

    @Test
    void noAudioTrack() throws Exception {
        Mp4Builder b = new Mp4Builder();
        b.audio = false;
        assertThat(probe(b).audio().codec()).isNull();
    }

    @Test
    void twoVideoTracksAreCounted() throws Exception {
        Mp4Builder b = new Mp4Builder();
        b.extraVideoTracks = 1;
        VideoFacts f = probe(b);
        assertThat(f.container().videoTrackCount()).isEqualTo(2);
        assertThat(f.timing().frameCount()).isEqualTo(6750);
    }

    @Test
    void toMapHasTheInspectKeysInOrder() throws Exception {
        Mp4Builder b = new Mp4Builder();
        b.rotation = 90;
        VideoFacts f = probe(b);
        assertThat(f.toMap()).containsExactly(
                java.util.Map.entry("container", "mp4"),
                java.util.Map.entry("brand", "isom"),
                java.util.Map.entry("codec", "avc1"),
                java.util.Map.entry("width", 720),
                java.util.Map.entry("height", 1280),
                java.util.Map.entry("rotation", 90),
                java.util.Map.entry("fps", 25.0),
                java.util.Map.entry("constantFrameRate", true),
                java.util.Map.entry("durationSeconds", 270.0),
                java.util.Map.entry("audioCodec", "mp4a"));
    }

    @Test
    void moovAtEndReadsOnlyHeadersAndMoov() throws Exception {
        Mp4Builder b = new Mp4Builder();
        byte[] file = b.build();
        Path p = dir.resolve("end.mp4");
        java.nio.file.Files.write(p, file);
        LongAdder read = new LongAdder();
        VideoProbe.probe(p, read);
        int moov = Mp4Builder.find(file, "moov");
        long moovSize = file.length - moov;
        // ftyp + 16 bytes of the mdat header + moov: every byte read once
        long ftyp = 16 + 4L * b.compatible.size();
        assertThat(read.sum()).isEqualTo(ftyp + 16 + moovSize);
    }
}

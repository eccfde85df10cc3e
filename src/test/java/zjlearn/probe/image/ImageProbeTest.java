package zjlearn.probe.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static zjlearn.probe.image.ImageFixtures.*;

import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import zjlearn.rules.FileType;
import zjlearn.probe.ProbeException;

class ImageProbeTest {
    @TempDir
    Path dir;

    private int files;

    private Path write(byte[] data) throws IOException {
        return Files.write(dir.resolve("f" + files++), data);
    }

    private ImageFacts probe(byte[] data, FileType type) throws Exception {
        return ImageProbe.probe(write(data), type);
    }

    /**
     * Probes and checks it finished quickly (the hostile headers must not make it work hard). The time is this
     * thread's CPU time, so other programs busy on the machine cannot make the test fail.
     */
    private ImageFacts probeFast(byte[] data, FileType type) throws Exception {
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        long t0 = mx.getCurrentThreadCpuTime();
        ImageFacts f = probe(data, type);
        long ms = (mx.getCurrentThreadCpuTime() - t0) / 1_000_000;
        assertThat(ms).as("probe CPU time in ms").isLessThan(2500);
        return f;
    }

    private void assertFails(byte[] data, FileType type, ProbeException.Kind kind) throws IOException {
        Path p = write(data);
        assertThatThrownBy(() -> ImageProbe.probe(p, type))
                .isInstanceOf(ProbeException.class)
                .satisfies(e -> assertThat(((ProbeException) e).kind()).isEqualTo(kind))
                .satisfies(e -> assertThat(e.getMessage()).isNotBlank().hasSizeLessThan(250));
    }

    // ------------------------------------------------------------------ size and colour

    static Stream<Arguments> pictures() {
        return Stream.of(
                pic("colour JPEG", () -> jpeg(colourPhoto(640, 480)), FileType.JPEG, 640, 480, true),
                pic("colour PNG", () -> png(colourPhoto(300, 200)), FileType.PNG, 300, 200, true),
                pic("grey JPEG (1 component)", () -> jpeg(greyPhoto(640, 480, BufferedImage.TYPE_BYTE_GRAY)),
                        FileType.JPEG, 640, 480, false),
                pic("grey PNG (colour type 0)", () -> png(greyPhoto(300, 200, BufferedImage.TYPE_BYTE_GRAY)),
                        FileType.PNG, 300, 200, false),
                pic("16-bit grey PNG", () -> png(greyPhoto(120, 90, BufferedImage.TYPE_USHORT_GRAY)),
                        FileType.PNG, 120, 90, false),
                pic("grey stored as RGB JPEG", () -> jpeg(greyPhoto(1024, 768, BufferedImage.TYPE_INT_RGB)),
                        FileType.JPEG, 1024, 768, false),
                pic("colour made grey, RGB JPEG", () -> jpeg(colourPhotoMadeGrey(800, 600)),
                        FileType.JPEG, 800, 600, false),
                pic("colour made grey, RGB PNG", () -> png(colourPhotoMadeGrey(500, 400)),
                        FileType.PNG, 500, 400, false),
                pic("white + 10% colour JPEG", () -> jpeg(whiteWithColouredBlock(800, 600, 10)),
                        FileType.JPEG, 800, 600, true),
                pic("white + 10% colour PNG", () -> png(whiteWithColouredBlock(800, 600, 10)),
                        FileType.PNG, 800, 600, true),
                pic("ID photo 413x579 white + face", () -> jpeg(whiteWithColouredBlock(413, 579, 10)),
                        FileType.JPEG, 413, 579, true),
                pic("ID photo 413x579 colour", () -> jpeg(colourPhoto(413, 579)), FileType.JPEG, 413, 579, true),
                pic("1x1 colour PNG", () -> png(colourPhoto(1, 1)), FileType.PNG, 1, 1, true),
                pic("odd size 257x1 JPEG", () -> jpeg(colourPhoto(257, 1)), FileType.JPEG, 257, 1, true),
                pic("grey palette PNG", () -> png(palette(64, 48, true)), FileType.PNG, 64, 48, false),
                pic("colour palette PNG", () -> png(palette(64, 48, false)), FileType.PNG, 64, 48, true),
                pic("RGBA PNG, colour only where transparent", ImageProbeTest::greyWithTransparentColour,
                        FileType.PNG, 200, 100, false),
                pic("progressive colour JPEG", () -> progressiveJpeg(colourPhoto(700, 500)),
                        FileType.JPEG, 700, 500, true),
                pic("progressive grey-as-RGB JPEG", () -> progressiveJpeg(greyPhoto(700, 500,
                        BufferedImage.TYPE_INT_RGB)), FileType.JPEG, 700, 500, false),
                pic("large colour JPEG 4000x3000", () -> jpeg(colourPhoto(4000, 3000)),
                        FileType.JPEG, 4000, 3000, true));
    }

    private static Arguments pic(String name, Supplier<byte[]> bytes, FileType type, int w, int h, boolean colour) {
        return Arguments.of(name, bytes, type, w, h, colour);
    }

    private static byte[] greyWithTransparentColour() {
        BufferedImage img = new BufferedImage(200, 100, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < 100; y++) {
            for (int x = 0; x < 200; x++) {
                int v = x;
                img.setRGB(x, y, x < 100 ? 0xFF000000 | v << 16 | v << 8 | v : 0x00FF0000); // right half: transparent red
            }
        }
        return png(img);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pictures")
    void sizeAndColour(String name, Supplier<byte[]> bytes, FileType type, int w, int h, boolean colour)
            throws Exception {
        ImageFacts f = probeFast(bytes.get(), type);
        assertThat(f.format()).isEqualTo(type == FileType.JPEG ? "jpeg" : "png");
        assertThat(f.width()).isEqualTo(w);
        assertThat(f.height()).isEqualTo(h);
        assertThat(f.orientation()).isEqualTo(1);
        assertThat(f.displayWidth()).isEqualTo(w);
        assertThat(f.displayHeight()).isEqualTo(h);
        assertThat(f.colour()).as("colour").isEqualTo(colour);
    }

    @Test
    void colourThresholdIsAboutOnePercent() throws Exception {
        assertThat(probe(png(whiteWithColouredBlock(400, 400, 3)), FileType.PNG).colour()).isTrue();
        BufferedImage speck = whiteWithColouredBlock(400, 400, 0);
        speck.setRGB(200, 200, 0xFF0000); // a single red pixel is noise, not a colour photo
        assertThat(probe(png(speck), FileType.PNG).colour()).isFalse();
    }

    // ------------------------------------------------------------------ EXIF orientation and resolution

    static Stream<Arguments> orientations() {
        return Stream.of(
                Arguments.of(false, 6, 600, 800),
                Arguments.of(true, 6, 600, 800),
                Arguments.of(false, 3, 800, 600),
                Arguments.of(true, 3, 800, 600),
                Arguments.of(true, 8, 600, 800),
                Arguments.of(false, 5, 600, 800),
                Arguments.of(false, 1, 800, 600),
                Arguments.of(true, 2, 800, 600));
    }

    @ParameterizedTest(name = "littleEndian={0} orientation={1}")
    @MethodSource("orientations")
    void exifOrientation(boolean little, int orientation, int dw, int dh) throws Exception {
        byte[] jpeg = withExif(jpeg(colourPhoto(800, 600)), exifTiff(little, orientation, null, 2));
        ImageFacts f = probe(jpeg, FileType.JPEG);
        assertThat(f.width()).isEqualTo(800);
        assertThat(f.height()).isEqualTo(600);
        assertThat(f.orientation()).isEqualTo(orientation);
        assertThat(f.displayWidth()).isEqualTo(dw);
        assertThat(f.displayHeight()).isEqualTo(dh);
        assertThat(f.colour()).isTrue();
        assertThat(f.dpiX()).isNull(); // JFIF of ImageIO has no unit, EXIF has no resolution here
    }

    @Test
    void invalidExifOrientationCountsAsAbsent() throws Exception {
        ImageFacts f = probe(withExif(jpeg(colourPhoto(80, 60)), exifTiff(true, 9, null, 2)), FileType.JPEG);
        assertThat(f.orientation()).isEqualTo(1);
        assertThat(f.displayWidth()).isEqualTo(80);
    }

    @Test
    void brokenExifBlocksAreIgnored() throws Exception {
        byte[] base = jpeg(colourPhoto(80, 60));
        byte[] tiff = exifTiff(false, 6, 300, 2);
        List<byte[]> broken = List.of(
                Arrays.copyOf(tiff, 5),                            // cut inside the TIFF header
                Arrays.copyOf(tiff, 20),                           // cut inside IFD0
                patched(tiff, 4, new byte[] {0x7F, -1, -1, -1}),   // IFD0 offset far outside
                patched(tiff, 8, new byte[] {-1, -1}),             // 65535 entries claimed
                patched(tiff, 0, new byte[] {'X', 'X'}));          // unknown byte order
        for (byte[] t : broken) {
            ImageFacts f = probe(withExif(base, t), FileType.JPEG);
            assertThat(f.width()).isEqualTo(80);
            assertThat(f.orientation()).isBetween(1, 8);
        }
    }

    private static byte[] patched(byte[] b, int at, byte[] with) {
        byte[] out = b.clone();
        System.arraycopy(with, 0, out, at, with.length);
        return out;
    }

    static Stream<Arguments> exifResolutions() {
        return Stream.of(
                Arguments.of(false, 300, 2, 300.0),
                Arguments.of(true, 300, 2, 300.0),
                Arguments.of(true, 118, 3, 299.72),
                Arguments.of(false, 72, 2, 72.0),
                Arguments.of(false, 300, 1, null));
    }

    @ParameterizedTest(name = "littleEndian={0} res={1} unit={2}")
    @MethodSource("exifResolutions")
    void exifResolution(boolean little, int res, int unit, Double dpi) throws Exception {
        ImageFacts f = probe(withExif(jpeg(colourPhoto(80, 60)), exifTiff(little, 6, res, unit)), FileType.JPEG);
        assertThat(f.orientation()).isEqualTo(6);
        assertThat(f.dpiX()).isEqualTo(dpi);
        assertThat(f.dpiY()).isEqualTo(dpi);
    }

    @Test
    void jfifDensity() throws Exception {
        ImageFacts f = probe(withJfifDensity(jpeg(colourPhoto(413, 579)), 1, 300, 300), FileType.JPEG);
        assertThat(f.dpiX()).isEqualTo(300.0);
        assertThat(f.dpiY()).isEqualTo(300.0);
        f = probe(withJfifDensity(jpeg(colourPhoto(64, 64)), 2, 118, 118), FileType.JPEG);
        assertThat(f.dpiX()).isEqualTo(299.72);
        f = probe(withJfifDensity(jpeg(colourPhoto(64, 64)), 0, 1, 1), FileType.JPEG); // aspect ratio only
        assertThat(f.dpiX()).isNull();
    }

    @Test
    void jfifDensityWinsOverExif() throws Exception {
        byte[] jpeg = withJfifDensity(jpeg(colourPhoto(64, 64)), 1, 350, 350);
        ImageFacts f = probe(withExif(jpeg, exifTiff(true, 1, 72, 2)), FileType.JPEG);
        assertThat(f.dpiX()).isEqualTo(350.0);
    }

    @Test
    void pngPhys() throws Exception {
        ImageFacts f = probe(withChunkAfterIhdr(png(colourPhoto(413, 579)), "pHYs", pHYs(11811, 11811, 1)),
                FileType.PNG);
        assertThat(f.dpiX()).isEqualTo(300.0);
        assertThat(f.dpiY()).isEqualTo(300.0);
        assertThat(f.width()).isEqualTo(413);
        f = probe(withChunkAfterIhdr(png(colourPhoto(20, 20)), "pHYs", pHYs(2, 1, 0)), FileType.PNG);
        assertThat(f.dpiX()).isNull(); // aspect ratio only
        assertThat(probe(png(colourPhoto(20, 20)), FileType.PNG).dpiX()).isNull();
    }

    @Test
    void pngExifOrientation() throws Exception {
        ImageFacts f = probe(withChunkAfterIhdr(png(colourPhoto(80, 60)), "eXIf", exifTiff(false, 6, null, 2)),
                FileType.PNG);
        assertThat(f.orientation()).isEqualTo(6);
        assertThat(f.displayWidth()).isEqualTo(60);
        assertThat(f.displayHeight()).isEqualTo(80);
    }

    // ------------------------------------------------------------------ hostile headers

    static Stream<Arguments> hugeClaims() {
        return Stream.of(
                Arguments.of("PNG RGB 50000x50000", FileType.PNG, 50000, 50000, true),
                Arguments.of("PNG grey 50000x50000", FileType.PNG, 50000, 50000, false),
                Arguments.of("PNG RGB 15000x15000 (decoded)", FileType.PNG, 15000, 15000, true),
                Arguments.of("JPEG SOF0 50000x50000", FileType.JPEG, 50000, 50000, true),
                Arguments.of("JPEG SOF0 15000x15000 (decoded)", FileType.JPEG, 15000, 15000, true),
                Arguments.of("JPEG SOF2 50000x50000", FileType.JPEG, 50000, 50000, true),
                Arguments.of("JPEG SOF2 9000x9000", FileType.JPEG, 9000, 9000, true),
                Arguments.of("JPEG SOF2 6000x6000 (decoded)", FileType.JPEG, 6000, 6000, true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hugeClaims")
    void hugeClaimedSizeWithLittleData(String name, FileType type, int w, int h, boolean colourLayout)
            throws Exception {
        byte[] data;
        if (type == FileType.PNG) {
            int ct = colourLayout ? 2 : 0;
            byte[] rows = new byte[3 * (1 + w * (colourLayout ? 3 : 1))]; // three rows of zeros
            data = handPng(w, h, ct, rows);
        } else {
            byte[] small = name.contains("SOF2") ? progressiveJpeg(colourPhoto(16, 16)) : jpeg(colourPhoto(16, 16));
            data = withSofSize(small, w, h);
        }
        assertThat(data.length).isLessThan(4096);
        probe(png(colourPhoto(8, 8)), FileType.PNG); // warm up ImageIO's registry
        com.sun.management.ThreadMXBean mx =
                (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long before = mx.getCurrentThreadAllocatedBytes();
        ImageFacts f = probeFast(data, type);
        long allocated = mx.getCurrentThreadAllocatedBytes() - before;
        assertThat(allocated).as("heap bytes allocated").isLessThan(32L << 20);
        assertThat(f.width()).isEqualTo(w);
        assertThat(f.height()).isEqualTo(h);
        if (!colourLayout) {
            assertThat(f.colour()).isFalse();
        }
    }

    static Stream<Arguments> oddJpegProcesses() {
        return Stream.of(
                Arguments.of(0xC3, "lossless"),
                Arguments.of(0xC9, "arithmetic"),
                Arguments.of(0xC1, "extended sequential"));
    }

    @ParameterizedTest(name = "SOF {0} ({1})")
    @MethodSource("oddJpegProcesses")
    void jpegProcessImageIoCannotDecodeStillGivesSize(int sof, String name) throws Exception {
        byte[] jpeg = jpeg(colourPhoto(320, 240));
        int p = sosOffset(jpeg);
        for (int i = 2; i < p; i++) {
            if ((jpeg[i] & 0xFF) == 0xFF && (jpeg[i + 1] & 0xFF) == 0xC0) {
                jpeg[i + 1] = (byte) sof;
            }
        }
        ImageFacts f = probeFast(jpeg, FileType.JPEG);
        assertThat(f.width()).isEqualTo(320);
        assertThat(f.height()).isEqualTo(240);
        assertThat(f.colour()).isTrue(); // three components, decoded or not
    }

    @Test
    void headerWithoutUsableSizeIsUnreadable() throws Exception {
        assertFails(withSofSize(jpeg(colourPhoto(32, 32)), 32, 0), FileType.JPEG, ProbeException.Kind.UNREADABLE);
        assertFails(withSofSize(jpeg(colourPhoto(32, 32)), 0, 32), FileType.JPEG, ProbeException.Kind.UNREADABLE);
        assertFails(handPng(0, 10, 2, new byte[4]), FileType.PNG, ProbeException.Kind.UNREADABLE);
        assertFails(handPng(-5, 10, 2, new byte[4]), FileType.PNG, ProbeException.Kind.UNREADABLE);
        assertFails(handPng(10, 10, 5, new byte[4]), FileType.PNG, ProbeException.Kind.UNREADABLE); // colour type 5
    }

    // ------------------------------------------------------------------ damaged files

    @Test
    void zeroBytesIsEmpty() throws Exception {
        assertFails(new byte[0], FileType.JPEG, ProbeException.Kind.EMPTY);
        assertFails(new byte[0], FileType.PNG, ProbeException.Kind.EMPTY);
        assertFails(new byte[0], FileType.EMPTY, ProbeException.Kind.EMPTY);
    }

    @Test
    void otherTypesAreRefused() throws Exception {
        byte[] gif = encode(colourPhoto(10, 10), "gif");
        for (FileType t : List.of(FileType.GIF, FileType.BMP, FileType.HEIC, FileType.PDF, FileType.UNKNOWN)) {
            Path p = write(gif);
            assertThatThrownBy(() -> ImageProbe.probe(p, t))
                    .isInstanceOf(ProbeException.class)
                    .hasMessage("not a JPEG/PNG")
                    .satisfies(e -> assertThat(((ProbeException) e).kind()).isEqualTo(ProbeException.Kind.UNREADABLE));
        }
    }

    static Stream<Arguments> truncated() {
        return Stream.of(
                Arguments.of(FileType.JPEG, jpeg(colourPhoto(800, 600))),
                Arguments.of(FileType.JPEG, progressiveJpeg(colourPhoto(800, 600))),
                Arguments.of(FileType.PNG, png(colourPhoto(800, 600))));
    }

    @ParameterizedTest(name = "{0} #{index}")
    @MethodSource("truncated")
    void truncatedAtHalfStillGivesSizeAndColour(FileType type, byte[] whole) throws Exception {
        ImageFacts f = probeFast(Arrays.copyOf(whole, whole.length / 2), type);
        assertThat(f.width()).isEqualTo(800);
        assertThat(f.height()).isEqualTo(600);
        assertThat(f.colour()).isTrue();
    }

    @Test
    void truncatedGreyAsRgbStaysGrey() throws Exception {
        byte[] whole = png(colourPhotoMadeGrey(600, 400));
        assertThat(probe(Arrays.copyOf(whole, whole.length / 2), FileType.PNG).colour()).isFalse();
        whole = jpeg(colourPhotoMadeGrey(600, 400));
        assertThat(probe(Arrays.copyOf(whole, whole.length / 2), FileType.JPEG).colour()).isFalse();
    }

    @Test
    void earlyTruncatedJpegIsJudgedOnItsRealRowsNotOnTheGreyPadding() throws Exception {
        byte[] colour = jpeg(colourPhoto(300, 6000));
        byte[] grey = jpeg(colourPhotoMadeGrey(300, 6000));
        for (byte[] whole : List.of(colour, grey)) {
            int sos = sosOffset(whole);
            byte[] cut = Arrays.copyOf(whole, sos + 20 + (whole.length - sos) / 200); // 0.5 % of the data
            ImageFacts f = probeFast(cut, FileType.JPEG);
            assertThat(f.height()).isEqualTo(6000);
            assertThat(f.colour()).isEqualTo(whole == colour);
        }
    }

    @Test
    void truncatedBeforeAnyPixelDataIsUnreadable() throws Exception {
        byte[] jpeg = jpeg(colourPhoto(100, 100));
        assertFails(Arrays.copyOf(jpeg, sosOffset(jpeg) + 4), FileType.JPEG, ProbeException.Kind.UNREADABLE);
        assertFails(Arrays.copyOf(jpeg, 20), FileType.JPEG, ProbeException.Kind.UNREADABLE);
        byte[] png = png(colourPhoto(100, 100));
        assertFails(Arrays.copyOf(png, 33), FileType.PNG, ProbeException.Kind.UNREADABLE); // IHDR only
        assertFails(Arrays.copyOf(png, 20), FileType.PNG, ProbeException.Kind.UNREADABLE); // IHDR cut
    }

    @Test
    void corruptPixelDataStillGivesSize() throws Exception {
        byte[] jpeg = jpeg(colourPhoto(640, 480));
        Random rnd = new Random(7);
        int sos = sosOffset(jpeg) + 20;
        for (int i = sos; i < jpeg.length - 2; i += 1 + rnd.nextInt(40)) {
            jpeg[i] = (byte) rnd.nextInt(256);
        }
        ImageFacts f = probeFast(jpeg, FileType.JPEG);
        assertThat(f.width()).isEqualTo(640);
        assertThat(f.height()).isEqualTo(480);

        byte[] png = png(colourPhoto(640, 480));
        for (int i = 60; i < png.length - 12; i += 1 + rnd.nextInt(40)) {
            png[i] = (byte) rnd.nextInt(256);
        }
        f = probeFast(png, FileType.PNG);
        assertThat(f.width()).isEqualTo(640);
    }

    @Test
    void garbageIsUnreadable() throws Exception {
        Random rnd = new Random(42);
        for (int n : new int[] {1, 2, 7, 100, 5000}) {
            byte[] junk = new byte[n];
            rnd.nextBytes(junk);
            junk[0] = 0x12; // not an SOI / PNG signature by chance
            assertFails(junk, FileType.JPEG, ProbeException.Kind.UNREADABLE);
            assertFails(junk, FileType.PNG, ProbeException.Kind.UNREADABLE);
        }
        byte[] soiThenJunk = new byte[5000];
        rnd.nextBytes(soiThenJunk);
        soiThenJunk[0] = (byte) 0xFF;
        soiThenJunk[1] = (byte) 0xD8;
        Path p = write(soiThenJunk);
        try {
            ImageFacts f = ImageProbe.probe(p, FileType.JPEG);
            assertThat(f.width()).isPositive(); // random bytes happened to hold an SOF: fine
        } catch (ProbeException e) {
            assertThat(e.kind()).isEqualTo(ProbeException.Kind.UNREADABLE);
        }
        byte[] pngSigThenJunk = Arrays.copyOf(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'}, 300);
        assertFails(pngSigThenJunk, FileType.PNG, ProbeException.Kind.UNREADABLE);
    }

    @Test
    void missingFileIsUnreadable() {
        assertThatThrownBy(() -> ImageProbe.probe(dir.resolve("nope.jpg"), FileType.JPEG))
                .isInstanceOf(ProbeException.class)
                .satisfies(e -> assertThat(((ProbeException) e).kind()).isEqualTo(ProbeException.Kind.UNREADABLE));
        assertThatThrownBy(() -> ImageProbe.probe(dir, FileType.JPEG))
                .isInstanceOf(ProbeException.class)
                .satisfies(e -> assertThat(((ProbeException) e).kind()).isEqualTo(ProbeException.Kind.UNREADABLE));
    }

    // ------------------------------------------------------------------ CMYK

    @Test
    void photoshopStyleCmykJpeg() throws Exception {
        int w = 120;
        int h = 80;
        WritableRaster colour = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, w, h, 4, null);
        WritableRaster grey = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, w, h, 4, null);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                colour.setPixel(x, y, new int[] {x * 2, 255 - x * 2, y * 3, 0});
                grey.setPixel(x, y, new int[] {0, 0, 0, x * 2}); // black ink only
            }
        }
        ImageFacts c = probe(adobeCmykJpeg(colour), FileType.JPEG);
        assertThat(c.width()).isEqualTo(w);
        assertThat(c.height()).isEqualTo(h);
        assertThat(c.colour()).isTrue();
        ImageFacts g = probe(adobeCmykJpeg(grey), FileType.JPEG);
        assertThat(g.width()).isEqualTo(w);
        assertThat(g.colour()).isFalse();
    }

    // ------------------------------------------------------------------ JSON map

    @Test
    void toMapHasOrderedKeysAndDisplayedSize() throws Exception {
        byte[] jpeg = withExif(withJfifDensity(jpeg(colourPhoto(800, 600)), 1, 300, 300),
                exifTiff(false, 6, null, 2));
        Map<String, Object> m = probe(jpeg, FileType.JPEG).toMap();
        assertThat(m.keySet()).containsExactly("format", "width", "height", "orientation", "color", "dpi", "camera");
        assertThat(m).containsEntry("format", "jpeg").containsEntry("width", 600).containsEntry("height", 800)
                .containsEntry("orientation", 6).containsEntry("color", true)
                .containsEntry("dpi", Map.of("x", 300.0, "y", 300.0));
        Map<String, Object> noDpi = ImageFacts.of("png", 10, 20, 1, false, null, null).toMap();
        assertThat(noDpi).containsEntry("dpi", null).containsEntry("color", false).containsEntry("height", 20);
    }

    @Test
    void factsDeriveDisplaySize() {
        assertThat(ImageFacts.of("jpeg", 800, 600, 7, true, null, null))
                .extracting(ImageFacts::displayWidth, ImageFacts::displayHeight)
                .containsExactly(600, 800);
        assertThat(ImageFacts.of("jpeg", 800, 600, 0, true, null, null).orientation()).isEqualTo(1);
    }
}

package zjlearn.probe.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import zjlearn.probe.image.ChromaCounter.RawSpace;

/** The raw-component path used when ImageIO will not turn a JPEG into a BufferedImage. */
class ChromaCounterTest {

    static Stream<Arguments> rawPixels() {
        return Stream.of(
                Arguments.of(RawSpace.GRAY, new int[] {200}, false),
                Arguments.of(RawSpace.RGB, new int[] {200, 120, 90}, true),
                Arguments.of(RawSpace.RGB, new int[] {130, 128, 126}, false),
                Arguments.of(RawSpace.YCC, new int[] {150, 128, 128}, false),
                Arguments.of(RawSpace.YCC, new int[] {150, 110, 160}, true),
                Arguments.of(RawSpace.YCCK, new int[] {150, 110, 160, 255}, true),
                Arguments.of(RawSpace.YCCK, new int[] {150, 110, 160, 0}, false),        // all black ink
                Arguments.of(RawSpace.CMYK, new int[] {0, 200, 200, 0}, true),           // red ink
                Arguments.of(RawSpace.CMYK, new int[] {10, 10, 10, 120}, false),
                Arguments.of(RawSpace.CMYK_INVERTED, new int[] {255, 55, 55, 255}, true), // red, Adobe-stored
                Arguments.of(RawSpace.CMYK_INVERTED, new int[] {255, 255, 255, 100}, false));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("rawPixels")
    void rawSpaces(RawSpace space, int[] pixel, boolean colour) {
        WritableRaster r = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, 4, 3, pixel.length, null);
        for (int y = 0; y < 3; y++) {
            for (int x = 0; x < 4; x++) {
                r.setPixel(x, y, pixel);
            }
        }
        ChromaCounter c = ChromaCounter.ofRaw(r, 3, space);
        assertThat(c.counted()).isEqualTo(12);
        assertThat(c.isColour()).isEqualTo(colour);
        assertThat(ChromaCounter.ofRaw(r, 1, space).counted()).isEqualTo(4);
    }
}

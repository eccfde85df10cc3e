package zjlearn.probe.image;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import zjlearn.rules.FileType;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static zjlearn.probe.image.ImageFixtures.colourPhoto;
import static zjlearn.probe.image.ImageFixtures.jpeg;
import static zjlearn.probe.image.ImageFixtures.png;
import static zjlearn.probe.image.ImageFixtures.progressiveJpeg;
import static zjlearn.probe.image.ImageFixtures.withExif;

/** What decoding finds wrong with a photo's data, and the camera named in EXIF. */
class ImageDamageTest {
    @TempDir
    Path dir;
    private int files;

    private ImageFacts probe(byte[] data, FileType type) throws Exception {
        return ImageProbe.probe(Files.write(dir.resolve("f" + files++), data), type);
    }

    static Stream<Arguments> whole() {
        return Stream.of(
                Arguments.of(FileType.JPEG, jpeg(colourPhoto(800, 600))),
                Arguments.of(FileType.JPEG, progressiveJpeg(colourPhoto(800, 600))),
                Arguments.of(FileType.PNG, png(colourPhoto(800, 600))));
    }

    @ParameterizedTest(name = "{0} #{index}")
    @MethodSource("whole")
    void anIntactPhotoHasNoDamage(FileType type, byte[] whole) throws Exception {
        ImageFacts f = probe(whole, type);
        assertThat(f.damage()).isEqualTo(ImageFacts.Damage.NONE);
        assertThat(f.toMap()).doesNotContainKey("damage");
    }

    @ParameterizedTest(name = "{0} #{index}")
    @MethodSource("whole")
    void aPhotoCutInHalfIsTruncated(FileType type, byte[] whole) throws Exception {
        ImageFacts f = probe(Arrays.copyOf(whole, whole.length / 2), type);
        assertThat(f.damage()).isEqualTo(ImageFacts.Damage.TRUNCATED);
        assertThat(f.damageDetail()).isNotBlank();
        assertThat(f.toMap()).containsEntry("damage", "truncated");
    }

    @Test
    void aJpegWithoutItsEndMarkerDisplaysWholeButIsMissingItsEnd() throws Exception {
        byte[] whole = jpeg(colourPhoto(800, 600));
        assertThat(whole[whole.length - 2] & 0xFF).isEqualTo(0xFF);
        assertThat(whole[whole.length - 1] & 0xFF).isEqualTo(0xD9);
        ImageFacts f = probe(Arrays.copyOf(whole, whole.length - 2), FileType.JPEG);
        assertThat(f.damage()).isEqualTo(ImageFacts.Damage.MISSING_END);
        assertThat(f.thumbnail()).isNotNull();
    }

    @Test
    void aPngWithoutItsIendChunkIsMissingItsEnd() throws Exception {
        byte[] whole = png(colourPhoto(400, 300));
        ImageFacts f = probe(Arrays.copyOf(whole, whole.length - 12), FileType.PNG);
        assertThat(f.damage()).isEqualTo(ImageFacts.Damage.MISSING_END);
    }

    /** Phones append data after the JPEG's end (motion photos carry an MP4): that is no damage. */
    @Test
    void dataAfterTheEndMarkerIsNoDamage() throws Exception {
        byte[] whole = jpeg(colourPhoto(800, 600));
        byte[] trailer = new byte[20_000];
        Arrays.fill(trailer, (byte) 0x5A);
        byte[] withTrailer = Arrays.copyOf(whole, whole.length + trailer.length);
        System.arraycopy(trailer, 0, withTrailer, whole.length, trailer.length);
        assertThat(probe(withTrailer, FileType.JPEG).damage()).isEqualTo(ImageFacts.Damage.NONE);
    }

    @Test
    void brokenCompressedDataInAPngIsCorrupt() throws Exception {
        byte[] whole = png(colourPhoto(400, 300));
        byte[] broken = whole.clone();
        int idat = indexOf(broken, "IDAT") + 4;
        Arrays.fill(broken, idat + 2, idat + 200, (byte) 0xFF);
        ImageFacts f = probe(broken, FileType.PNG);
        assertThat(f.damage()).isIn(ImageFacts.Damage.CORRUPT, ImageFacts.Damage.TRUNCATED);
        assertThat(f.damage()).isNotEqualTo(ImageFacts.Damage.NONE);
    }

    @Test
    void aCameraNamedInExifIsSeen() throws Exception {
        byte[] plain = jpeg(colourPhoto(640, 480));
        assertThat(probe(plain, FileType.JPEG).camera()).isFalse();
        assertThat(probe(withExif(plain, makeTiff("HUAWEI")), FileType.JPEG).camera()).isTrue();
        assertThat(probe(withExif(plain, ImageFixtures.exifTiff(true, 1, null, 2)), FileType.JPEG).camera()).isFalse();
    }

    /** A little-endian TIFF block whose IFD0 holds only Make (ASCII, stored after the IFD). */
    static byte[] makeTiff(String make) {
        byte[] text = (make + "\0").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        ByteBuffer b = ByteBuffer.allocate(64 + text.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(8);
        b.putShort((short) 1);
        b.putShort((short) 0x010F).putShort((short) 2).putInt(text.length).putInt(8 + 2 + 12 + 4);
        b.putInt(0);
        b.put(text);
        return Arrays.copyOf(b.array(), b.position());
    }

    private static int indexOf(byte[] data, String ascii) {
        byte[] needle = ascii.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        outer:
        for (int i = 0; i + needle.length <= data.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (data[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError(ascii + " not found");
    }
}

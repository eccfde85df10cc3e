package zjlearn.probe;

import zjlearn.rules.FileType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import zjlearn.probe.image.ImageFacts;
import zjlearn.probe.image.ImageProbe;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The type sniffer and the reader after it share one opened file: the header is read from disk once. */
class OpenedFileTest {
    @TempDir
    Path tmp;

    @Test
    void aTextFileIsSniffedAndReadWithEachByteReadOnce() throws Exception {
        String text = "浙江省百姓学习之星推荐材料。".repeat(8_000); // about 300 KB in GBK: beyond the header
        Path file = Files.write(tmp.resolve("总结.txt"), text.getBytes(Charset.forName("GBK")));
        try (OpenedFile opened = OpenedFile.open(file)) {
            assertThat(TypeSniffer.sniff(opened)).isEqualTo(FileType.TXT);
            assertThat(TextExtractor.extract(opened, FileType.TXT)).isEqualTo(text);
            assertThat(opened.bytesFromDisk()).isEqualTo(Files.size(file));
        }
    }

    @Test
    void aPhotoIsSniffedAndMeasuredWithoutReadingItsHeaderTwice() throws Exception {
        Path photo = tmp.resolve("生活照.jpg");
        java.awt.image.BufferedImage noise = new java.awt.image.BufferedImage(1600, 1200, java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.util.Random random = new java.util.Random(7);
        for (int y = 0; y < 1200; y++) {
            for (int x = 0; x < 1600; x++) {
                noise.setRGB(x, y, random.nextInt(0x1000000));
            }
        }
        javax.imageio.ImageIO.write(noise, "jpg", photo.toFile());
        long size = Files.size(photo);
        assertThat(size).as("a photo larger than the sniffed header").isGreaterThan(TypeSniffer.HEADER_SIZE);
        try (OpenedFile opened = OpenedFile.open(photo)) {
            assertThat(TypeSniffer.sniff(opened)).isEqualTo(FileType.JPEG);
            ImageFacts facts = ImageProbe.probe(opened, FileType.JPEG);
            assertThat(facts.width()).isEqualTo(1600);
            assertThat(opened.bytesFromDisk()).isLessThanOrEqualTo(size);
        }
    }

    @Test
    void readsServeTheHeaderFromMemoryAndTheRestFromTheFile() throws IOException {
        byte[] content = new byte[TypeSniffer.HEADER_SIZE + 1000];
        for (int i = 0; i < content.length; i++) {
            content[i] = (byte) (i * 31);
        }
        Path file = Files.write(tmp.resolve("x.bin"), content);
        try (OpenedFile opened = OpenedFile.open(file)) {
            assertThat(opened.header()).hasSize(TypeSniffer.HEADER_SIZE);
            ByteBuffer across = ByteBuffer.allocate(600);
            // a read that starts in the header stops at its end; the next one goes to the file
            assertThat(opened.read(across, TypeSniffer.HEADER_SIZE - 100)).isEqualTo(100);
            assertThat(opened.read(across, TypeSniffer.HEADER_SIZE)).isEqualTo(500);
            for (int i = 0; i < 600; i++) {
                assertThat(across.get(i)).isEqualTo(content[TypeSniffer.HEADER_SIZE - 100 + i]);
            }
            assertThat(opened.bytesFromDisk()).isEqualTo(TypeSniffer.HEADER_SIZE + 500L);
            assertThat(opened.read(ByteBuffer.allocate(10), content.length)).isEqualTo(-1);
            assertThat(opened.stream().readAllBytes()).isEqualTo(content);
        }
    }
}

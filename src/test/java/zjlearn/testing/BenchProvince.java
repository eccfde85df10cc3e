package zjlearn.testing;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.SplittableRandom;

/**
 * A compliant province with big media for {@code scripts/bench-package.sh}: one Learning Star
 * recommended to the national level (3 photos and a large "video": an MP4 {@code ftyp} header followed
 * by random bytes, which the current checks accept since videos are not yet probed beyond their
 * header), and one project with many large "photos" (a JPEG signature followed by random bytes).
 * Random content so that nothing can shortcut the copy (no sparse holes, no compression).
 *
 * <pre>java … zjlearn.testing.BenchProvince DIR VIDEO_MIB PHOTOS PHOTO_MIB</pre>
 */
public final class BenchProvince {
    private BenchProvince() {
    }

    public static void main(String[] args) throws IOException {
        Path root = Path.of(args[0]);
        long videoMiB = Long.parseLong(args[1]);
        int photos = Integer.parseInt(args[2]);
        long photoMiB = Long.parseLong(args[3]);
        Province p = new Province(root);
        Path star = p.star("杭州市", "张三").folder("01-张三").write();
        Path national = Files.createDirectories(star.resolve("全国推荐材料"));
        for (int i = 1; i <= 3; i++) {
            Docs.jpeg(national.resolve("照片" + i + ".jpg"), 1280, 960, true);
        }
        byte[] ftyp = new byte[32];
        ByteBuffer.wrap(ftyp).putInt(32).put("ftypisom".getBytes(StandardCharsets.US_ASCII)).putInt(0x200)
                .put("isomiso2avc1mp41".getBytes(StandardCharsets.US_ASCII));
        random(national.resolve("视频.mp4"), ftyp, videoMiB << 20, 1);
        if (photos > 0) {
            Path project = p.project("杭州市", "共富夜校").folder("01-共富夜校").write();
            byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0};
            for (int i = 1; i <= photos; i++) {
                random(project.resolve(String.format("活动照片%03d.jpg", i + 2)), jpeg, photoMiB << 20, 100 + i);
            }
        }
    }

    private static void random(Path file, byte[] header, long size, long seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        byte[] buf = new byte[1 << 20];
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE)) {
            long written = 0;
            boolean first = true;
            while (written < size) {
                random.nextBytes(buf);
                if (first) {
                    System.arraycopy(header, 0, buf, 0, header.length);
                    first = false;
                }
                int n = (int) Math.min(buf.length, size - written);
                ByteBuffer bb = ByteBuffer.wrap(buf, 0, n);
                while (bb.hasRemaining()) {
                    ch.write(bb);
                }
                written += n;
            }
        }
    }
}

package zjlearn.testing;

import zjlearn.probe.video.Mp4Builder;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.SplittableRandom;

/**
 * A compliant province with big media for {@code scripts/bench-package.sh}: one Learning Star
 * recommended to the national level (3 photos and a large compliant video: real MP4 headers around
 * random sample data), and one project with many large photos (real JPEG headers, random scan data
 * behind them: readable as far as the checks go).
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
        Mp4Builder video = new Mp4Builder();
        video.audio = false;
        video.sampleSize = (int) ((videoMiB << 20) / video.frames);
        video.writeLarge(national.resolve("视频.mp4"), (channel, length) -> random(channel, new byte[0], length, 1));
        if (photos > 0) {
            Path project = p.project("杭州市", "共富夜校").folder("01-共富夜校").write();
            // A real photo, padded after its end marker with random bytes up to the size asked for.
            Path sample = project.resolve("活动照片1.jpg");
            byte[] jpeg = Files.readAllBytes(sample);
            for (int i = 1; i <= photos; i++) {
                try (FileChannel ch = FileChannel.open(project.resolve(String.format("活动照片%03d.jpg", i + 2)),
                        StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
                    random(ch, jpeg, photoMiB << 20, 100 + i);
                }
            }
        }
    }

    /** {@code size} bytes: {@code header}, then random bytes (nothing can shortcut their copy). */
    private static void random(FileChannel ch, byte[] header, long size, long seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        byte[] buf = new byte[Math.max(1 << 20, header.length)];
        {
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

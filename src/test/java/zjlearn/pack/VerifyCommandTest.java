package zjlearn.pack;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import zjlearn.testing.Province;
import zjlearn.testing.Trees;
import zjlearn.testing.Cli;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code zjlearn verify}: an intact archive passes; every kind of damage is found and all of it reported. */
class VerifyCommandTest {
    @TempDir
    static Path tmp;
    static Path archive;

    @BeforeAll
    static void packageOneUnit() {
        Province p = new Province(tmp.resolve("省"));
        Path zhang = p.star("杭州市", "张三").write();
        try {
            // a video large enough to be read ahead on a second thread
            PackageCommandTest.national(zhang, 9 << 20);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        p.project("杭州市", "共富夜校").write();
        Cli.Run r = Cli.run("package", p.root().toString(), "-o", tmp.resolve("out").toString(),
                "--date", "2021-09-01");
        assertThat(r.code()).as(r.err()).isZero();
        archive = tmp.resolve("out/杭州市.zip");
    }

    static Cli.Run verify(String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "verify";
        System.arraycopy(args, 0, all, 1, args.length);
        return Cli.run(all);
    }

    @Test
    void anIntactArchiveAndItsUnpackedFolderPass() {
        Cli.Run r = verify(archive.toString());
        assertThat(r.code()).as(r.out()).isZero();
        assertThat(r.out()).contains("✔").contains("完好").contains("全部校验值一致");
        Path unpacked = Trees.unzip(archive, tmp.resolve("intact"));
        assertThat(verify(unpacked.resolve("杭州市").toString(), unpacked.toString(), "--fast").code()).isZero();
        assertThat(verify(archive.toString(), "--lang", "en").out()).contains("OK").contains("every checksum matches");
    }

    /**
     * A copy of the archive with one bit changed in a STORED entry's data, {@code fromEnd} bytes before its
     * end (or in its middle when negative).
     */
    static Path flipped(String name, String entry, long fromEnd, int bit) throws IOException {
        Path damaged = tmp.resolve(name);
        Files.copy(archive, damaged);
        long offset;
        try (ZipFile z = ZipFile.builder().setPath(damaged).get()) {
            ZipArchiveEntry e = z.getEntry(entry);
            assertThat(e.getMethod()).isEqualTo(ZipArchiveEntry.STORED);
            offset = e.getDataOffset() + (fromEnd < 0 ? e.getSize() / 2 : e.getSize() - fromEnd);
        }
        try (RandomAccessFile f = new RandomAccessFile(damaged.toFile(), "rw")) {
            f.seek(offset);
            int b = f.read();
            f.seek(offset);
            f.write(b ^ bit);
        }
        return damaged;
    }

    @Test
    void aFlippedByteIsCaughtByTheChecksumButNotByTheFastCheck() throws IOException {
        Path damaged = flipped("flipped.zip", "杭州市/data/百姓学习之星/张三/生活照.jpg", -1, 0x01);
        Cli.Run r = verify(damaged.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("✘").contains("发现 1 个问题")
                .contains("data/百姓学习之星/张三/生活照.jpg：校验值不符（sha256）");
        assertThat(verify(damaged.toString(), "--fast").code()).isZero();
        assertThat(verify(damaged.toString(), "--lang", "en").out()).contains("checksum mismatch");
    }

    @Test
    void aFlippedByteNearTheEndOfALargeFileIsCaught() throws IOException {
        String video = "杭州市/data/百姓学习之星/张三/全国推荐材料/视频.mp4";
        try (ZipFile z = ZipFile.builder().setPath(archive).get()) {
            assertThat(z.getEntry(video).getSize()).as("large enough to be read ahead").isGreaterThan(8L << 20);
        }
        Cli.Run r = verify(flipped("flipped-video.zip", video, 10, 0x80).toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("发现 1 个问题").contains("全国推荐材料/视频.mp4：校验值不符（sha256）");
    }

    @Test
    void missingExtraAndAlteredFilesAreAllReported() throws IOException {
        Path bag = Trees.unzip(archive, tmp.resolve("altered")).resolve("杭州市");
        Files.delete(bag.resolve("data/百姓学习之星/张三/证件照.jpg"));
        Files.writeString(bag.resolve("data/百姓学习之星/张三/多余.txt"), "extra");
        Files.writeString(bag.resolve("data/终身学习品牌项目/共富夜校/推荐表.docx"), "replaced");
        Files.writeString(bag.resolve("report.txt"), "edited", java.nio.file.StandardOpenOption.APPEND);
        List<BagVerifier.Problem> problems = BagVerifier.verify(bag, false).problems();
        assertThat(problems).extracting(BagVerifier.Problem::kind).containsExactlyInAnyOrder(
                BagVerifier.Kind.MISSING, BagVerifier.Kind.EXTRA, BagVerifier.Kind.CHECKSUM, BagVerifier.Kind.CHECKSUM,
                BagVerifier.Kind.OXUM);
        assertThat(problems).extracting(BagVerifier.Problem::path).contains("data/百姓学习之星/张三/证件照.jpg",
                "data/百姓学习之星/张三/多余.txt", "data/终身学习品牌项目/共富夜校/推荐表.docx", "report.txt");
        Cli.Run r = verify(bag.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("发现 5 个问题").contains("缺少文件").contains("多出文件").contains("Payload-Oxum 不符");
        List<BagVerifier.Problem> fast = BagVerifier.verify(bag, true).problems();
        assertThat(fast).extracting(BagVerifier.Problem::kind).containsExactlyInAnyOrder(
                BagVerifier.Kind.MISSING, BagVerifier.Kind.EXTRA, BagVerifier.Kind.OXUM);
    }

    @Test
    void checksumsAreComparedIgnoringCase() throws IOException {
        Path bag = Trees.unzip(archive, tmp.resolve("upper")).resolve("杭州市");
        Path manifest = bag.resolve("manifest-sha256.txt");
        Files.writeString(manifest, upperHex(Files.readString(manifest)));
        Path tagManifest = bag.resolve("tagmanifest-sha256.txt");
        String tags = Files.readString(tagManifest).lines()
                .map(l -> l.endsWith("  manifest-sha256.txt") ? Trees.sha256(manifest) + "  manifest-sha256.txt" : l)
                .reduce("", (a, l) -> a + l + "\n");
        Files.writeString(tagManifest, upperHex(tags));
        assertThat(BagVerifier.verify(bag, false).problems()).isEmpty();
    }

    static String upperHex(String manifest) {
        return manifest.lines().map(l -> l.substring(0, 64).toUpperCase() + l.substring(64)).reduce("", (a, l) -> a + l + "\n");
    }

    @Test
    void pathsThatEscapeTheBagAreReportedAndNeverRead() throws IOException {
        Path zip = tmp.resolve("escape.zip");
        String data = "hello";
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            put(out, "b/bagit.txt", BagIt.bagitTxt());
            put(out, "b/manifest-sha256.txt", sha256(data) + "  data/a.txt\n");
            put(out, "b/data/a.txt", data);
            put(out, "b/data/../../evil.txt", "evil");
            put(out, "/etc/evil.txt", "evil");
        }
        List<BagVerifier.Problem> problems = BagVerifier.verify(zip, false).problems();
        assertThat(problems).extracting(BagVerifier.Problem::kind)
                .containsExactly(BagVerifier.Kind.UNSAFE_PATH, BagVerifier.Kind.UNSAFE_PATH);
        assertThat(problems).extracting(BagVerifier.Problem::path).containsExactly("b/data/../../evil.txt", "/etc/evil.txt");
        assertThat(verify(zip.toString()).out()).contains("路径越出包外");
    }

    @Test
    void anEntryThatInflatesBeyondItsDeclaredSizeIsStopped() throws IOException {
        Path zip = tmp.resolve("bomb.zip");
        byte[] zeros = new byte[8 << 20];
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            put(out, "b/bagit.txt", BagIt.bagitTxt());
            put(out, "b/manifest-sha256.txt", HexFormat.of().formatHex(sha256(zeros)) + "  data/zeros.bin\n");
            out.putNextEntry(new ZipEntry("b/data/zeros.bin"));
            out.write(zeros);
            out.closeEntry();
        }
        patchCentralDirectory(zip, "b/data/zeros.bin", 24, 1000); // uncompressed size: 1000 bytes declared
        List<BagVerifier.Problem> problems = BagVerifier.verify(zip, false).problems();
        assertThat(problems).extracting(BagVerifier.Problem::kind).containsExactly(BagVerifier.Kind.TOO_LARGE);
        assertThat(problems.get(0).path()).isEqualTo("data/zeros.bin");
    }

    @Test
    void entriesSharingTheirDataAreRefused() throws IOException {
        Path zip = tmp.resolve("overlap.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            put(out, "b/bagit.txt", BagIt.bagitTxt());
            put(out, "b/manifest-sha256.txt", sha256("a") + "  data/a.txt\n" + sha256("b") + "  data/b.txt\n");
            put(out, "b/data/a.txt", "a");
            put(out, "b/data/b.txt", "b");
        }
        long offsetOfA;
        try (ZipFile z = ZipFile.builder().setPath(zip).get()) {
            offsetOfA = z.getEntry("b/data/a.txt").getLocalHeaderOffset();
        }
        patchCentralDirectory(zip, "b/data/b.txt", 42, offsetOfA);
        assertThat(BagVerifier.verify(zip, true).problems()).extracting(BagVerifier.Problem::kind)
                .contains(BagVerifier.Kind.OVERLAPPING);
    }

    @Test
    void notABagOrNotAZipIsAProblemAndAMissingPathAUsageError() throws IOException {
        Path junk = Files.write(tmp.resolve("junk.zip"), new byte[] {1, 2, 3, 4, 5});
        Cli.Run r = verify(junk.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("不是可读的 ZIP 文件");
        Path plain = Files.createDirectories(tmp.resolve("plain"));
        Files.writeString(plain.resolve("a.txt"), "a");
        assertThat(verify(plain.toString()).out()).contains("找不到 bagit.txt");
        assertThat(verify(tmp.resolve("nowhere.zip").toString()).code()).isEqualTo(2);
        assertThat(verify().code()).isEqualTo(2);
    }

    static void put(ZipOutputStream out, String name, String content) throws IOException {
        out.putNextEntry(new ZipEntry(name));
        out.write(content.getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
    }

    static String sha256(String content) {
        return HexFormat.of().formatHex(sha256(content.getBytes(StandardCharsets.UTF_8)));
    }

    static byte[] sha256(byte[] content) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(content);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Overwrites a 4-byte field of the named entry's central directory record. */
    static void patchCentralDirectory(Path zip, String name, int fieldOffset, long value) throws IOException {
        byte[] bytes = Files.readAllBytes(zip);
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        byte[] wanted = name.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i + 46 < bytes.length; i++) {
            if (b.getInt(i) == 0x02014b50 && Short.toUnsignedInt(b.getShort(i + 28)) == wanted.length
                    && java.util.Arrays.equals(bytes, i + 46, i + 46 + wanted.length, wanted, 0, wanted.length)) {
                b.putInt(i + fieldOffset, (int) value);
                Files.write(zip, bytes);
                return;
            }
        }
        throw new IllegalStateException("no central directory record for " + name);
    }
}

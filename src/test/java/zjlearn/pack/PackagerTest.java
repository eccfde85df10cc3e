package zjlearn.pack;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import zjlearn.ValidationResult;
import zjlearn.testing.Province;
import zjlearn.testing.Runs;
import zjlearn.testing.Trees;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The writing machinery below the command: atomic archives, Zip64, the streamed copy. */
class PackagerTest {
    @TempDir
    Path tmp;

    private static final Packager.Options OPTIONS = new Packager.Options(LocalDate.of(2021, 9, 1), "zjlearn test",
            Locale.SIMPLIFIED_CHINESE, false);

    PackagePlan planOf(Path root) {
        ValidationResult result = Runs.validate(root);
        return PackagePlan.of(result, false);
    }

    @Test
    void aFileThatChangesWhilePackagingLeavesNoArchiveAndNoPartFile() throws IOException {
        Province p = new Province(tmp.resolve("省"));
        Path zhang = p.star("杭州市", "张三").write();
        Path big = zhang.resolve("全国推荐材料");
        PackageCommandTest.national(big.getParent(), 3 << 20);
        Path video = big.resolve("视频.mp4");
        PackagePlan plan = planOf(p.root());
        PackagePlan.UnitPlan unit = plan.units().get(0);
        assertThat(unit.packaged()).isTrue();
        Path out = Files.createDirectories(tmp.resolve("out"));
        List<String> progress = new ArrayList<>();
        Packager packager = new Packager(OPTIONS, m -> progress.add(m.render(Locale.SIMPLIFIED_CHINESE)), Packager.Meter.NONE);

        // the video (streamed through the reader/hasher threads) shrinks after validation: the copy fails midway
        try (FileChannel ch = FileChannel.open(video, java.nio.file.StandardOpenOption.WRITE)) {
            ch.truncate(Files.size(video) - 1000);
        }
        Packager.UnitResult shrunk = packager.write(plan, unit, out, false);
        assertThat(shrunk.error()).contains("file changed since it was checked");
        assertThat(listing(out)).isEmpty();

        // a small photo grows
        Path photo = zhang.resolve("生活照.jpg");
        Files.write(video, randomBytes(1000, 8), java.nio.file.StandardOpenOption.APPEND);
        Files.write(photo, new byte[] {1, 2, 3}, java.nio.file.StandardOpenOption.APPEND);
        Packager.UnitResult grown = packager.write(plan, unit, out, false);
        assertThat(grown.error()).contains("file changed");
        assertThat(listing(out)).isEmpty();

        // a form vanishes
        Files.delete(zhang.resolve("推荐表.docx"));
        assertThat(packager.write(plan, unit, out, false).error()).contains("找不到文件或文件夹").contains("推荐表.docx");
        assertThat(listing(out)).isEmpty();
    }

    @Test
    void anArchiveIsNotOverwrittenUnlessAsked() throws IOException {
        Province p = new Province(tmp.resolve("省"));
        p.star("杭州市", "张三").write();
        PackagePlan plan = planOf(p.root());
        Path out = Files.createDirectories(tmp.resolve("out"));
        Files.writeString(out.resolve("杭州市.zip"), "older");
        List<long[]> metered = new ArrayList<>();
        Packager packager = new Packager(OPTIONS, m -> { }, (archive, done, total) -> {
            assertThat(archive).isEqualTo("杭州市.zip");
            metered.add(new long[] {done, total});
        });
        assertThat(packager.write(plan, plan.units().get(0), out, false).error()).contains("already exists");
        assertThat(Files.readString(out.resolve("杭州市.zip"))).isEqualTo("older");
        Packager.UnitResult replaced = packager.write(plan, plan.units().get(0), out, true);
        assertThat(replaced.error()).isNull();
        assertThat(replaced.sha256()).isEqualTo(Trees.sha256(out.resolve("杭州市.zip")));
        // the progress meter: from 0 to every payload byte, never backwards
        long payload = plan.units().get(0).payloadBytes();
        assertThat(metered).isNotEmpty().allMatch(m -> m[1] == payload);
        assertThat(metered.get(0)[0]).isZero();
        assertThat(metered.get(metered.size() - 1)[0]).isEqualTo(payload);
        for (int i = 1; i < metered.size(); i++) {
            assertThat(metered.get(i)[0]).isGreaterThanOrEqualTo(metered.get(i - 1)[0]);
        }
        assertThat(listing(out)).containsExactly("杭州市.zip");
    }

    @Test
    void theClassicLayoutIsReadByStreamingReadersAndVerifies() throws IOException {
        Province p = new Province(tmp.resolve("省"));
        Path zhang = p.star("杭州市", "张三").write();
        PackageCommandTest.national(zhang, 5 << 20);
        PackagePlan plan = planOf(p.root());
        Path out = Files.createDirectories(tmp.resolve("out"));
        Packager classic = new Packager(new Packager.Options(LocalDate.of(2021, 9, 1), "zjlearn test",
                Locale.SIMPLIFIED_CHINESE, true), m -> { }, Packager.Meter.NONE);
        Packager.UnitResult r = classic.write(plan, plan.units().get(0), out, false);
        assertThat(r.error()).isNull();
        Path zip = out.resolve("杭州市.zip");
        assertThat(r.sha256()).isEqualTo(Trees.sha256(zip));
        assertThat(BagVerifier.verify(zip, false).problems()).isEmpty();
        List<String> payload = new ArrayList<>();
        try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(Files.newInputStream(zip), StandardCharsets.UTF_8)) {
            for (java.util.zip.ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                byte[] bytes = in.readAllBytes();
                if (e.getName().endsWith("视频.mp4")) {
                    assertThat(bytes).isEqualTo(Files.readAllBytes(zhang.resolve("全国推荐材料/视频.mp4")));
                }
                if (e.getName().contains("/data/") && !e.isDirectory()) {
                    payload.add(e.getName());
                }
            }
        }
        assertThat(payload).hasSize(plan.units().get(0).payload().size());
    }

    @Test
    void moreThan65535EntriesUseZip64() throws IOException {
        Path source = Files.writeString(tmp.resolve("one.txt"), "x\n");
        int count = 70_000;
        Path zip = tmp.resolve("many.zip");
        StringBuilder manifest = new StringBuilder();
        byte[] archiveSha;
        try (BagZipWriter w = new BagZipWriter(zip, LocalDate.of(2021, 9, 1), BagZipWriter.Layout.STREAMED)) {
            w.bytes("b/bag-info.txt", ("Payload-Oxum: " + 2L * count + "." + count + "\n").getBytes(StandardCharsets.UTF_8));
            w.bytes("b/bagit.txt", BagIt.bagitTxt().getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i < count; i++) {
                String name = String.format("data/文件%05d.txt", i);
                manifest.append(BagIt.hex(w.file("b/" + name, source, 2, true).join())).append("  ").append(name).append('\n');
            }
            w.bytes("b/manifest-sha256.txt", manifest.toString().getBytes(StandardCharsets.UTF_8));
            archiveSha = w.finish();
        }
        assertThat(BagIt.hex(archiveSha)).isEqualTo(Trees.sha256(zip));
        try (java.util.zip.ZipFile z = new java.util.zip.ZipFile(zip.toFile())) {
            assertThat(z.size()).isEqualTo(count + 3);
            assertThat(z.getEntry("b/data/文件69999.txt")).isNotNull();
        }
        // end of central directory: entry counts saturated at 0xFFFF, a Zip64 locator just before it
        try (RandomAccessFile f = new RandomAccessFile(zip.toFile(), "r")) {
            byte[] tail = new byte[42];
            f.seek(f.length() - tail.length);
            f.readFully(tail);
            ByteBuffer b = ByteBuffer.wrap(tail).order(ByteOrder.LITTLE_ENDIAN);
            assertThat(b.getInt(0)).as("Zip64 EOCD locator").isEqualTo(0x07064b50);
            assertThat(b.getInt(20)).as("EOCD").isEqualTo(0x06054b50);
            assertThat(Short.toUnsignedInt(b.getShort(30))).isEqualTo(0xFFFF);
        }
        assertThat(BagVerifier.verify(zip, false).problems()).isEmpty();
        if (Trees.installed("unzip")) {
            Map.Entry<Integer, String> r = Trees.exec(List.of("unzip", "-tq", zip.toString()));
            assertThat(r.getKey()).as(r.getValue()).isZero();
        } else {
            Assumptions.abort("unzip is not installed (Debian: apt-get install -y unzip); `unzip -t` not run on the Zip64 archive");
        }
    }

    @Test
    void manifestPathsAreEncodedAsRfc8493Asks() {
        assertThat(BagIt.encodePath("data/100%\n新\r.txt")).isEqualTo("data/100%25%0A新%0D.txt");
        assertThat(BagIt.decodePath("data/100%25%0a新%0D.txt")).isEqualTo("data/100%\n新\r.txt");
        assertThat(BagIt.decodePath("data/%41")).isEqualTo("data/%41");
    }

    static byte[] randomBytes(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    static List<String> listing(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }
}

package zjlearn.pack;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import zjlearn.testing.Trees;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The one-pass zip writer: what independent readers make of its archives, and how it fails. */
class BagZipWriterTest {
    private static final LocalDate DAY = LocalDate.of(2021, 9, 1);

    @TempDir
    Path tmp;

    /** Contents by entry name: a video across many buffers, a photo, a document to deflate, a tag file. */
    private Map<String, byte[]> contents() {
        Map<String, byte[]> c = new LinkedHashMap<>();
        c.put("杭州市/bagit.txt", BagIt.bagitTxt().getBytes(StandardCharsets.UTF_8));
        byte[] video = PackagerTest.randomBytes(3 * ArchiveStream.CHUNK_SIZE + 4321, 1);
        // the signatures a streaming reader might take for the end of the data, inside the data
        System.arraycopy(new byte[] {'P', 'K', 7, 8, 'P', 'K', 3, 4, 'P', 'K', 1, 2}, 0, video, 1 << 20, 12);
        c.put("杭州市/data/百姓学习之星/01-张三/全国推荐材料/视频.mp4", video);
        c.put("杭州市/data/百姓学习之星/01-张三/推荐表.docx", ("推荐表 " + "学习".repeat(40_000)).getBytes(StandardCharsets.UTF_8));
        c.put("杭州市/data/百姓学习之星/01-张三/证件照.jpg", PackagerTest.randomBytes(70_000, 2));
        return c;
    }

    /** Writes the contents (files from disk, the tag file from memory); returns the payload digests by name. */
    private Map<String, byte[]> write(Path zip, Map<String, byte[]> contents, BagZipWriter.Layout layout, boolean forceZip64)
            throws IOException {
        Path sources = Files.createDirectories(tmp.resolve("src-" + zip.getFileName()));
        Map<String, CompletableFuture<byte[]>> pending = new LinkedHashMap<>();
        byte[] archiveSha;
        try (BagZipWriter w = new BagZipWriter(zip, DAY, layout, forceZip64)) {
            w.directory("杭州市/");
            int i = 0;
            for (Map.Entry<String, byte[]> e : contents.entrySet()) {
                if (!e.getKey().contains("/data/")) {
                    w.bytes(e.getKey(), e.getValue());
                    continue;
                }
                Path source = Files.write(sources.resolve("f" + i++), e.getValue());
                boolean store = !e.getKey().endsWith(".docx");
                pending.put(e.getKey(), w.file(e.getKey(), source, e.getValue().length, store));
            }
            archiveSha = w.finish();
        }
        assertThat(BagIt.hex(archiveSha)).as("the archive's SHA-256, computed while writing").isEqualTo(Trees.sha256(zip));
        Map<String, byte[]> digests = new LinkedHashMap<>();
        pending.forEach((name, digest) -> digests.put(name, digest.join()));
        return digests;
    }

    @ParameterizedTest(name = "{0}, zip64 for every entry: {1}")
    @CsvSource({"STREAMED, false", "STREAMED, true", "CLASSIC, false", "CLASSIC, true"})
    void independentReadersGetBackEveryByte(BagZipWriter.Layout layout, boolean zip64) throws Exception {
        Map<String, byte[]> contents = contents();
        Path zip = tmp.resolve(layout + (zip64 ? "-zip64.zip" : "-plain.zip"));
        Map<String, byte[]> digests = write(zip, contents, layout, zip64);
        for (Map.Entry<String, byte[]> d : digests.entrySet()) {
            assertThat(d.getValue()).as(d.getKey()).isEqualTo(MessageDigest.getInstance("SHA-256").digest(contents.get(d.getKey())));
        }

        // the JDK's reader and Commons Compress's, both through the central directory
        try (java.util.zip.ZipFile z = new java.util.zip.ZipFile(zip.toFile(), StandardCharsets.UTF_8)) {
            assertThat(z.size()).isEqualTo(contents.size() + 1);
            for (Map.Entry<String, byte[]> c : contents.entrySet()) {
                java.util.zip.ZipEntry e = z.getEntry(c.getKey());
                assertThat(e).as(c.getKey()).isNotNull();
                try (InputStream in = z.getInputStream(e)) {
                    assertThat(in.readAllBytes()).as(c.getKey()).isEqualTo(c.getValue());
                }
                boolean document = c.getKey().endsWith(".docx") || !c.getKey().contains("/data/");
                assertThat(e.getMethod()).as(c.getKey()).isEqualTo(document ? java.util.zip.ZipEntry.DEFLATED : java.util.zip.ZipEntry.STORED);
            }
            assertThat(z.getEntry("杭州市/").isDirectory()).isTrue();
        }
        try (ZipFile z = ZipFile.builder().setPath(zip).get()) {
            for (ZipArchiveEntry e : Collections.list(z.getEntries())) {
                assertThat(e.getGeneralPurposeBit().usesUTF8ForNames()).as("EFS flag on " + e.getName()).isTrue();
                boolean payload = e.getName().contains("/data/") && !e.isDirectory();
                assertThat(e.getGeneralPurposeBit().usesDataDescriptor()).as("descriptor on " + e.getName())
                        .isEqualTo(payload && layout == BagZipWriter.Layout.STREAMED);
                assertThat(e.getUnixMode()).isEqualTo(e.isDirectory() ? 040755 : 0100644);
                assertThat(e.getExtraFields()).allMatch(f -> f.getHeaderId().getValue() == 0x0001);
                if (!e.isDirectory()) {
                    try (InputStream in = z.getInputStream(e)) {
                        assertThat(in.readAllBytes()).isEqualTo(contents.get(e.getName()));
                    }
                }
            }
        }
        if (layout == BagZipWriter.Layout.CLASSIC) {
            // what the classic layout is for: readers that take the archive as a stream
            try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(Files.newInputStream(zip), StandardCharsets.UTF_8)) {
                int seen = 0;
                for (java.util.zip.ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                    if (!e.isDirectory()) {
                        assertThat(in.readAllBytes()).as(e.getName()).isEqualTo(contents.get(e.getName()));
                        seen++;
                    }
                }
                assertThat(seen).isEqualTo(contents.size());
            }
            try (org.apache.commons.compress.archivers.zip.ZipArchiveInputStream in =
                         new org.apache.commons.compress.archivers.zip.ZipArchiveInputStream(Files.newInputStream(zip))) {
                int seen = 0;
                for (ZipArchiveEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                    if (!e.isDirectory()) {
                        assertThat(in.readAllBytes()).as(e.getName()).isEqualTo(contents.get(e.getName()));
                        seen++;
                    }
                }
                assertThat(seen).isEqualTo(contents.size());
            }
        }
        // the programs a secretariat would use: Info-ZIP, 7-Zip, libarchive, Python
        String video = "杭州市/data/百姓学习之星/01-张三/全国推荐材料/视频.mp4";
        assumeTrue(Trees.installed("unzip"), "unzip is not installed (Debian: apt-get install -y unzip)");
        assertThat(Trees.exec(List.of("unzip", "-tq", zip.toString()))).satisfies(r -> assertThat(r.getKey()).as(r.getValue()).isZero());
        if (Trees.installed("7z")) {
            Map.Entry<Integer, String> r = Trees.exec(List.of("7z", "t", zip.toString()));
            assertThat(r.getKey()).as(r.getValue()).isZero();
            assertThat(r.getValue()).contains("Everything is Ok");
        }
        if (Trees.installed("bsdtar")) {
            Path out = Files.createDirectories(tmp.resolve("bsdtar-" + layout + zip64));
            Map.Entry<Integer, String> r = Trees.exec(List.of("bsdtar", "-xf", zip.toString(), "-C", out.toString()));
            assertThat(r.getKey()).as(r.getValue()).isZero();
            assertThat(Files.readAllBytes(out.resolve(video))).isEqualTo(contents.get(video));
            // streamed from a pipe: libarchive finds each entry's end from the CRC and size after its data
            Path streamed = Files.createDirectories(tmp.resolve("bsdtar-streamed-" + layout + zip64));
            r = Trees.exec(List.of("sh", "-c", "bsdtar -xf - -C \"$1\" < \"$2\"", "sh", streamed.toString(), zip.toString()));
            assertThat(r.getKey()).as(r.getValue()).isZero();
            assertThat(Files.readAllBytes(streamed.resolve(video))).isEqualTo(contents.get(video));
        }
        if (Trees.installed("python3")) {
            Map.Entry<Integer, String> r = Trees.exec(List.of("python3", "-c",
                    "import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); bad = z.testzip(); "
                            + "print(bad or 'ok', len(z.infolist()), z.getinfo(sys.argv[2]).file_size)",
                    zip.toString(), video));
            assertThat(r.getValue().strip()).isEqualTo("ok " + (contents.size() + 1) + " " + contents.get(video).length);
        }
    }

    /**
     * Random mixes of small and large appends, across buffer boundaries: the file holds exactly the bytes
     * appended, in order, and every digest matches.
     */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4})
    void anyMixOfAppendsComesOutWhole(long seed) throws Exception {
        java.util.Random random = new java.util.Random(seed);
        Path zip = tmp.resolve("mix-" + seed + ".bin");
        MessageDigest expected = MessageDigest.getInstance("SHA-256");
        long expectedLength = 0;
        List<byte[]> fileDigests = new java.util.ArrayList<>();
        List<CompletableFuture<byte[]>> digests = new java.util.ArrayList<>();
        byte[] sha;
        try (ArchiveStream out = ArchiveStream.create(zip)) {
            for (int op = 0; op < 30; op++) {
                int size = switch (random.nextInt(4)) {
                    case 0 -> random.nextInt(100);
                    case 1 -> random.nextInt(70_000);
                    case 2 -> ArchiveStream.CHUNK_SIZE - 50 + random.nextInt(100);
                    default -> random.nextInt(2 * ArchiveStream.CHUNK_SIZE + 1);
                };
                byte[] bytes = PackagerTest.randomBytes(size, seed * 1000 + op);
                expected.update(bytes);
                expectedLength += size;
                if (random.nextBoolean()) {
                    out.put(bytes);
                } else {
                    Path source = Files.write(tmp.resolve("mix-" + seed + "-" + op), bytes);
                    java.util.zip.CRC32 crc = new java.util.zip.CRC32();
                    long[] read = {0};
                    digests.add(out.putFile(source, size, crc, n -> read[0] += n));
                    fileDigests.add(MessageDigest.getInstance("SHA-256").digest(bytes));
                    java.util.zip.CRC32 direct = new java.util.zip.CRC32();
                    direct.update(bytes);
                    assertThat(crc.getValue()).isEqualTo(direct.getValue());
                    assertThat(read[0]).isEqualTo(size);
                    Files.delete(source);
                }
                assertThat(out.position()).isEqualTo(expectedLength);
            }
            sha = out.finish();
        }
        byte[] whole = expected.digest();
        assertThat(Files.size(zip)).isEqualTo(expectedLength);
        assertThat(Trees.sha256(zip)).as("the bytes written, in order").isEqualTo(BagIt.hex(whole));
        assertThat(sha).as("the digest computed while writing").isEqualTo(whole);
        for (int i = 0; i < fileDigests.size(); i++) {
            assertThat(digests.get(i).join()).isEqualTo(fileDigests.get(i));
        }
    }

    @ParameterizedTest
    @EnumSource(BagZipWriter.Layout.class)
    void theSameInputGivesTheSameBytes(BagZipWriter.Layout layout) throws IOException {
        Path first = tmp.resolve("first-" + layout + ".zip");
        Path second = tmp.resolve("second-" + layout + ".zip");
        write(first, contents(), layout, false);
        write(second, contents(), layout, false);
        assertThat(Files.readAllBytes(first)).isEqualTo(Files.readAllBytes(second));
    }

    @Test
    void entriesAreDatedTheBaggingDayAtNoonWhateverTheTimeZone() throws IOException {
        Path zip = tmp.resolve("dated.zip");
        write(zip, contents(), BagZipWriter.Layout.STREAMED, false);
        try (ZipFile z = ZipFile.builder().setPath(zip).get()) {
            for (ZipArchiveEntry e : Collections.list(z.getEntries())) {
                assertThat(e.getLastModifiedTime().toInstant().atZone(java.time.ZoneId.systemDefault()).toLocalDateTime())
                        .isEqualTo(DAY.atTime(12, 0));
            }
        }
    }

    @ParameterizedTest(name = "stored: {0}")
    @ValueSource(booleans = {true, false})
    void aFileOfAnotherSizeThanExpectedFailsTheArchive(boolean store) throws IOException {
        byte[] content = PackagerTest.randomBytes(2 * ArchiveStream.CHUNK_SIZE + 10, 3);
        Path source = Files.write(tmp.resolve("source.bin"), content);
        for (long claimed : new long[] {content.length + 10L, content.length - 10L}) {
            try (BagZipWriter w = new BagZipWriter(tmp.resolve("changed.zip"), DAY, BagZipWriter.Layout.STREAMED)) {
                assertThatThrownBy(() -> w.file("a/data/x.bin", source, claimed, store))
                        .isInstanceOf(ArchiveStream.ChangedFileException.class)
                        .hasMessageContaining("file changed since it was checked");
            }
        }
        assertThat(zipThreads()).as("threads left behind by abandoned archives").isEmpty();
    }

    @Test
    void aWriteFailureReachesTheProducerAndStopsTheThreads() throws IOException {
        Path source = Files.write(tmp.resolve("source.bin"), PackagerTest.randomBytes(4 * ArchiveStream.CHUNK_SIZE, 4));
        Path zip = tmp.resolve("closed.zip");
        try (FileChannel readOnly = FileChannel.open(Files.createFile(zip), StandardOpenOption.READ);
             ArchiveStream out = new ArchiveStream(readOnly, 0, null)) {
            // writing to a channel opened for reading fails in the writer thread
            assertThatThrownBy(() -> {
                for (int i = 0; i < 64; i++) {
                    out.putFile(source, Files.size(source), new java.util.zip.CRC32(), n -> { });
                }
                out.finish();
            }).isInstanceOf(IOException.class);
        }
        assertThat(zipThreads()).isEmpty();
    }

    @Test
    void directIoIsUsedWhereTheFileSystemKnowsIt() throws IOException {
        Path zip = tmp.resolve("direct.zip");
        String type = Files.getFileStore(tmp).type();
        try (ArchiveStream out = ArchiveStream.create(zip)) {
            out.put(new byte[] {1, 2, 3});
            out.finish();
            if (List.of("ext4", "xfs", "btrfs").contains(type)) {
                assertThat(out.direct()).as("direct I/O on " + type).isTrue();
            }
        }
        assertThat(Files.readAllBytes(zip)).as("the padding of the direct write is cut off").containsExactly(1, 2, 3);
    }

    @Test
    void whenTheFirstDirectWriteFailsTheWriterFallsBackToOrdinaryWrites() throws Exception {
        Path zip = tmp.resolve("fallback.zip");
        byte[] content = PackagerTest.randomBytes(ArchiveStream.CHUNK_SIZE + 5000, 5);
        Path source = Files.write(tmp.resolve("source.bin"), content);
        FileChannel refusing = new RefusingChannel(FileChannel.open(zip, StandardOpenOption.CREATE, StandardOpenOption.WRITE));
        byte[] sha;
        try (ArchiveStream out = new ArchiveStream(refusing, 4096,
                () -> FileChannel.open(zip, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE))) {
            out.put("header".getBytes(StandardCharsets.UTF_8));
            CompletableFuture<byte[]> digest = out.putFile(source, content.length, new java.util.zip.CRC32(), n -> { });
            sha = out.finish();
            assertThat(out.direct()).isFalse();
            assertThat(digest.join()).isEqualTo(MessageDigest.getInstance("SHA-256").digest(content));
        }
        byte[] written = Files.readAllBytes(zip);
        assertThat(written).hasSize(6 + content.length);
        assertThat(BagIt.hex(sha)).isEqualTo(Trees.sha256(zip));
        assertThat(java.util.Arrays.copyOfRange(written, 6, written.length)).isEqualTo(content);
    }

    /** A channel that takes no write, as a file system may answer direct writes (EINVAL). */
    private static final class RefusingChannel extends FileChannel {
        private final FileChannel inner;

        RefusingChannel(FileChannel inner) {
            this.inner = inner;
        }

        @Override
        public int write(java.nio.ByteBuffer src) throws IOException {
            throw new IOException("Invalid argument");
        }

        @Override
        public long write(java.nio.ByteBuffer[] srcs, int offset, int length) throws IOException {
            throw new IOException("Invalid argument");
        }

        @Override
        public int write(java.nio.ByteBuffer src, long position) throws IOException {
            throw new IOException("Invalid argument");
        }

        @Override
        public int read(java.nio.ByteBuffer dst) throws IOException {
            return inner.read(dst);
        }

        @Override
        public long read(java.nio.ByteBuffer[] dsts, int offset, int length) throws IOException {
            return inner.read(dsts, offset, length);
        }

        @Override
        public int read(java.nio.ByteBuffer dst, long position) throws IOException {
            return inner.read(dst, position);
        }

        @Override
        public long position() throws IOException {
            return inner.position();
        }

        @Override
        public FileChannel position(long newPosition) throws IOException {
            inner.position(newPosition);
            return this;
        }

        @Override
        public long size() throws IOException {
            return inner.size();
        }

        @Override
        public FileChannel truncate(long size) throws IOException {
            inner.truncate(size);
            return this;
        }

        @Override
        public void force(boolean metaData) throws IOException {
            inner.force(metaData);
        }

        @Override
        public long transferTo(long position, long count, java.nio.channels.WritableByteChannel target) throws IOException {
            return inner.transferTo(position, count, target);
        }

        @Override
        public long transferFrom(java.nio.channels.ReadableByteChannel src, long position, long count) throws IOException {
            throw new IOException("Invalid argument");
        }

        @Override
        public java.nio.MappedByteBuffer map(MapMode mode, long position, long size) throws IOException {
            return inner.map(mode, position, size);
        }

        @Override
        public java.nio.channels.FileLock lock(long position, long size, boolean shared) throws IOException {
            return inner.lock(position, size, shared);
        }

        @Override
        public java.nio.channels.FileLock tryLock(long position, long size, boolean shared) throws IOException {
            return inner.tryLock(position, size, shared);
        }

        @Override
        protected void implCloseChannel() throws IOException {
            inner.close();
        }
    }

    private static List<String> zipThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(n -> n.startsWith("zip-")).toList();
    }
}

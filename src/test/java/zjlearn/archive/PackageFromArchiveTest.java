package zjlearn.archive;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import zjlearn.testing.Trees;
import zjlearn.testing.Cli.Run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

import static zjlearn.testing.Cli.run;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code package} from an inbox of archives: the same bag as from the unpacked folders, byte for byte across
 * runs, verified by {@code verify}, and the inbox untouched.
 */
class PackageFromArchiveTest {
    static final Path CONTENT = ArchiveInputTest.FIXTURES.resolve("content");

    @TempDir
    Path tmp;

    @AfterAll
    static void closeArchives() {
        Mounts.closeAll();
    }

    /** Each entry of a zip and the SHA-256 of its content. */
    static Map<String, String> entries(Path zip) throws IOException {
        Map<String, String> sums = new TreeMap<>();
        try (ZipFile z = ZipFile.builder().setPath(zip).get()) {
            for (ZipArchiveEntry e : Collections.list(z.getEntries())) {
                if (!e.isDirectory()) {
                    try (java.io.InputStream in = z.getInputStream(e)) {
                        sums.put(e.getName(), java.util.HexFormat.of().formatHex(sha256(in.readAllBytes())));
                    }
                }
            }
        }
        return sums;
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Packages {@code input} twice and {@code folder} once; the bags must agree. */
    void samePackage(Path input, Path folder, String label) throws IOException {
        Path watched = Files.isDirectory(input) ? input : input.getParent();
        Map<String, String> inputBefore = Trees.fingerprint(watched);
        Run fromArchives = run("package", input.toString(), "-o", tmp.resolve(label + "-a").toString(), "--date", "2021-09-01", "-q");
        Run again = run("package", input.toString(), "-o", tmp.resolve(label + "-b").toString(), "--date", "2021-09-01", "-q");
        Run fromFolders = run("package", folder.toString(), "-o", tmp.resolve(label + "-f").toString(), "--date", "2021-09-01", "-q");
        assertThat(fromArchives.code()).as(fromArchives.out() + fromArchives.err()).isZero();
        assertThat(again.code()).isZero();
        assertThat(fromFolders.code()).isZero();

        Path bag = tmp.resolve(label + "-a").resolve("宁波市.zip");
        assertThat(bag).exists();
        Map<String, String> archived = entries(bag);
        Map<String, String> unpacked = entries(tmp.resolve(label + "-f").resolve("宁波市.zip"));
        // the payload, manifest and bag-info are the same; the reports name the archive in their paths
        archived.keySet().removeIf(k -> k.contains("/report.") || k.endsWith("tagmanifest-sha256.txt"));
        unpacked.keySet().removeIf(k -> k.contains("/report.") || k.endsWith("tagmanifest-sha256.txt"));
        assertThat(archived).isEqualTo(unpacked).containsKey("宁波市/data/百姓学习之星/01-赵志刚/推荐表.docx");
        assertThat(Trees.sha256(bag)).as("byte-identical across runs").isEqualTo(Trees.sha256(tmp.resolve(label + "-b").resolve("宁波市.zip")));
        assertThat(run("verify", bag.toString()).code()).isZero();
        assertThat(Trees.fingerprint(watched)).as("the input is never modified").isEqualTo(inputBefore);
    }

    @Test
    void anInboxOfArchivesIsPackagedLikeTheUnpackedFolders() throws IOException {
        Path inbox = tmp.resolve("收件箱");
        new ArchiveZips().tree(CONTENT, CONTENT.resolve("宁波市")).write(inbox.resolve("宁波市.zip"));
        Path folders = tmp.resolve("文件夹");
        ArchiveZips.copyTree(CONTENT.resolve("宁波市"), folders.resolve("宁波市"));
        samePackage(inbox, folders, "inbox");
    }

    @Test
    void aUnitsSevenZipIsPackagedLikeItsFolder() throws IOException {
        Path archive = tmp.resolve("in").resolve("宁波市推荐材料.7z");
        Files.createDirectories(archive.getParent());
        Files.copy(ArchiveInputTest.FIXTURES.resolve("7zip.7z"), archive);
        samePackage(archive, CONTENT.resolve("宁波市"), "7z");
    }

    @Test
    void aUnitsRarIsPackagedLikeItsFolder() throws IOException {
        Path archive = new Rar5Writer().tree(CONTENT, CONTENT.resolve("宁波市")).write(tmp.resolve("in").resolve("宁波市.rar"));
        samePackage(archive, CONTENT.resolve("宁波市"), "rar");
    }

    @Test
    void aStoredEntryWhoseBytesDifferFromItsCrcIsNotPackaged() throws IOException {
        // the photo gets a comment segment, which image readers skip: a damaged byte there only its CRC-32 tells
        Path content = tmp.resolve("content");
        ArchiveZips.copyTree(CONTENT, content);
        Path photo = content.resolve("宁波市/百姓学习之星/01-赵志刚/生活照.jpg");
        byte[] jpeg = Files.readAllBytes(photo);
        byte[] comment = new byte[1000];
        java.util.Arrays.fill(comment, (byte) 'x');
        java.io.ByteArrayOutputStream commented = new java.io.ByteArrayOutputStream();
        commented.write(jpeg, 0, 2);
        commented.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xFE, (byte) ((comment.length + 2) >> 8), (byte) (comment.length + 2)});
        commented.writeBytes(comment);
        commented.write(jpeg, 2, jpeg.length - 2);
        Files.write(photo, commented.toByteArray());
        Path inbox = tmp.resolve("收件箱");
        Path zip = new ArchiveZips().tree(content, content.resolve("宁波市")).write(inbox.resolve("宁波市.zip"));
        Run clean = run("package", inbox.toString(), "-o", tmp.resolve("clean").toString(), "--date", "2021-09-01", "-q");
        assertThat(clean.code()).as(clean.out()).isZero();
        byte[] bytes = Files.readAllBytes(zip);
        int at = indexOf(bytes, comment);
        assertThat(at).isPositive();
        bytes[at + 500] = 'y';
        Files.write(zip, bytes);
        Run run = run("package", inbox.toString(), "-o", tmp.resolve("out").toString(), "--date", "2021-09-01");
        assertThat(run.code()).isNotZero();
        assertThat(run.out() + run.err()).contains("CRC-32").contains("生活照.jpg");
        assertThat(tmp.resolve("out").resolve("宁波市.zip")).doesNotExist();
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}

package zjlearn.pack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;

import static java.nio.file.StandardOpenOption.CREATE;
import static java.nio.file.StandardOpenOption.WRITE;
import static org.assertj.core.api.Assertions.assertThat;

/** {@link ArchiveFile} alone: the padding of block-aligned writes, and the patches applied once everything is written. */
class ArchiveFileTest {
    @TempDir
    Path tmp;

    private static RingChunk chunk(int alignment, byte... bytes) {
        RingChunk c = new RingChunk(2 * 4096, alignment);
        c.base.put(0, bytes);
        c.length = bytes.length;
        return c;
    }

    @Test
    void aBlockAlignedWriteIsPaddedToAWholeBlockAndCompleteCutsThePaddingOff() throws IOException {
        Path file = tmp.resolve("aligned.zip");
        // an ordinary channel told a block size of 4096: the padding is the same as for O_DIRECT
        ArchiveFile archive = new ArchiveFile(FileChannel.open(file, CREATE, WRITE), 4096, null);
        try {
            archive.write(chunk(4096, (byte) 1, (byte) 2, (byte) 3));
            assertThat(Files.size(file)).as("a whole block").isEqualTo(4096);
            assertThat(archive.direct()).isTrue();
            archive.complete(3);
        } finally {
            archive.close();
        }
        assertThat(Files.readAllBytes(file)).containsExactly(1, 2, 3);
    }

    @Test
    void patchesGoOverTheWrittenBytesAndTheReadBackHashSeesThem() throws Exception {
        Path file = tmp.resolve("patched.zip");
        ArchiveFile archive = ArchiveFile.createReadable(file);
        byte[] sha;
        try {
            archive.write(chunk(0, (byte) 1, (byte) 2, (byte) 3, (byte) 4, (byte) 5, (byte) 6));
            archive.patch(2, new byte[] {9, 9});
            assertThat(archive.direct()).isFalse();
            archive.complete(6);
            sha = archive.sha256(6);
        } finally {
            archive.close();
        }
        byte[] expected = {1, 2, 9, 9, 5, 6};
        assertThat(Files.readAllBytes(file)).containsExactly(expected);
        assertThat(sha).isEqualTo(MessageDigest.getInstance("SHA-256").digest(expected));
    }
}

package zjlearn.pack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReadAheadTest {
    @ParameterizedTest(name = "{0} bytes")
    @ValueSource(ints = {0, 1, ReadAhead.BLOCK_SIZE - 1, ReadAhead.BLOCK_SIZE, 7 * ReadAhead.BLOCK_SIZE + 3})
    void everyByteComesThroughInOrder(int size) throws IOException {
        byte[] content = PackagerTest.randomBytes(size, size);
        try (InputStream in = new ReadAhead(new ByteArrayInputStream(content))) {
            byte[] first = new byte[Math.min(size, 5)];
            for (int i = 0; i < first.length; i++) {
                first[i] = (byte) in.read();
            }
            byte[] rest = in.readAllBytes();
            byte[] all = new byte[first.length + rest.length];
            System.arraycopy(first, 0, all, 0, first.length);
            System.arraycopy(rest, 0, all, first.length, rest.length);
            assertThat(all).isEqualTo(content);
            assertThat(in.read()).isEqualTo(-1);
        }
    }

    @Test
    void aReadFailureReachesTheCallerAfterTheBytesBeforeIt() throws IOException {
        byte[] content = PackagerTest.randomBytes(3 * ReadAhead.BLOCK_SIZE, 9);
        InputStream failing = new InputStream() {
            int at;

            @Override
            public int read() throws IOException {
                throw new UnsupportedOperationException();
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (at >= 2 * ReadAhead.BLOCK_SIZE) {
                    throw new BagSource.TooLargeException("data/视频.mp4");
                }
                int n = Math.min(len, 2 * ReadAhead.BLOCK_SIZE - at);
                System.arraycopy(content, at, b, off, n);
                at += n;
                return n;
            }
        };
        try (InputStream in = new ReadAhead(failing)) {
            assertThat(in.readNBytes(2 * ReadAhead.BLOCK_SIZE)).hasSize(2 * ReadAhead.BLOCK_SIZE);
            assertThatThrownBy(in::read).isInstanceOf(BagSource.TooLargeException.class);
        }
    }

    @Test
    void closingEarlyStopsTheReaderAndClosesTheSource() throws IOException {
        AtomicBoolean closed = new AtomicBoolean();
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                return 7;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                java.util.Arrays.fill(b, off, off + len, (byte) 7);
                return len;
            }

            @Override
            public void close() {
                closed.set(true);
            }
        };
        InputStream in = new ReadAhead(endless);
        assertThat(in.read()).isEqualTo(7);
        in.close();
        assertThat(closed).isTrue();
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().equals("verify-read-ahead") && t.isAlive());
    }
}

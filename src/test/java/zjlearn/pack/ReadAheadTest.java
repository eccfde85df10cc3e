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
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

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

    /** A source that gives {@code good} bytes, 1000 at a time, then throws {@code failure}. */
    private static InputStream failingAfter(int good, RuntimeException runtime, IOException io) {
        byte[] content = PackagerTest.randomBytes(good, 9);
        return new InputStream() {
            int at;

            @Override
            public int read() {
                throw new UnsupportedOperationException();
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (at >= good) {
                    if (runtime != null) {
                        throw runtime;
                    }
                    throw io;
                }
                int n = Math.min(Math.min(len, 1000), good - at);
                System.arraycopy(content, at, b, off, n);
                at += n;
                return n;
            }
        };
    }

    @Test
    void everyByteBeforeAReadFailureComesThroughThenTheFailureItself() throws IOException {
        int good = 2 * ReadAhead.BLOCK_SIZE + 100; // the failure comes in the middle of a block
        try (InputStream in = new ReadAhead(failingAfter(good, null, new BagSource.TooLargeException("data/视频.mp4")))) {
            assertThat(in.readNBytes(good)).hasSize(good);
            assertThatThrownBy(in::read).isInstanceOf(BagSource.TooLargeException.class);
        }
    }

    @Test
    void aRuntimeExceptionOrAnErrorInTheReaderBecomesAnIoExceptionNotAHang() {
        assertTimeoutPreemptively(java.time.Duration.ofSeconds(10), () -> {
            try (InputStream in = new ReadAhead(failingAfter(5000, new IllegalStateException("broken entry"), null))) {
                assertThat(in.readNBytes(5000)).hasSize(5000);
                assertThatThrownBy(in::read).isInstanceOf(IOException.class).hasMessageContaining("broken entry");
            }
            InputStream overflowing = new InputStream() {
                @Override
                public int read() {
                    throw new StackOverflowError();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    throw new StackOverflowError();
                }
            };
            try (InputStream in = new ReadAhead(overflowing)) {
                assertThatThrownBy(in::read).isInstanceOf(IOException.class).hasMessageContaining("StackOverflowError");
            }
        });
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

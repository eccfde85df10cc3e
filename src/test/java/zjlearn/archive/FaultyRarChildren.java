package zjlearn.archive;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;

/**
 * Child processes that fail the way a native library can: each is the real {@link RarChild} with one fault
 * added, run by {@link RarReader} in place of it.
 */
final class FaultyRarChildren {
    private FaultyRarChildren() {
    }

    /** Crashes the Java process in native code (SIGSEGV), as 7-Zip-JBinding did, before answering. */
    public static final class CrashAtOnce {
        public static void main(String[] args) throws Exception {
            System.in.read();
            segfault();
        }
    }

    /** Lists the archive, then crashes when told which entries to extract. */
    public static final class CrashWhileExtracting {
        public static void main(String[] args) throws Exception {
            InputStream in = System.in;
            System.setIn(new InputStream() {
                private int lines;

                @Override
                public int read() throws IOException {
                    int b = in.read();
                    if (b == '\n' && ++lines == 2) {
                        segfault();
                    }
                    return b;
                }

                @Override
                public int read(byte[] buffer, int off, int len) throws IOException {
                    int b = read(); // one byte at a time: never wait for bytes the parent has not sent
                    if (b < 0) {
                        return -1;
                    }
                    buffer[off] = (byte) b;
                    return 1;
                }
            });
            RarChild.main(args);
        }
    }

    /** Never answers, as a decoder caught in a loop. */
    public static final class Hang {
        public static void main(String[] args) throws Exception {
            System.in.read();
            Thread.sleep(Long.MAX_VALUE);
        }
    }

    /** The real child, on a computer where 7-Zip-JBinding's native library cannot be loaded (its folder is missing). */
    public static final class NoNativeLibrary {
        public static void main(String[] args) throws Exception {
            StringBuilder first = new StringBuilder();
            for (int b = System.in.read(); b >= 0 && b != '\n'; b = System.in.read()) {
                first.append((char) b);
            }
            String request = new String(first.toString().getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8)
                    .replaceAll("\"natives\":\"[^\"]*\"", "\"natives\":\"/nonexistent/zjlearn-natives\"");
            System.setIn(new SequenceInputStream(new ByteArrayInputStream((request + "\n").getBytes(StandardCharsets.UTF_8)), System.in));
            RarChild.main(args);
        }
    }

    static void segfault() {
        try {
            Field f = sun.misc.Unsafe.class.getDeclaredField("theUnsafe");
            f.setAccessible(true);
            ((sun.misc.Unsafe) f.get(null)).putAddress(0, 0);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}

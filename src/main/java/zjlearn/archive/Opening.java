package zjlearn.archive;

import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** What a reader leaves behind while an archive is opened: what to close with it, and facts for {@code inspect}. */
final class Opening {
    final List<Closeable> resources = new ArrayList<>();
    String format;
    String nameEncoding;

    void holds(Closeable c) {
        resources.add(c);
    }

    void nameEncoding(String charset) {
        nameEncoding = charset;
    }

    void closeAll() {
        for (Closeable c : resources) {
            try {
                c.close();
            } catch (IOException ignored) {
                // closing after a failure: the failure is what is reported
            }
        }
    }

    /** The archive holds more than rules.yaml allows: not read at all. */
    static final class LimitException extends IOException {
        final String what;
        final long actual;

        LimitException(String what, long actual) {
            super(what + ": " + actual);
            this.what = what;
            this.actual = actual;
        }
    }

    /** The archive as a whole needs a password (7z with encrypted names, RAR, a zip whose every entry is encrypted). */
    static final class EncryptedException extends IOException {
        EncryptedException(String detail) {
            super(detail);
        }
    }
}

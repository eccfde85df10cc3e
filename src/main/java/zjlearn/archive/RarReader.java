package zjlearn.archive;

import java.io.IOException;

/**
 * RAR archives are recognised (RAR 4 or RAR 5) but not read: the only reader of both versions,
 * 7-Zip-JBinding, crashed the Java process in native code in our tests (see README, 依赖), and a crash must
 * never end a run. A RAR archive is therefore a finding that names its version and asks for zip or 7z.
 */
final class RarReader {
    private RarReader() {
    }

    /** A format this build does not read; the message names it. */
    static final class UnsupportedFormatException extends IOException {
        final String format;

        UnsupportedFormatException(String format) {
            super(format + " is not read");
            this.format = format;
        }
    }
}

package zjlearn.archive;

import zjlearn.rules.Rules;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.util.List;

/** RAR archives (RAR 4 and RAR 5). */
final class RarReader {
    private RarReader() {
    }

    static List<RawEntry> read(FileChannel channel, Opening owner, List<Problem> problems, Rules.ArchiveLimits limits)
            throws IOException {
        owner.format = "rar";
        throw new UnsupportedFormatException("RAR");
    }

    /** A format this build cannot read. */
    static final class UnsupportedFormatException extends IOException {
        UnsupportedFormatException(String format) {
            super("format " + format + " is not supported");
        }
    }
}

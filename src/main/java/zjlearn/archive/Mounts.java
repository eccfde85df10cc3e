package zjlearn.archive;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The archives opened during a run. They stay open until the run ends (package reads them again after
 * validation); a shutdown hook closes them and deletes the private temporary folder.
 */
public final class Mounts {
    private static final List<ArchiveFileSystem> OPEN = new ArrayList<>();
    private static boolean hooked;

    private Mounts() {
    }

    static synchronized void register(ArchiveFileSystem fs) {
        OPEN.add(fs);
        if (!hooked) {
            hooked = true;
            Runtime.getRuntime().addShutdownHook(new Thread(Mounts::closeAll, "zjlearn-archives-close"));
        }
    }

    /** Closes every archive opened so far and deletes what was decompressed (tests; the end of a run). */
    public static synchronized void closeAll() {
        for (ArchiveFileSystem fs : OPEN) {
            try {
                fs.close();
            } catch (IOException ignored) {
                // closing a read-only archive
            }
        }
        OPEN.clear();
        TempArea.clear();
    }
}

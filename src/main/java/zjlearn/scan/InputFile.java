package zjlearn.scan;

import java.nio.file.Path;
import java.util.Locale;

/**
 * A file found under the root.
 *
 * @param path     where it is on disk
 * @param relPath  path relative to the root given, {@code /}-separated, NFC
 * @param size     bytes
 * @param national whether it lies in a submission's national folder (全国推荐材料)
 */
public record InputFile(Path path, String relPath, long size, boolean national) {
    /** The file name, NFC. */
    public String name() {
        int slash = relPath.lastIndexOf('/');
        return slash < 0 ? relPath : relPath.substring(slash + 1);
    }

    /** The extension in lower case without the dot, or "" when there is none. */
    public String extension() {
        String name = name();
        int dot = name.lastIndexOf('.');
        return dot <= 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}

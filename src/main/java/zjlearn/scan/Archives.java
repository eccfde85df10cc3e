package zjlearn.scan;

import java.util.Locale;
import java.util.Set;

/**
 * Archives lying where material is expected. Until archives are read directly as input, the scanner
 * does not look inside one: it records it ({@link LayoutIssue.Kind#ARCHIVE}) and the layout check
 * reports it as an error with the advice to unpack it ({@code zjlearn.check.ArchiveAdvice}). This
 * class and that one are the only places that know about it.
 */
public final class Archives {
    private static final Set<String> EXTENSIONS = Set.of("zip", "7z", "rar");

    private Archives() {
    }

    /** Whether a file of this name is an archive, by its extension. */
    public static boolean isArchive(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot > 0 && EXTENSIONS.contains(fileName.substring(dot + 1).toLowerCase(Locale.ROOT));
    }
}

package zjlearn.check;

import zjlearn.i18n.Msg;
import zjlearn.rules.Rule;
import zjlearn.rules.FileType;
import zjlearn.archive.ArchiveMounter;

/**
 * {@code layout.archive}: an archive (.zip, .7z, .rar) lying where material files are expected (in a submission
 * folder), or one the scanner did not open as a folder. Archives are read in place where a folder is expected
 * (a unit, a category, a submission: {@link ArchiveMounter}); one among a submission's files is not, so whatever
 * it holds was neither checked nor packaged: an error that says so and what to do. This class is the one place
 * that says it.
 */
final class ArchiveAdvice {
    static final Rule RULE = Rule.LAYOUT_ARCHIVE;

    private ArchiveAdvice() {
    }

    /** Whether a file is an archive, by its name or its real type. */
    static boolean isArchive(String name, FileType type) {
        return ArchiveMounter.isArchiveName(name) || type == FileType.ZIP || type == FileType.RAR || type == FileType.SEVEN_ZIP;
    }

    /**
     * @param unit the unit the archive's name points to (宁波市.zip), or null
     */
    static void report(FindingSink sink, String submission, String path, String unit) {
        String name = LayoutCheck.lastSegment(path);
        Msg whose = unit == null ? Msg.literal("")
                : Msg.key("layout.archive.unit-guess", unit);
        Msg into = unit == null ? Msg.key("layout.archive.unpack-here")
                : Msg.key("layout.archive.unpack-here-unit", unit);
        sink.add(RULE, submission, path,
                Msg.key("layout.archive.message",
                        name, whose),
                Msg.key("layout.archive.expected"), Msg.key("layout.archive.actual"),
                Msg.key("layout.archive.fix",
                        into));
    }
}

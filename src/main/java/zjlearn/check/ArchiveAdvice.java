package zjlearn.check;

import zjlearn.rules.Rule;
import zjlearn.probe.FileType;
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
        Msg whose = unit == null ? Msg.of("", "")
                : Msg.of("，看起来是{0}的材料", " and seems to hold the material of {0}", unit);
        Msg into = unit == null ? Msg.of("在当前位置解压，让其中的文件夹和文件按约定放好（单位 → 类别 → 推荐对象）",
                        "unpack it here so that its folders and files follow the convention (unit → category → submission)")
                : Msg.of("在当前位置解压，得到“{0}”文件夹（其中是类别文件夹和推荐对象文件夹）",
                        "unpack it here, giving the folder \"{0}\" (holding the category and submission folders)", unit);
        sink.add(RULE, submission, path,
                Msg.of("这是一个压缩包（{0}）{1}；放在这里的压缩包不会被读取，其中的材料没有检查，也不会被打包",
                        "this is an archive ({0}){1}; an archive here is not read, so its material was neither checked nor packaged",
                        name, whose),
                Msg.of("解压后的文件夹", "the unpacked folders"), Msg.of("压缩包", "an archive"),
                Msg.of("压缩包：请解压后放入约定位置——{0}；然后把压缩包移出报送文件夹（另存备份即可），再重新检查",
                        "an archive: unpack it into place — {0}; then move the archive out of the folder sent (keep it elsewhere as a backup) and check again",
                        into));
    }
}

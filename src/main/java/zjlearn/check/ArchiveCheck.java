package zjlearn.check;

import zjlearn.rules.Rule;
import zjlearn.rules.Rules;
import zjlearn.scan.LayoutIssue;

/**
 * Archives read in place (zip, 7z, RAR): what could not be read, and why. {@code file.unreadable} and
 * {@code file.encrypted} as for any file; {@code archive.unsafe-entry}, {@code archive.too-large} and
 * {@code archive.nested} for what is refused for safety; {@code layout.unknown-unit} when the archive's name
 * names several units.
 */
public final class ArchiveCheck implements Check {
    @Override
    public void run(Validation v, FindingSink sink) {
        Rules.ArchiveLimits limits = v.rules().limits().archives();
        for (LayoutIssue issue : v.scan().layoutIssues()) {
            String path = issue.path();
            String sub = issue.submissionPath();
            boolean entry = path.contains("!/");
            String detail = issue.detail() == null ? "" : issue.detail();
            switch (issue.kind()) {
                case ARCHIVE_UNREADABLE -> {
                    if (detail.startsWith("unsupported:")) {
                        String format = detail.substring("unsupported:".length());
                        sink.add(Rule.FILE_UNREADABLE, sub, path,
                                Msg.of("这是 {0} 格式的压缩包，本程序不读取 RAR，其中的材料没有检查", "this is a {0} archive; zjlearn does not read RAR, so nothing in it was checked", format),
                                Msg.of("zip 或 7z 压缩包", "a zip or 7z archive"), Msg.literal(format),
                                Msg.of("请报送单位用 zip 或 7z 格式重新压缩后发送（在 WinRAR 中选择“ZIP”格式即可），或直接提供解压后的文件夹",
                                        "ask the sender to compress it again as zip or 7z (WinRAR can write ZIP), or to send the unpacked folder"));
                        continue;
                    }
                    sink.add(Rule.FILE_UNREADABLE, sub, path,
                        entry ? Msg.of("压缩包中的这个文件无法读取（数据损坏或使用了不支持的压缩方法），没有检查",
                                "this file in the archive cannot be read (damaged data or an unsupported compression method); it was not checked")
                                : Msg.of("压缩包无法读取（损坏、不完整，或不是 zip、7z、RAR 格式），其中的材料没有检查",
                                "the archive cannot be read (damaged, incomplete, or not a zip, 7z or RAR archive); nothing in it was checked"),
                        Msg.of("完整的 zip、7z 或 RAR 压缩包", "a complete zip, 7z or RAR archive"), Msg.literal(detail),
                        Msg.of("重新压缩后再发送（建议用 zip 格式），或直接提供解压后的文件夹",
                                "compress the folder again and resend it (zip is safest), or send the unpacked folder"));
                }
                case ARCHIVE_ENCRYPTED -> sink.add(Rule.FILE_ENCRYPTED, sub, path,
                        Msg.of("压缩包有密码：请提供不加密的压缩包", "the archive is password-protected: please send it without a password"),
                        Msg.of("不加密的压缩包", "an archive without a password"), Msg.of("有密码", "password-protected"),
                        Msg.of("压缩时不要设置密码，重新压缩后发送", "compress the folder again without a password and resend it"));
                case ARCHIVE_UNSAFE_ENTRY -> sink.add(Rule.ARCHIVE_UNSAFE_ENTRY, sub, path,
                        "duplicate".equals(detail)
                                ? Msg.of("压缩包中有同名的条目，只读取了第一个，这一个没有检查",
                                "the archive holds this name twice; only the first was read, this one was not checked")
                                : Msg.of("压缩包中这个条目的路径指向压缩包以外（{0}），为安全起见没有读取",
                                "this entry's path leads out of the archive ({0}); for safety it was not read", unsafeWhy(detail)),
                        Msg.of("压缩包内的相对路径，如 百姓学习之星/01-张三/推荐表.docx",
                                "a relative path inside the archive, e.g. 百姓学习之星/01-张三/推荐表.docx"),
                        Msg.literal(path.substring(path.indexOf("!/") + 2)),
                        Msg.of("在电脑上解压后检查这个文件；重新压缩时只放入推荐材料的文件夹",
                                "unpack it on a computer and look at this file; compress only the material's folders again"));
                case ARCHIVE_LIMIT -> limit(sink, sub, path, issue, detail, limits);
                case ARCHIVE_NESTED -> sink.add(Rule.ARCHIVE_NESTED, sub, path,
                        Msg.of("压缩包里的压缩包中又套了压缩包，只读取 {0} 层，其中的材料没有检查",
                                "an archive inside an archive inside an archive: only {0} level(s) are read, nothing in it was checked",
                                String.valueOf(limits.nesting())),
                        Msg.of("压缩包中最多再套 {0} 层压缩包", "at most {0} level(s) of archives inside the archive",
                                String.valueOf(limits.nesting())),
                        Msg.of("第 {0} 层", "level {0}", detail),
                        Msg.of("把里面的压缩包解压成文件夹，再一起压缩发送", "unpack the inner archives into folders and compress everything once"));
                case ARCHIVE_UNIT_AMBIGUOUS -> sink.add(Rule.LAYOUT_UNKNOWN_UNIT, sub, path,
                        Msg.of("压缩包的名称中有几个推荐单位（{0}），无法判断是哪个单位的材料", "the archive's name names several units ({0}); whose material it is cannot be told", detail),
                        Msg.of("一个单位的名称", "one unit's name"), Msg.literal(detail),
                        Msg.of("把压缩包改名为报送单位的名称（如“宁波市.zip”），或在压缩包中放一个以单位命名的文件夹",
                                "rename the archive after the sending unit (e.g. 宁波市.zip), or put one folder named after the unit in it"));
                default -> {
                    // the layout check reports the other kinds
                }
            }
        }
    }

    private static Msg unsafeWhy(String detail) {
        return switch (detail) {
            case "absolute" -> Msg.of("绝对路径", "an absolute path");
            case "drive" -> Msg.of("带盘符的路径", "a path with a drive letter");
            case "escape" -> Msg.of("含“../”，指向上一级文件夹", "\"../\" leads to a folder above");
            default -> Msg.of("名称中有控制字符", "control characters in the name");
        };
    }

    private static void limit(FindingSink sink, String sub, String path, LayoutIssue issue, String detail,
                              Rules.ArchiveLimits limits) {
        Msg fix = Msg.of("确认压缩包内容无误；如确为推荐材料，请解压后按文件夹报送，或分成几个压缩包",
                "check what the archive holds; if it is all material, send the unpacked folders or several smaller archives");
        switch (detail) {
            case "entries" -> sink.add(Rule.ARCHIVE_TOO_LARGE, sub, path,
                    Msg.of("压缩包有 {0} 个条目，超过上限 {1} 个，没有读取", "the archive holds {0} entries, over the limit of {1}; it was not read",
                            String.valueOf(issue.count()), String.valueOf(limits.entries())),
                    Msg.of("不超过 {0} 个", "at most {0}", String.valueOf(limits.entries())),
                    Msg.of("{0} 个", "{0}", String.valueOf(issue.count())), fix);
            case "total" -> sink.add(Rule.ARCHIVE_TOO_LARGE, sub, path,
                    Msg.of("压缩包解压后超过上限 {0} MB，没有读取", "unpacked, the archive would exceed the limit of {0} MB; it was not read",
                            String.valueOf(limits.totalBytes() >> 20)),
                    Msg.of("不超过 {0} MB", "at most {0} MB", String.valueOf(limits.totalBytes() >> 20)),
                    Msg.of("超过上限", "over the limit"), fix);
            case "overlap" -> sink.add(Rule.ARCHIVE_TOO_LARGE, sub, path,
                    Msg.of("这个条目的数据与其他条目重叠（“压缩炸弹”的特征），没有读取",
                            "this entry's data overlap another's (the mark of a zip bomb); it was not read"),
                    Msg.of("互不重叠的条目", "entries that do not overlap"), Msg.of("重叠", "overlapping"), fix);
            default -> sink.add(Rule.ARCHIVE_TOO_LARGE, sub, path,
                    Msg.of("压缩比达 {0} 倍，超过上限 {1} 倍，可能是“压缩炸弹”，没有读取",
                            "compressed {0} times, over the limit of {1}: possibly a zip bomb; it was not read",
                            String.valueOf(issue.count()), String.valueOf(limits.ratio())),
                    Msg.of("不超过 {0} 倍", "at most {0} times", String.valueOf(limits.ratio())),
                    Msg.of("{0} 倍", "{0} times", String.valueOf(issue.count())), fix);
        }
    }
}

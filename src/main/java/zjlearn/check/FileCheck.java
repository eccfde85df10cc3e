package zjlearn.check;

import zjlearn.rules.Rule;
import zjlearn.probe.FileType;
import zjlearn.probe.ProbeException;
import zjlearn.probe.ProbedFile;
import zjlearn.probe.image.ImageFacts;
import zjlearn.rules.Rules;
import zjlearn.scan.CategoryFolder;
import zjlearn.scan.Submission;

import java.util.stream.Collectors;

/**
 * {@code file.*} and unrecognised files: empty, unreadable or password-protected files, real types
 * a role does not accept, and extensions that disagree with the content.
 */
public final class FileCheck implements Check {
    @Override
    public void run(Validation v, FindingSink sink) {
        for (Submission s : v.scan().submissions()) {
            v.files(s).forEach(f -> check(v.rules(), f, s.path(), sink));
        }
        for (CategoryFolder c : v.scan().categoryFolders()) {
            v.files(c).forEach(f -> check(v.rules(), f, null, sink));
        }
    }

    private static void check(Rules rules, ProbedFile f, String submission, FindingSink sink) {
        String path = f.file().relPath();
        if (f.failure() != null) {
            failure(rules, f, submission, sink);
            return;
        }
        if (f.image() != null && f.image().damage() != ImageFacts.Damage.NONE) {
            damage(f, submission, sink);
        }
        if (f.role() == null) {
            unplaced(rules, f, submission, sink);
            return;
        }
        if (f.video() != null && rules.video() != null && rules.video().role().equals(f.role())) {
            return; // the video checks name the container and give the remux command
        }
        Rules.RoleDef role = rules.role(f.role());
        if (!role.types().contains(f.type().id())) {
            sink.add(Rule.FILE_TYPE_NOT_ALLOWED, submission, path,
                    Msg.of("{0}的格式不符合要求", "the {0} is not in an accepted format", Texts.role(rules, f.role())),
                    Texts.types(role.types()), Texts.type(f.type()), conversionAdvice(f.type(), role));
        }
        if (f.type() != FileType.UNKNOWN && !f.type().extensions().isEmpty()
                && !f.type().matchesExtension(f.file().extension())) {
            // Renaming to the real extension helps only when the role takes the real type; a .jpg that is HEIC
            // renamed .heic would just lead to the next error, so it gets the conversion advice instead.
            boolean accepted = role.types().contains(f.type().id());
            String proper = f.type().extensions().get(0);
            sink.add(Rule.FILE_TYPE_MISMATCH, submission, path,
                    Msg.of("文件扩展名与实际格式不符：名为 .{0}，实际是{1}", "the extension says .{0} but the file is a {1}",
                            f.file().extension().isEmpty() ? "（无）" : f.file().extension(), Texts.type(f.type())),
                    Msg.of(".{0}", ".{0}", proper), Msg.literal("." + f.file().extension()),
                    accepted ? Msg.of("用原软件打开后“另存为”正确的格式，或把扩展名改为 .{0}",
                            "open it in its program and save it in the proper format, or rename it to .{0}", proper)
                            : conversionAdvice(f.type(), role));
        }
    }

    /**
     * A file in a submission or category folder whose role neither its name nor its content tells: an archive, or
     * something that could be material (a document, image, video), is an error, since it is not packaged; anything
     * else a warning.
     */
    private static void unplaced(Rules rules, ProbedFile f, String submission, FindingSink sink) {
        String path = f.file().relPath();
        if (ArchiveAdvice.isArchive(f.file().name(), f.type())) {
            ArchiveAdvice.report(sink, submission, path, null);
            return;
        }
        boolean material = f.type().couldHoldMaterial();
        String known = rules.roles().values().stream().map(Rules.RoleDef::name).distinct()
                .collect(Collectors.joining("、"));
        sink.add(material ? Rule.LAYOUT_UNPLACED : Rule.LAYOUT_UNKNOWN_FILE, submission, path,
                material ? Msg.of("无法判断这是哪一项材料（文件名不含任何材料名称），所以没有检查，也不会被打包",
                        "the name says not which material this is, so it was neither checked nor packaged")
                        : Msg.of("无法判断这是哪一项材料：文件名和文件内容都不符合任何规定材料，不会被打包",
                        "neither the name nor the content says which material this is; it is not packaged"),
                Msg.literal(known), Msg.of("{0}，文件名“{1}”", "{0}, named \"{1}\"", Texts.type(f.type()), f.file().name()),
                Msg.of("若是规定材料，请按材料名称重命名（如“推荐表.docx”“工作总结.docx”“证件照.jpg”）；若不需要报送，把它移出报送文件夹",
                        "if it is required material, rename it after what it is (推荐表.docx, 工作总结.docx, 证件照.jpg); if it need not be sent, move it out of the folder sent"));
    }

    private static void failure(Rules rules, ProbedFile f, String submission, FindingSink sink) {
        String path = f.file().relPath();
        ProbeException e = f.failure();
        String detail = e.getMessage() == null ? "" : e.getMessage();
        switch (e.kind()) {
            case EMPTY -> sink.add(Rule.FILE_EMPTY, submission, path,
                    Msg.of("文件是空的（0 字节），可能复制或下载没有完成", "the file is empty (0 bytes); the copy or download may not have finished"),
                    Msg.of("有内容的文件", "a file with content"), Msg.of("0 字节", "0 bytes"),
                    Msg.of("从原始文件重新复制一份", "copy the file again from the original"));
            case ENCRYPTED -> {
                if (f.type() == FileType.MP4 || f.type() == FileType.QUICKTIME) {
                    sink.add(Rule.FILE_ENCRYPTED, submission, path,
                            Msg.of("视频有加密（DRM）保护：无法检查，评审方也无法播放", "the video is encrypted (DRM): it cannot be checked, nor played by the reviewers"),
                            Msg.of("不加密的视频", "a video without protection"), Msg.literal(detail),
                            Msg.of("请重新导出不加密的视频（用剪辑软件从原始素材导出，而不是从视频网站或付费平台下载的文件）",
                                    "export the video again without protection (from the editing software and the original footage, not a file downloaded from a streaming or paid platform)"));
                    return;
                }
                sink.add(Rule.FILE_ENCRYPTED, submission, path,
                    Msg.of("文件设置了打开密码，无法检查，评审方也无法打开", "the file is password-protected: it cannot be checked, nor opened by the reviewers"),
                    Msg.of("无密码的文件", "a file without password"), Msg.of("有密码保护", "password-protected"),
                    Msg.of("用 Word/Excel/WPS 打开，在“文件 → 信息 → 保护文档”中删除密码后另存", 
                            "open it, remove the password (File → Info → Protect), and save it again"));
            }
            case TOO_LARGE -> sink.add(Rule.FILE_TOO_LARGE, submission, path,
                    Msg.of("文件太大（{0}），超过了{1}的上限，没有检查", "the file is too large ({0}), over the limit for a {1}; it was not checked",
                            megabytes(f.file().size()), f.role() == null ? Msg.of("此类文件", "file of this kind") : Texts.role(rules, f.role())),
                    Msg.of("不超过 {0}", "at most {0}", megabytes(rules.limits().maxBytes(f.role()))),
                    Msg.literal(megabytes(f.file().size())),
                    Msg.of("确认是否放错了文件；图片可压缩、文档中的图片可压缩后另存", "check that it is the right file; compress pictures and save it again"));
            case UNREADABLE -> sink.add(Rule.FILE_UNREADABLE, submission, path,
                    Msg.of("文件已损坏或格式无法识别，无法读取（{0}）", "the file is damaged or its format cannot be read ({0})",
                            Texts.type(f.type())),
                    f.role() == null ? Msg.of("能正常打开的文件", "a readable file")
                            : Msg.of("能正常打开的{0}", "a readable {0}", Texts.role(rules, f.role())),
                    Msg.literal(detail),
                    Msg.of("用原软件打开确认能正常显示，再“另存为”一份；若打不开，请从原始文件重新复制",
                            "open it in its program to make sure it displays, then save a new copy; if it will not open, copy it again from the original"));
        }
    }

    /**
     * A photo whose data ends early or is broken will not display whole: {@code file.unreadable} (error). One
     * that displays whole but lacks its end marker was cut off by a byte or two: {@code file.missing-end} (warning).
     */
    private static void damage(ProbedFile f, String submission, FindingSink sink) {
        ImageFacts img = f.image();
        Msg detail = Msg.literal(img.damageDetail() == null ? img.damage().id() : img.damageDetail());
        Msg copyAgain = Msg.of("从相机、手机或原始文件夹重新复制这张照片（不要用聊天软件转发的图片），复制后用看图软件打开确认能完整显示",
                "copy the photo again from the camera, phone or original folder (not a chat-app copy), and open it to make sure it displays whole");
        switch (img.damage()) {
            case TRUNCATED -> sink.add(Rule.FILE_UNREADABLE, submission, f.file().relPath(),
                    Msg.of("照片文件不完整：数据在图像结束前就断了，打开后部分画面缺失或是灰色（多半是复制或下载没有完成）",
                            "the photo is incomplete: its data ends before the picture does, so part of it shows grey or missing (an unfinished copy or download)"),
                    Msg.of("完整的照片文件", "a complete photo file"), detail, copyAgain);
            case CORRUPT -> sink.add(Rule.FILE_UNREADABLE, submission, f.file().relPath(),
                    Msg.of("照片数据已损坏，无法完整显示", "the photo's data is damaged and will not display whole"),
                    Msg.of("完整的照片文件", "a complete photo file"), detail, copyAgain);
            case MISSING_END -> sink.add(Rule.FILE_MISSING_END, submission, f.file().relPath(),
                    Msg.of("照片文件末尾缺少结束标记：画面能完整显示，但文件可能在复制时被截掉了最后几个字节",
                            "the photo lacks its end marker: it displays whole, but the copy may have lost its last bytes"),
                    Msg.of("以结束标记收尾的完整文件", "a complete file ending in its end marker"), detail, copyAgain);
            default -> { }
        }
    }

    private static String megabytes(long bytes) {
        return bytes == Long.MAX_VALUE ? "∞" : String.format(java.util.Locale.ROOT, "%.1f MB", bytes / 1024.0 / 1024.0);
    }

    private static Msg conversionAdvice(FileType actual, Rules.RoleDef role) {
        String accepted = role.types().stream().map(t -> "." + FileType.fromId(t).extensions().get(0))
                .distinct().collect(Collectors.joining(" / "));
        return switch (actual) {
            case HEIC, WEBP, BMP, GIF, TIFF -> Msg.of("用看图软件或手机相册把照片“导出/另存为” {0} 格式，并用导出的文件替换原来的文件（原文件移出报送文件夹）",
                    "export or save the photo as {0} in an image viewer or the phone's gallery, and replace the original with it (move the original out of the folder sent)", accepted);
            case HTML, MHT -> Msg.of("这是网页文件而非 Word 文件：用 Word/WPS 打开后“另存为” {0} 格式",
                    "this is a web page, not a Word file: open it in Word/WPS and save as {0}", accepted);
            case RTF -> Msg.of("这是 RTF 文件而非 Word 文件：用 Word/WPS 打开后“另存为” {0} 格式",
                    "this is an RTF file, not a Word file: open it in Word/WPS and save as {0}", accepted);
            case DOC_WORD2 -> Msg.of("这是 Word 2.0 或 Windows Write 的旧格式文件，文件本身没有损坏，但无法读取：用 Word/WPS 打开后“另存为”“Word 文档 (.docx)”",
                    "this is an intact file in the old Word 2.0 or Windows Write format, which cannot be read: open it in Word/WPS and save it as a Word document (.docx)");
            case DOC_WORD6 -> Msg.of("这是 Word 6.0/95 的旧格式文件，文件本身没有损坏，但无法读取其中的表格：用 Word/WPS 打开后“另存为”“Word 文档 (.docx)”",
                    "this is an intact file in the old Word 6.0/95 format, whose tables cannot be read: open it in Word/WPS and save it as a Word document (.docx)");
            case XLS_EXCEL95 -> Msg.of("这是 Excel 5.0/95（或更早）的旧格式文件，文件本身没有损坏，但无法读取：用 Excel/WPS 打开后“另存为”“Excel 工作簿 (.xlsx)”",
                    "this is an intact file in the old Excel 5.0/95 (or older) format, which cannot be read: open it in Excel/WPS and save it as an Excel workbook (.xlsx)");
            case XLSB -> Msg.of("这是 Excel 二进制工作簿 (.xlsb)，无法读取：用 Excel/WPS 打开后“另存为”“Excel 工作簿 (.xlsx)”",
                    "this is an Excel binary workbook (.xlsb), which cannot be read: open it in Excel/WPS and save it as an Excel workbook (.xlsx)");
            case DOCX_STRICT, XLSX_STRICT -> Msg.of("这是“Strict Open XML”格式（另存为时选了“严格”类型），文件没有损坏，但无法读取：用 Word/Excel/WPS 打开后“另存为”普通的“Word 文档 (.docx)”或“Excel 工作簿 (.xlsx)”",
                    "this is the Strict Open XML format (chosen as the \"Strict\" type when saving); the file is intact but cannot be read: open it and save it as an ordinary Word document (.docx) or Excel workbook (.xlsx)");
            case WPS -> Msg.of("这是 WPS（或 Works）的专有格式，不是 Word/Excel 兼容格式，评审方可能无法打开：用 WPS 打开后“另存为”“Word 文档 (.docx)”或“Excel 工作簿 (.xlsx)”",
                    "this is WPS's (or Works') own format, not a Word/Excel-compatible one, and reviewers may not open it: open it in WPS and save it as a Word document (.docx) or Excel workbook (.xlsx)");
            case ENCRYPTED_OFFICE -> Msg.of("删除文件密码后另存", "remove the password and save again");
            default -> Msg.of("用相应软件另存为以下格式之一：{0}", "save it in one of these formats: {0}", accepted);
        };
    }

}

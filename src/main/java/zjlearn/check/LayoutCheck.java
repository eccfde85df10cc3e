package zjlearn.check;

import zjlearn.rules.Rules;
import zjlearn.scan.LayoutIssue;

import java.util.stream.Collectors;

/** {@code layout.*}: files and folders that are not where the folder convention expects them. */
public final class LayoutCheck implements Check {
    @Override
    public void run(Validation v, FindingSink sink) {
        Rules rules = v.rules();
        String units = rules.units().stream().map(Rules.UnitDef::name).collect(Collectors.joining("、"));
        String categories = rules.categories().values().stream().map(Rules.CategoryDef::name)
                .collect(Collectors.joining("、"));
        for (LayoutIssue issue : v.scan().layoutIssues()) {
            String path = issue.path();
            String sub = issue.submissionPath();
            switch (issue.kind()) {
                case TEMP_FILE -> sink.add("layout.temp-file", sub, path,
                        Msg.of("系统或编辑软件留下的临时文件，不属于报送材料，不会被打包",
                                "a system or editor leftover; not part of the submission and never packaged"),
                        null, Msg.literal(path),
                        Msg.of("删除该文件（关闭 Word/Excel 后它通常会自行消失）",
                                "delete it (it usually disappears once Word/Excel is closed)"));
                case STRAY_FILE -> sink.add("layout.unknown-file", sub, path,
                        Msg.of("此处应只有文件夹，这个文件不属于任何推荐对象",
                                "only folders belong here; this file belongs to no submission"),
                        Msg.of("单位文件夹 → 类别文件夹（{0}）→ 每个推荐对象一个文件夹",
                                "unit folder → category folder ({0}) → one folder per submission", categories),
                        Msg.literal(path),
                        Msg.of("把文件移入对应推荐对象的文件夹，或删除", "move it into the submission folder it belongs to, or delete it"));
                case STRAY_FILE_IN_CATEGORY -> sink.add("layout.unknown-file", sub, path,
                        Msg.of("类别文件夹中只应放各推荐对象的文件夹和全类别的推荐登记表",
                                "a category folder should hold only submission folders and the category's registration list"),
                        Msg.of("文件名含“登记表”的名单表，或推荐对象文件夹", "a list form named *登记表*, or submission folders"),
                        Msg.literal(path),
                        Msg.of("把文件移入对应推荐对象的文件夹；若是推荐登记表，请在文件名中写明“登记表”",
                                "move it into its submission folder; if it is the registration list, put 登记表 in its name"));
                case UNKNOWN_CATEGORY_FOLDER -> sink.add("layout.unknown-file", sub, path,
                        Msg.of("文件夹名不是规定的类别，其中的材料没有检查", "the folder is no known category; its content was not checked"),
                        Msg.literal(categories), Msg.literal(lastSegment(path)),
                        Msg.of("把文件夹改名为“{0}”之一", "rename the folder to one of: {0}", categories));
                case UNKNOWN_SUBFOLDER -> sink.add("layout.unknown-file", sub, path,
                        Msg.of("推荐对象文件夹中多了一个子文件夹，其中的文件没有检查，也不会被打包",
                                "an unexpected sub-folder; its files were neither checked nor packaged"),
                        Msg.of("材料直接放在推荐对象文件夹中；推荐到全国的材料放在“{0}”子文件夹",
                                "files directly in the submission folder; national extras in the \"{0}\" sub-folder",
                                nationalFolderName(rules)),
                        Msg.literal(lastSegment(path)),
                        Msg.of("把其中的文件移到上一级文件夹，然后删除这个子文件夹",
                                "move its files up into the submission folder and delete the sub-folder"));
                case SYMLINK -> sink.add("layout.unknown-file", sub, path,
                        Msg.of("这是一个快捷方式（符号链接），不会被读取或打包", "a symbolic link; it is neither read nor packaged"),
                        Msg.of("真实的文件", "a real file"), Msg.of("符号链接", "symbolic link"),
                        Msg.of("把链接指向的文件本身复制到这里", "copy the file itself here instead of the link"));
                case UNLISTABLE -> sink.add("file.unreadable", sub, path,
                        Msg.of("没有权限读取这个文件或文件夹，也可能它不是普通文件", "no permission to read it, or it is not a regular file"),
                        null, Msg.literal(path),
                        Msg.of("检查文件权限，或重新复制该文件", "check its permissions, or copy the file again"));
                case UNKNOWN_UNIT -> sink.add("layout.unknown-unit", sub, path,
                        Msg.of("文件夹名不是规定的推荐单位，无法核对名额，其中的材料{0}",
                                "the folder name is no known unit, so its quota cannot be checked; its content {0}",
                                ".".equals(path) ? Msg.of("已按未知单位检查", "was checked as an unknown unit")
                                        : Msg.of("没有检查", "was not checked")),
                        Msg.literal(units), Msg.literal(lastSegment(path)),
                        Msg.of("把文件夹改名为推荐单位名称，例如“杭州市”", "rename the folder to the unit's name, e.g. 杭州市"));
                case EMPTY_UNIT -> sink.add("layout.empty", sub, path,
                        Msg.of("单位文件夹中没有任何类别文件夹", "the unit folder holds no category folder"),
                        Msg.literal(categories), Msg.of("无", "none"),
                        Msg.of("按类别建立文件夹（{0}），放入推荐材料；不报送的单位可删除此文件夹",
                                "create the category folders ({0}) and put the submissions in; remove the folder if the unit sends nothing",
                                categories));
                case EMPTY_CATEGORY -> sink.add("layout.empty", sub, path,
                        Msg.of("类别文件夹中没有推荐对象文件夹", "the category folder holds no submission folder"),
                        Msg.of("每个推荐对象一个文件夹", "one folder per submission"), Msg.of("无", "none"),
                        Msg.of("为每个推荐对象建立一个以其姓名或项目名称命名的文件夹；本类别不报送则删除此文件夹",
                                "create one folder per nominee or project; remove the folder if nothing is sent in this category"));
                case TOO_MANY_FILES -> sink.add("files.too-many", sub, path,
                        Msg.of("推荐对象文件夹中有 {0} 个文件，超过上限 {1} 个，只检查了前 {1} 个", "the submission holds {0} files, over the limit of {1}; only the first {1} were checked",
                                String.valueOf(issue.count()), String.valueOf(rules.limits().maxFiles())),
                        Msg.of("不超过 {0} 个文件", "at most {0} files", String.valueOf(rules.limits().maxFiles())),
                        Msg.of("{0} 个", "{0}", String.valueOf(issue.count())),
                        Msg.of("只保留规定的材料，删除无关文件", "keep only the required material and remove unrelated files"));
                case EMPTY_SUBMISSION -> sink.add("layout.empty", sub, path,
                        Msg.of("推荐对象文件夹是空的", "the submission folder is empty"),
                        Msg.of("推荐表、登记表、照片等材料", "the forms, photos and other material"), Msg.of("无", "none"),
                        Msg.of("放入该推荐对象的全部材料，或删除这个空文件夹", "put the material in, or delete the empty folder"));
            }
        }
    }

    private static String nationalFolderName(Rules rules) {
        return rules.categories().values().stream().filter(c -> c.national() != null)
                .map(c -> c.national().folder()).findFirst().orElse("全国推荐材料");
    }

    static String lastSegment(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? path : path.substring(slash + 1);
    }
}

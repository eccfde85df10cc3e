package zjlearn.check;

import zjlearn.rules.Rule;
import zjlearn.rules.Rules;
import zjlearn.scan.LayoutIssue;

import java.util.stream.Collectors;

/**
 * {@code layout.*}: files and folders that are not where the folder convention expects them. Whatever could
 * hold material and cannot be placed is an error ({@code layout.unplaced}, {@code layout.archive},
 * {@code layout.duplicate-version}) that says what it most likely is and where it belongs; only system
 * leftovers and files that cannot be material are warnings. No fix says to delete material.
 */
public final class LayoutCheck implements Check {
    static final Rule UNPLACED = Rule.LAYOUT_UNPLACED;

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
                case TEMP_FILE -> sink.add(Rule.LAYOUT_TEMP_FILE, sub, path,
                        Msg.of("系统或编辑软件留下的临时文件，不属于报送材料，不会被打包",
                                "a system or editor leftover; not part of the submission and never packaged"),
                        null, Msg.literal(path),
                        Msg.of("删除该文件（关闭 Word/Excel 后它通常会自行消失）",
                                "delete it (it usually disappears once Word/Excel is closed)"));
                case STRAY_FILE -> sink.add(UNPLACED, sub, path,
                        Msg.of("这个文件不在任何推荐对象的文件夹中，没有检查，也不会被打包",
                                "this file lies in no submission folder; it was neither checked nor packaged"),
                        Msg.of("单位文件夹 → 类别文件夹（{0}）→ 每个推荐对象一个文件夹",
                                "unit folder → category folder ({0}) → one folder per submission", categories),
                        Msg.literal(path),
                        Msg.of("把文件移入它所属推荐对象的文件夹；若是单位的{0}，在文件名中写明“{1}”后放在单位文件夹中",
                                "move it into the submission folder it belongs to; if it is the unit's {0}, put \"{1}\" in its name and leave it in the unit folder",
                                unitDocumentNames(rules), unitDocumentWords(rules)));
                case STRAY_FILE_IN_CATEGORY -> sink.add(UNPLACED, sub, path,
                        Msg.of("类别文件夹中只应放各推荐对象的文件夹和全类别的推荐登记表；这个文件没有检查，也不会被打包",
                                "a category folder should hold only submission folders and the category's registration list; this file was neither checked nor packaged"),
                        Msg.of("文件名含“登记表”的名单表，或推荐对象文件夹", "a list form named *登记表*, or submission folders"),
                        Msg.literal(path),
                        Msg.of("把文件移入对应推荐对象的文件夹；若是推荐登记表，请在文件名中写明“登记表”",
                                "move it into its submission folder; if it is the registration list, put 登记表 in its name"));
                case OTHER_FILE -> sink.add(Rule.LAYOUT_UNKNOWN_FILE, sub, path,
                        Msg.of("这个文件不是报送材料（不是文档、图片、视频或压缩包），不会被打包",
                                "this file is no material (no document, image, video or archive) and is not packaged"),
                        null, Msg.literal(path),
                        Msg.of("不需要报送时，把它移出报送文件夹", "if it need not be sent, move it out of the folder sent"));
                case ARCHIVE -> ArchiveAdvice.report(sink, sub, path, issue.unit());
                case LIST_FORM_IN_UNIT -> sink.add(UNPLACED, sub, path,
                        Msg.of("推荐登记表放在了单位文件夹中，没有当作任何类别的登记表检查，也不会被打包",
                                "a registration list lies in the unit folder: it was not read as any category's list, nor packaged"),
                        Msg.of("放在类别文件夹中（{0}）", "in a category folder ({0})", categories), Msg.literal(path),
                        issue.category() == null
                                ? Msg.of("放到它所属类别的文件夹中（{0}）", "move it into its category's folder ({0})", categories)
                                : Msg.of("放到“{0}”文件夹", "move it into the \"{0}\" folder",
                                rules.category(issue.category()).name()));
                case UNKNOWN_CATEGORY_FOLDER -> sink.add(UNPLACED, sub, path,
                        Msg.of("文件夹名不是规定的类别，其中的材料没有检查，也不会被打包{0}",
                                "the folder is no known category; its content was neither checked nor packaged{0}",
                                likely(rules, issue.category())),
                        Msg.literal(categories), Msg.literal(lastSegment(path)),
                        issue.category() == null
                                ? Msg.of("把文件夹改名为“{0}”之一，或把其中的推荐对象文件夹移入对应的类别文件夹",
                                "rename the folder to one of: {0}, or move the submission folders in it into their category folders", categories)
                                : Msg.of("把文件夹改名为“{0}”，或把其中的推荐对象文件夹移入“{0}”文件夹",
                                "rename the folder to \"{0}\", or move the submission folders in it into the \"{0}\" folder",
                                rules.category(issue.category()).name()));
                case MISSING_CATEGORY -> sink.add(UNPLACED, sub, path,
                        Msg.of("推荐对象的文件夹直接放在了单位文件夹中，缺少类别一级；从其中的材料看属于“{0}”，已按此检查，但放好之前不会被打包",
                                "a submission folder lies directly in the unit folder, without its category level; its material points to {0}, and it was checked as such, but it is not packaged until moved",
                                Texts.category(rules, issue.category())),
                        categoryLevels(rules, issue.category()),
                        Msg.literal(path),
                        Msg.of("把“{0}”移入单位文件夹中的“{1}”文件夹（没有就新建一个）",
                                "move \"{0}\" into the unit's \"{1}\" folder (create it if there is none)",
                                lastSegment(path), rules.category(issue.category()).name()));
                case UNKNOWN_SUBFOLDER -> sink.add(UNPLACED, sub, path,
                        Msg.of("推荐对象文件夹中多了一个子文件夹，其中的文件没有检查，也不会被打包",
                                "an unexpected sub-folder; its files were neither checked nor packaged"),
                        Msg.of("材料直接放在推荐对象文件夹中；推荐到全国的材料放在“{0}”子文件夹",
                                "files directly in the submission folder; national extras in the \"{0}\" sub-folder",
                                nationalFolderName(rules)),
                        Msg.literal(lastSegment(path)),
                        Msg.of("把其中的材料移到推荐对象文件夹中；推荐到全国的照片和视频移到“{0}”文件夹",
                                "move its files up into the submission folder; national photos and video into the \"{0}\" folder",
                                nationalFolderName(rules)));
                case EMPTY_FOLDER -> sink.add(Rule.LAYOUT_UNKNOWN_FILE, sub, path,
                        Msg.of("空文件夹，其中没有材料", "an empty folder, holding no material"),
                        null, Msg.literal(lastSegment(path)),
                        Msg.of("确认没有漏放材料；这个空文件夹可以去掉", "make sure no material was left out; the empty folder can go"));
                case DUPLICATE_VERSION -> duplicateVersion(v, issue, sink);
                case NESTED_FOLDER -> sink.add(Rule.LAYOUT_NESTED_FOLDER, sub, path,
                        Msg.of("“{0}”套在“{1}”文件夹里多了一层（解压时常见），已按“{0}”读取",
                                "\"{0}\" is wrapped in one more folder, \"{1}\" (common after unzipping); it was read as if unwrapped",
                                path, issue.related()),
                        Msg.of("少一层文件夹", "one folder level less"), Msg.literal(path),
                        Msg.of("把“{0}”中的内容直接放在“{1}”中，去掉多出的一层", "move the content of \"{0}\" up into \"{1}\"",
                                path, issue.related()));
                case SYMLINK -> sink.add(Rule.LAYOUT_UNKNOWN_FILE, sub, path,
                        Msg.of("这是一个快捷方式（符号链接），不会被读取或打包", "a symbolic link; it is neither read nor packaged"),
                        Msg.of("真实的文件", "a real file"), Msg.of("符号链接", "symbolic link"),
                        Msg.of("把链接指向的文件本身复制到这里", "copy the file itself here instead of the link"));
                case UNLISTABLE -> sink.add(Rule.FILE_UNREADABLE, sub, path,
                        Msg.of("没有权限读取这个文件或文件夹，也可能它不是普通文件", "no permission to read it, or it is not a regular file"),
                        null, Msg.literal(path),
                        Msg.of("检查文件权限，或重新复制该文件", "check its permissions, or copy the file again"));
                case UNKNOWN_UNIT -> sink.add(Rule.LAYOUT_UNKNOWN_UNIT, sub, path,
                        Msg.of("文件夹名不是规定的推荐单位，无法核对名额，其中的材料{0}",
                                "the folder name is no known unit, so its quota cannot be checked; its content {0}",
                                ".".equals(path) ? Msg.of("已按未知单位检查", "was checked as an unknown unit")
                                        : Msg.of("没有检查，也不会被打包", "was neither checked nor packaged")),
                        Msg.literal(units), Msg.literal(lastSegment(path)),
                        Msg.of("若是某个推荐单位的材料，把文件夹改名为该单位的名称（如“{0}”）；不是报送材料就把它移出报送文件夹",
                                "if it holds a unit's material, rename the folder to that unit's name (e.g. {0}); otherwise move it out of the folder sent",
                                exampleUnit(rules)));
                case CATEGORY_WITHOUT_UNIT -> sink.add(UNPLACED, sub, path,
                        Msg.of("“{0}”文件夹直接放在了全省文件夹中，缺少单位一级，看不出是哪个单位的；其中的材料没有检查，也不会被打包",
                                "the {0} folder lies directly in the province folder, without its unit level, so its unit is unknown; its content was neither checked nor packaged",
                                Texts.category(rules, issue.category())),
                        Msg.of("单位文件夹（如“{0}”）→ “{1}” → 推荐对象文件夹", "unit folder (e.g. {0}) → {1} → submission folder",
                                exampleUnit(rules), Texts.category(rules, issue.category())),
                        Msg.literal(path),
                        Msg.of("把“{0}”文件夹移入它所属单位的文件夹（以单位名称命名，如“{1}”；没有就新建一个）",
                                "move the \"{0}\" folder into its unit's folder (named after the unit, e.g. {1}; create it if there is none)",
                                lastSegment(path), exampleUnit(rules)));
                case SUBMISSION_WITHOUT_UNIT -> sink.add(UNPLACED, sub, path,
                        Msg.of("推荐对象的文件夹直接放在了全省文件夹中，缺少单位和类别两级；从其中的材料看属于“{0}”，但看不出是哪个单位的，没有检查，也不会被打包",
                                "a submission folder lies directly in the province folder, without its unit and category levels; its material points to {0}, but its unit is unknown, so it was neither checked nor packaged",
                                Texts.category(rules, issue.category())),
                        categoryLevels(rules, issue.category()),
                        Msg.literal(path),
                        Msg.of("把“{0}”移入所属单位文件夹中的“{1}”文件夹（例如“{2}/{1}/{0}”）",
                                "move \"{0}\" into the \"{1}\" folder of its unit's folder (e.g. {2}/{1}/{0})",
                                lastSegment(path), rules.category(issue.category()).name(), exampleUnit(rules)));
                case LIST_FORM_IN_PROVINCE -> sink.add(UNPLACED, sub, path,
                        Msg.of("推荐登记表放在了全省文件夹中，看不出是哪个单位的，没有检查，也不会被打包",
                                "a registration list lies in the province folder; its unit is unknown, so it was neither checked nor packaged"),
                        Msg.of("放在单位文件夹中的类别文件夹（{0}）", "in a category folder ({0}) of its unit's folder", categories),
                        Msg.literal(path),
                        issue.category() == null
                                ? Msg.of("放到所属单位文件夹中它所属类别的文件夹（{0}）", "move it into its category's folder ({0}) in its unit's folder", categories)
                                : Msg.of("放到所属单位文件夹中的“{0}”文件夹", "move it into the \"{0}\" folder of its unit's folder",
                                rules.category(issue.category()).name()));
                case EMPTY_UNIT -> sink.add(Rule.LAYOUT_EMPTY, sub, path,
                        Msg.of("单位文件夹中没有任何类别文件夹", "the unit folder holds no category folder"),
                        Msg.literal(categories), Msg.of("无", "none"),
                        Msg.of("按类别建立文件夹（{0}），放入推荐材料；不报送的单位可去掉这个空文件夹",
                                "create the category folders ({0}) and put the submissions in; remove the folder if the unit sends nothing",
                                categories));
                case EMPTY_CATEGORY -> sink.add(Rule.LAYOUT_EMPTY, sub, path,
                        Msg.of("类别文件夹中没有推荐对象文件夹", "the category folder holds no submission folder"),
                        Msg.of("每个推荐对象一个文件夹", "one folder per submission"), Msg.of("无", "none"),
                        Msg.of("为每个推荐对象建立一个以其姓名或项目名称命名的文件夹；本类别不报送则去掉这个文件夹",
                                "create one folder per nominee or project; remove the folder if nothing is sent in this category"));
                case TOO_MANY_FILES -> sink.add(Rule.FILES_TOO_MANY, sub, path,
                        Msg.of("推荐对象文件夹中有 {0} 个文件，超过上限 {1} 个，只检查了前 {1} 个", "the submission holds {0} files, over the limit of {1}; only the first {1} were checked",
                                String.valueOf(issue.count()), String.valueOf(rules.limits().maxFiles())),
                        Msg.of("不超过 {0} 个文件", "at most {0} files", String.valueOf(rules.limits().maxFiles())),
                        Msg.of("{0} 个", "{0}", String.valueOf(issue.count())),
                        Msg.of("只保留规定的材料，把无关的文件移出推荐对象文件夹", "keep only the required material; move unrelated files out of the submission folder"));
                case EMPTY_SUBMISSION -> sink.add(Rule.LAYOUT_EMPTY, sub, path,
                        Msg.of("推荐对象文件夹是空的", "the submission folder is empty"),
                        Msg.of("推荐表、登记表、照片等材料", "the forms, photos and other material"), Msg.of("无", "none"),
                        Msg.of("放入该推荐对象的全部材料，或去掉这个空文件夹", "put the material in, or remove the empty folder"));
            }
        }
    }

    /** Two folders for one unit, category or submission: only one was read; which counts is the unit's choice. */
    private static void duplicateVersion(Validation v, LayoutIssue issue, FindingSink sink) {
        Msg what = issue.submissionPath() != null ? Msg.of("推荐对象", "submission")
                : issue.category() != null ? Msg.of("类别", "category") : Msg.of("单位", "unit");
        sink.add(Rule.LAYOUT_DUPLICATE_VERSION, issue.submissionPath(), issue.path(),
                Msg.of("“{0}”和“{1}”是同一{2}的两个版本：只检查了“{1}”，“{0}”没有检查；在只保留一个之前，两者都不会被打包",
                        "\"{0}\" and \"{1}\" are two versions of one {2}: only \"{1}\" was checked, \"{0}\" was not; neither is packaged until one is kept",
                        issue.path(), issue.related(), what),
                Msg.of("每个{0}一个文件夹", "one folder per {0}", what),
                Msg.of("两个：{0}、{1}", "two: {0}, {1}", issue.related(), issue.path()),
                Msg.of("确定以哪个版本为准，只保留这一个文件夹（另一个移出报送文件夹，另存备份即可），然后重新检查",
                        "decide which version counts and keep only that folder (move the other out of the folder sent, keeping it elsewhere), then check again"));
    }

    /** Where a submission of this category belongs: unit folder → category folder → submission folder. */
    private static Msg categoryLevels(Rules rules, String category) {
        return Msg.of("单位文件夹 → “{0}” → 推荐对象文件夹", "unit folder → {0} → submission folder",
                Texts.category(rules, category));
    }

    /** The first unit of the rules file, named in advice as an example. */
    private static String exampleUnit(Rules rules) {
        return rules.units().isEmpty() ? "" : rules.units().get(0).name();
    }

    private static Msg likely(Rules rules, String category) {
        return category == null ? Msg.of("", "")
                : Msg.of("；从其中的材料看，像是“{0}”", "; its material looks like {0}", Texts.category(rules, category));
    }

    /** The names of the roles a unit folder may hold (推荐函或盖章扫描件). */
    private static Msg unitDocumentNames(Rules rules) {
        return Texts.roles(rules, rules.layout().unitDocuments());
    }

    /** The words that make a file a unit document (推荐函, 盖章): each role's first name pattern. */
    private static String unitDocumentWords(Rules rules) {
        return rules.layout().unitDocuments().stream()
                .map(r -> rules.role(r).patterns().stream().filter(p -> !p.startsWith("*.")).findFirst().orElse(""))
                .map(p -> p.replace("*", "")).filter(p -> !p.isEmpty()).collect(Collectors.joining("”或“"));
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

package zjlearn.check;

import zjlearn.probe.ProbedFile;
import zjlearn.rules.Rules;
import zjlearn.scan.CategoryFolder;
import zjlearn.scan.Submission;

import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * {@code files.count}: each submission holds the number of files of each role that rules.yaml asks
 * for; a national candidate's folder holds its extras. A category-level list form stands in for the
 * per-submission one.
 */
public final class FileCountCheck implements Check {
    @Override
    public void run(Validation v, FindingSink sink) {
        Rules rules = v.rules();
        for (Submission s : v.scan().submissions()) {
            Rules.CategoryDef category = rules.category(s.category());
            List<ProbedFile> files = v.files(s);
            List<ProbedFile> main = files.stream().filter(f -> !f.file().national()).toList();
            for (Rules.FileCount count : category.files()) {
                boolean coveredByCategory = count.categoryLevel() && v.categoryFolder(s)
                        .map(c -> hasRole(v, c, count.roles())).orElse(false);
                check(rules, s, main, count, coveredByCategory, false, sink);
            }
            if (s.national() && category.national() != null) {
                List<ProbedFile> extras = files.stream().filter(f -> f.file().national()).toList();
                for (Rules.FileCount count : category.national().files()) {
                    check(rules, s, extras, count, false, true, sink);
                }
            }
        }
        for (CategoryFolder c : v.scan().categoryFolders()) {
            checkCategoryLevel(v, c, sink);
        }
    }

    private static boolean hasRole(Validation v, CategoryFolder c, List<String> roles) {
        return v.files(c).stream().anyMatch(f -> roles.contains(f.role()));
    }

    private static void check(Rules rules, Submission s, List<ProbedFile> files, Rules.FileCount count,
                              boolean coveredByCategory, boolean national, FindingSink sink) {
        Predicate<ProbedFile> inRoles = f -> count.roles().contains(f.role());
        List<ProbedFile> matching = files.stream().filter(inRoles).toList();
        int n = matching.size();
        int min = coveredByCategory ? 0 : count.minOrZero();
        Msg what = Texts.roles(rules, count.roles());
        Msg where = national ? Msg.of("“{0}”文件夹中", "in the \"{0}\" folder", rules.category(s.category()).national().folder())
                : Msg.of("", "");
        if (n < min) {
            sink.add("files.count", s.path(), null,
                    Msg.of("{0}缺少{1}：需要 {2}，只有 {3}", "{1} missing {0}: {2} needed, {3} found", where, what,
                            Texts.countRange(count), Texts.count(n)),
                    Texts.countRange(count), Texts.count(n),
                    missingFix(rules, count, national, s));
        } else if (count.max() != null && n > count.max()) {
            String names = matching.stream().map(f -> f.file().name()).collect(Collectors.joining("、"));
            sink.add("files.count", s.path(), null,
                    count.max() == 0
                            ? Msg.of("{0}不应有{1}，却有 {2}（{3}）", "{0} no {1} expected, {2} found ({3})", where, what,
                            Texts.count(n), names)
                            : Msg.of("{0}{1}太多：要求 {2}，实际 {3}（{4}）", "{0} too many {1}: {2} expected, {3} found ({4})",
                            where, what, Texts.countRange(count), Texts.count(n), names),
                    Texts.countRange(count), Texts.count(n),
                    count.max() == 0
                            ? Msg.of("删除多余的文件，或确认文件是否放错了推荐对象/类别", "remove the extra files, or check whether they belong to another submission or category")
                            : Msg.of("只保留要求的份数，删除多余或重复的文件", "keep only the required number and remove extra or duplicate files"));
        }
    }

    private static Msg missingFix(Rules rules, Rules.FileCount count, boolean national, Submission s) {
        Map<String, Rules.RoleDef> roles = rules.roles();
        Rules.RoleDef first = roles.get(count.roles().get(0));
        String example = first.patterns().stream().filter(p -> !p.startsWith("*."))
                .findFirst().map(p -> p.replace("*", "")).orElse(first.name());
        String types = first.types().stream().map(t -> zjlearn.probe.FileType.fromId(t).extensions().get(0))
                .distinct().collect(Collectors.joining("/"));
        if (national) {
            return Msg.of("在“{0}/{1}”文件夹中补齐{2}", "add the {2} to the \"{0}/{1}\" folder",
                    s.title(), rules.category(s.category()).national().folder(), Texts.roles(rules, count.roles()));
        }
        if (count.categoryLevel()) {
            return Msg.of("在推荐对象文件夹中放入{0}（文件名含“{1}”，格式 {2}），或在类别文件夹中放一份全类别的{0}",
                    "put the {0} (named *{1}*, as {2}) in the submission folder, or one {0} for the whole category in the category folder",
                    Texts.role(rules, count.roles().get(0)), example, types);
        }
        return Msg.of("补齐{0}（文件名含“{1}”，格式 {2}）", "add the {0} (named *{1}*, as {2})",
                Texts.roles(rules, count.roles()), example, types);
    }

    /** The category folder may hold at most one list form per category-level role. */
    private static void checkCategoryLevel(Validation v, CategoryFolder c, FindingSink sink) {
        Rules rules = v.rules();
        for (Rules.FileCount count : rules.category(c.category()).files()) {
            if (!count.categoryLevel()) {
                continue;
            }
            List<ProbedFile> matching = v.files(c).stream().filter(f -> count.roles().contains(f.role())).toList();
            if (matching.size() > 1) {
                String names = matching.stream().map(f -> f.file().name()).collect(Collectors.joining("、"));
                sink.add("files.count", null, c.path(),
                        Msg.of("类别文件夹中有 {0} 份{1}（{2}），无法确定以哪份为准", "{0} copies of the {1} in the category folder ({2}); which one counts is unclear",
                                String.valueOf(matching.size()), Texts.roles(rules, count.roles()), names),
                        Msg.of("1 份", "1"), Texts.count(matching.size()),
                        Msg.of("只保留一份全类别的{0}", "keep a single {0} for the category", Texts.roles(rules, count.roles())));
            }
        }
    }
}

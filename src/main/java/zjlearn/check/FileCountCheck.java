package zjlearn.check;

import zjlearn.i18n.Msg;
import zjlearn.rules.FileType;
import zjlearn.rules.Rule;
import zjlearn.probe.ProbedFile;
import zjlearn.rules.Rules;
import zjlearn.scan.CategoryFolder;
import zjlearn.scan.Submission;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
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
    public Set<Rule> emits() {
        return Set.of(Rule.FILES_COUNT, Rule.LAYOUT_NATIONAL_MISPLACED);
    }

    @Override
    public void run(Validation v, FindingSink sink) {
        Rules rules = v.rules();
        for (Submission s : v.scan().submissions()) {
            Rules.CategoryDef category = rules.category(s.category());
            List<ProbedFile> files = v.files(s);
            List<ProbedFile> main = files.stream().filter(f -> !f.file().national()).toList();
            boolean misplaced = misplacedNational(rules, s, main, sink);
            for (Rules.FileCount count : category.files()) {
                boolean coveredByCategory = count.categoryLevel() && v.categoryFolder(s)
                        .map(c -> hasRole(v, c, count.roles())).orElse(false);
                if (misplaced && !Collections.disjoint(count.roles(), nationalRoles(category))) {
                    checkTooFew(rules, s, main, count, coveredByCategory, sink);
                } else {
                    check(rules, s, main, count, coveredByCategory, false, sink);
                }
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

    /**
     * {@code layout.national-misplaced}: the national extras (the video, and photos beyond the submission's own
     * number) lying in the submission folder instead of its national folder. One finding that says to move them,
     * in place of the count findings that would each say there are too many.
     *
     * @return whether it was reported
     */
    private static boolean misplacedNational(Rules rules, Submission s, List<ProbedFile> main, FindingSink sink) {
        Rules.CategoryDef category = rules.category(s.category());
        if (category.national() == null) {
            return false;
        }
        Set<String> nationalOnly = nationalOnlyRoles(category);
        List<ProbedFile> extras = main.stream().filter(f -> nationalOnly.contains(f.role())).toList();
        if (extras.isEmpty()) {
            return false;
        }
        int extraPhotos = 0;
        Rules.FileCount own = null;
        for (Rules.FileCount count : category.files()) {
            if (count.max() != null && count.max() > 0 && Collections.disjoint(count.roles(), nationalOnly)
                    && !Collections.disjoint(count.roles(), nationalRoles(category))) {
                long n = main.stream().filter(f -> count.roles().contains(f.role())).count();
                if (n - count.max() >= extraPhotos) {
                    extraPhotos = (int) Math.max(0, n - count.max());
                    own = count;
                }
            }
        }
        List<String> names = extras.stream().map(f -> f.file().name()).toList();
        String folder = category.national().folder();
        Msg photos = extraPhotos == 0 ? Msg.literal("")
                : Msg.key("files.national-misplaced.extra-photos", String.valueOf(extraPhotos));
        sink.add(Rule.LAYOUT_NATIONAL_MISPLACED, s.path(), null,
                Msg.key("files.national-misplaced.message",
                        names, photos, folder),
                Msg.key("files.in-folder", folder), Msg.key("files.national-misplaced.actual"),
                Msg.key("files.national-misplaced.fix",
                        s.title(), folder, names, own == null ? Msg.key("files.national-misplaced.own-material")
                                : Msg.key("files.national-misplaced.own-count", Texts.countRange(own), Texts.roles(rules, own.roles()))));
        return true;
    }

    /** Roles the national folder asks for. */
    private static Set<String> nationalRoles(Rules.CategoryDef category) {
        Set<String> roles = new LinkedHashSet<>();
        if (category.national() != null) {
            category.national().files().forEach(c -> roles.addAll(c.roles()));
        }
        return roles;
    }

    /** Roles the national folder asks for and the submission folder itself must not hold (the video). */
    private static Set<String> nationalOnlyRoles(Rules.CategoryDef category) {
        Set<String> forbidden = new LinkedHashSet<>();
        category.files().stream().filter(c -> c.max() != null && c.max() == 0).forEach(c -> forbidden.addAll(c.roles()));
        Set<String> roles = nationalRoles(category);
        roles.retainAll(forbidden);
        return roles;
    }

    /** Only the "missing" half of a count (its "too many" half is told by the misplaced-national finding). */
    private static void checkTooFew(Rules rules, Submission s, List<ProbedFile> files, Rules.FileCount count,
                                    boolean coveredByCategory, FindingSink sink) {
        long n = files.stream().filter(f -> count.roles().contains(f.role())).count();
        int min = coveredByCategory ? 0 : count.minOrZero();
        if (n < min) {
            check(rules, s, files, count, coveredByCategory, false, sink);
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
        Msg where = national ? Msg.key("files.count.where", rules.category(s.category()).national().folder())
                : Msg.literal("");
        if (n < min) {
            sink.add(Rule.FILES_COUNT, s.path(), null,
                    Msg.key("files.count.missing.message", where, what,
                            Texts.countRange(count), Texts.count(n)),
                    Texts.countRange(count), Texts.count(n),
                    lookalikeHint(rules, count, files, missingFix(rules, count, national, s)));
        } else if (count.max() != null && n > count.max()) {
            List<String> names = matching.stream().map(f -> f.file().name()).toList();
            sink.add(Rule.FILES_COUNT, s.path(), null,
                    count.max() == 0
                            ? Msg.key("files.count.forbidden.message", where, what,
                            Texts.count(n), names)
                            : Msg.key("files.count.too-many.message",
                            where, what, Texts.countRange(count), Texts.count(n), names),
                    Texts.countRange(count), Texts.count(n),
                    count.max() == 0
                            ? Msg.key("files.count.forbidden.fix")
                            : Msg.key("files.count.too-many.fix",
                            national || rules.category(s.category()).national() == null ? Msg.literal("")
                                    : Msg.key("files.count.national-photos-elsewhere",
                                    rules.category(s.category()).national().folder())));
        }
    }

    private static Msg missingFix(Rules rules, Rules.FileCount count, boolean national, Submission s) {
        Map<String, Rules.RoleDef> roles = rules.roles();
        Rules.RoleDef first = roles.get(count.roles().get(0));
        String example = first.patterns().stream().filter(p -> !p.startsWith("*."))
                .findFirst().map(p -> p.replace("*", "")).orElse(first.name());
        String types = first.types().stream().map(t -> zjlearn.rules.FileType.fromId(t).extensions().get(0))
                .distinct().collect(Collectors.joining("/"));
        if (national) {
            return Msg.key("files.count.missing.fix-national",
                    s.title(), rules.category(s.category()).national().folder(), Texts.roles(rules, count.roles()));
        }
        if (count.categoryLevel()) {
            return Msg.key("files.count.missing.fix-category-level",
                    Texts.role(rules, count.roles().get(0)), example, types);
        }
        return Msg.key("files.count.missing.fix",
                Texts.roles(rules, count.roles()), example, types);
    }

    /**
     * A missing ID photo is often there under another name (IMG_2041.jpg) and so counted as an ordinary photo: when
     * one of the other photos has an ID photo's portrait proportions ({@code images.idPhoto.sizesMm}), the fix names
     * it and says what to rename it to, instead of only asking for a photo the clerk has already sent.
     */
    private static Msg lookalikeHint(Rules rules, Rules.FileCount count, List<ProbedFile> files, Msg fix) {
        Rules.IdPhoto id = rules.images() == null ? null : rules.images().idPhoto();
        if (id == null || !count.roles().equals(List.of(id.role()))) {
            return fix;
        }
        for (ProbedFile f : files) {
            if (f.facts() instanceof ProbedFile.Image image && f.role() != null && !f.role().equals(id.role())) {
                int w = image.facts().displayWidth();
                int h = image.facts().displayHeight();
                if (w < h && id.sizeOf(w, h).isPresent()) {
                    String name = f.file().name();
                    String ext = name.contains(".") ? name.substring(name.lastIndexOf('.')) : "";
                    String stem = rules.role(id.role()).patterns().stream().filter(p -> !p.startsWith("*."))
                            .findFirst().map(p -> p.replace("*", "")).orElse(rules.role(id.role()).name());
                    return Msg.key("files.count.missing.fix-lookalike", fix, name, String.valueOf(w), String.valueOf(h),
                            Texts.role(rules, id.role()), stem + ext);
                }
            }
        }
        return fix;
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
                List<String> names = matching.stream().map(f -> f.file().name()).toList();
                sink.add(Rule.FILES_COUNT, null, c.path(),
                        Msg.key("files.category-copies.message",
                                String.valueOf(matching.size()), Texts.roles(rules, count.roles()), names),
                        Msg.key("files.category-copies.expected"), Texts.count(matching.size()),
                        Msg.key("files.category-copies.fix", Texts.roles(rules, count.roles())));
            }
        }
    }
}

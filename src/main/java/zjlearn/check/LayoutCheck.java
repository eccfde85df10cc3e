package zjlearn.check;

import zjlearn.i18n.Msg;
import zjlearn.rules.Rule;
import zjlearn.rules.Rules;
import zjlearn.scan.LayoutIssue;
import zjlearn.scan.Submission;

import java.util.List;
import java.util.stream.Collectors;
import java.util.Set;

/**
 * {@code layout.*}: files and folders that are not where the folder convention expects them. Whatever could
 * hold material and cannot be placed is an error ({@code layout.unplaced}, {@code layout.archive},
 * {@code layout.duplicate-version}) that says what it most likely is and where it belongs; only system
 * leftovers and files that cannot be material are warnings. No fix says to delete material.
 */
public final class LayoutCheck implements Check {
    static final Rule UNPLACED = Rule.LAYOUT_UNPLACED;

    @Override
    public Set<Rule> emits() {
        return Set.of(Rule.LAYOUT_TEMP_FILE, Rule.LAYOUT_UNPLACED, Rule.LAYOUT_UNKNOWN_FILE, Rule.LAYOUT_ARCHIVE,
                Rule.LAYOUT_NESTED_FOLDER, Rule.LAYOUT_DUPLICATE_VERSION, Rule.FILE_UNREADABLE, Rule.LAYOUT_UNKNOWN_UNIT,
                Rule.LAYOUT_EMPTY, Rule.FILES_TOO_MANY);
    }

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
                        Msg.key("layout.temp-file.message"),
                        null, Msg.literal(path),
                        Msg.key("layout.temp-file.fix"));
                case STRAY_FILE -> sink.add(UNPLACED, sub, path,
                        Msg.key("layout.stray-file.message"),
                        Msg.key("layout.stray-file.expected", categories),
                        Msg.literal(path),
                        Msg.key("layout.stray-file.fix",
                                unitDocumentNames(rules), unitDocumentWords(rules)));
                case STRAY_FILE_IN_CATEGORY -> sink.add(UNPLACED, sub, path,
                        Msg.key("layout.stray-in-category.message", listName(rules)),
                        Msg.key("layout.stray-in-category.expected", listWord(rules)),
                        Msg.literal(path),
                        Msg.key("layout.stray-in-category.fix", listName(rules), listWord(rules)));
                case OTHER_FILE -> sink.add(Rule.LAYOUT_UNKNOWN_FILE, sub, path,
                        Msg.key("layout.other-file.message"),
                        null, Msg.literal(path),
                        Msg.key("layout.other-file.fix"));
                case ARCHIVE -> ArchiveAdvice.report(sink, sub, path, issue.unit());
                case LIST_FORM_IN_UNIT -> sink.add(UNPLACED, sub, path,
                        Msg.key("layout.list-in-unit.message", listName(rules)),
                        Msg.key("layout.list-in-unit.expected", categories), Msg.literal(path),
                        issue.category() == null
                                ? Msg.key("layout.list-in-unit.fix-any", categories)
                                : Msg.key("layout.list-in-unit.fix",
                                rules.category(issue.category()).name()));
                case UNKNOWN_CATEGORY_FOLDER -> sink.add(UNPLACED, sub, path,
                        Msg.key("layout.unknown-category.message",
                                likely(rules, issue.category())),
                        Msg.literal(categories), Msg.literal(lastSegment(path)),
                        issue.category() == null
                                ? Msg.key("layout.unknown-category.fix-any", categories)
                                : Msg.key("layout.unknown-category.fix",
                                rules.category(issue.category()).name()));
                case MISSING_CATEGORY -> sink.add(UNPLACED, sub, path,
                        Msg.key("layout.missing-category.message",
                                Texts.category(rules, issue.category())),
                        categoryLevels(rules, issue.category()),
                        Msg.literal(path),
                        Msg.key("layout.missing-category.fix",
                                lastSegment(path), rules.category(issue.category()).name()));
                case UNKNOWN_SUBFOLDER -> sink.add(UNPLACED, sub, path,
                        Msg.key("layout.unknown-subfolder.message"),
                        Msg.key("layout.unknown-subfolder.expected",
                                CampaignWords.nationalFolder(rules)),
                        Msg.literal(lastSegment(path)),
                        Msg.key("layout.unknown-subfolder.fix",
                                CampaignWords.nationalFolder(rules)));
                case EMPTY_FOLDER -> sink.add(Rule.LAYOUT_UNKNOWN_FILE, sub, path,
                        Msg.key("layout.empty-folder.message"),
                        null, Msg.literal(lastSegment(path)),
                        Msg.key("layout.empty-folder.fix"));
                case DUPLICATE_VERSION -> duplicateVersion(v, issue, sink);
                case NESTED_FOLDER -> sink.add(Rule.LAYOUT_NESTED_FOLDER, sub, path,
                        Msg.key("layout.nested-folder.message",
                                path, issue.related()),
                        Msg.key("layout.nested-folder.expected"), Msg.literal(path),
                        Msg.key("layout.nested-folder.fix",
                                path, issue.related()));
                case SYMLINK -> sink.add(Rule.LAYOUT_UNKNOWN_FILE, sub, path,
                        Msg.key("layout.symlink.message"),
                        Msg.key("layout.symlink.expected"), Msg.key("layout.symlink.actual"),
                        Msg.key("layout.symlink.fix"));
                case UNLISTABLE -> sink.add(Rule.FILE_UNREADABLE, sub, path,
                        Msg.key("layout.unlistable.message"),
                        null, Msg.literal(path),
                        Msg.key("layout.unlistable.fix"));
                case UNKNOWN_UNIT -> sink.add(Rule.LAYOUT_UNKNOWN_UNIT, sub, path,
                        Msg.key("layout.unknown-unit.message",
                                ".".equals(path) ? Msg.key("layout.unknown-unit.checked")
                                        : Msg.key("layout.unknown-unit.not-checked")),
                        Msg.literal(units), Msg.literal(lastSegment(path)),
                        issue.related() != null
                                ? Msg.key("layout.unknown-unit.fix-wrapper", lastSegment(path), List.of(issue.related().split("、")))
                                : Msg.key("layout.unknown-unit.fix", CampaignWords.exampleUnit(rules)));
                case CATEGORY_WITHOUT_UNIT -> sink.add(UNPLACED, sub, path,
                        Msg.key("layout.category-without-unit.message",
                                Texts.category(rules, issue.category())),
                        Msg.key("layout.category-without-unit.expected",
                                CampaignWords.exampleUnit(rules), Texts.category(rules, issue.category())),
                        Msg.literal(path),
                        Msg.key("layout.category-without-unit.fix",
                                lastSegment(path), CampaignWords.exampleUnit(rules)));
                case SUBMISSION_WITHOUT_UNIT -> sink.add(UNPLACED, sub, path,
                        Msg.key("layout.submission-without-unit.message",
                                Texts.category(rules, issue.category())),
                        categoryLevels(rules, issue.category()),
                        Msg.literal(path),
                        Msg.key("layout.submission-without-unit.fix",
                                lastSegment(path), rules.category(issue.category()).name(), CampaignWords.exampleUnit(rules)));
                case LIST_FORM_IN_PROVINCE -> sink.add(UNPLACED, sub, path,
                        Msg.key("layout.list-in-province.message", listName(rules)),
                        Msg.key("layout.list-in-province.expected", categories),
                        Msg.literal(path),
                        issue.category() == null
                                ? Msg.key("layout.list-in-province.fix-any", categories)
                                : Msg.key("layout.list-in-province.fix",
                                rules.category(issue.category()).name()));
                case EMPTY_UNIT -> sink.add(Rule.LAYOUT_EMPTY, sub, path,
                        Msg.key("layout.empty-unit.message"),
                        Msg.literal(categories), Msg.key("layout.empty.none"),
                        Msg.key("layout.empty-unit.fix",
                                categories));
                case EMPTY_CATEGORY -> sink.add(Rule.LAYOUT_EMPTY, sub, path,
                        Msg.key("layout.empty-category.message"),
                        Msg.key("layout.empty-category.expected"), Msg.key("layout.empty.none"),
                        Msg.key("layout.empty-category.fix"));
                case TOO_MANY_FILES -> sink.add(Rule.FILES_TOO_MANY, sub, path,
                        Msg.key("layout.too-many-files.message",
                                String.valueOf(issue.count()), String.valueOf(rules.limits().maxFiles())),
                        Msg.key("layout.too-many-files.expected", String.valueOf(rules.limits().maxFiles())),
                        Msg.key("layout.too-many-files.actual", String.valueOf(issue.count())),
                        Msg.key("layout.too-many-files.fix"));
                case EMPTY_SUBMISSION -> sink.add(Rule.LAYOUT_EMPTY, sub, path,
                        Msg.key("layout.empty-submission.message"),
                        Msg.key("layout.empty-submission.expected", CampaignWords.requiredRoleNames(rules)), Msg.key("layout.empty.none"),
                        Msg.key("layout.empty-submission.fix"));
            }
        }
    }

    /** Two folders for one unit, category or submission: only one was read; which counts is the unit's choice. */
    private static void duplicateVersion(Validation v, LayoutIssue issue, FindingSink sink) {
        Msg what = issue.submissionPath() != null ? Msg.key("layout.duplicate-version.submission")
                : issue.category() != null ? Msg.key("layout.duplicate-version.category") : Msg.key("layout.duplicate-version.unit");
        sink.add(Rule.LAYOUT_DUPLICATE_VERSION, null, issue.submissionPath(), issue.path(),
                Msg.key("layout.duplicate-version.message",
                        issue.path(), issue.related(), what),
                Msg.key("layout.duplicate-version.expected", what),
                Msg.key("layout.duplicate-version.actual", issue.related(), issue.path()),
                Msg.key("layout.duplicate-version.fix"),
                keptOut(v, issue));
    }

    /** The submissions a second version of their unit or category folder keeps out of the package. */
    private static List<String> keptOut(Validation v, LayoutIssue issue) {
        if (issue.submissionPath() != null || issue.unit() == null) {
            return List.of();
        }
        return v.scan().submissions().stream()
                .filter(s -> issue.unit().equals(s.unit()) && (issue.category() == null || issue.category().equals(s.category())))
                .map(Submission::path).toList();
    }

    /** Where a submission of this category belongs: unit folder → category folder → submission folder. */
    private static Msg categoryLevels(Rules rules, String category) {
        return Msg.key("layout.levels",
                Texts.category(rules, category));
    }


    private static Msg likely(Rules rules, String category) {
        return category == null ? Msg.literal("")
                : Msg.key("layout.unknown-category.likely", Texts.category(rules, category));
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


    /** The name of the category-level list form (推荐登记表). */
    private static Msg listName(Rules rules) {
        return CampaignWords.categoryLevelRole(rules).map(r -> Texts.role(rules, r)).orElse(Msg.literal(""));
    }

    /** The word that names a file the list form (登记表). */
    private static String listWord(Rules rules) {
        return CampaignWords.categoryLevelRole(rules).map(r -> CampaignWords.nameWord(rules, r)).orElse("");
    }

    static String lastSegment(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? path : path.substring(slash + 1);
    }
}

package zjlearn.scan;

import java.nio.file.Path;
import java.util.List;

/**
 * What the folder tree holds.
 *
 * @param root        the folder given
 * @param level       what the root was recognised as
 * @param units       canonical names of the units found (in folder order)
 * @param unitFolders the unit folders read, with their unit documents
 */
public record ScanResult(Path root, Level level, List<String> units, List<CategoryFolder> categoryFolders,
                         List<Submission> submissions, List<LayoutIssue> layoutIssues, List<UnitFolder> unitFolders) {
    public enum Level { PROVINCE, UNIT, CATEGORY, SUBMISSION }

    public ScanResult {
        units = List.copyOf(units);
        categoryFolders = List.copyOf(categoryFolders);
        submissions = List.copyOf(submissions);
        layoutIssues = List.copyOf(layoutIssues);
        unitFolders = List.copyOf(unitFolders);
    }

    public ScanResult(Path root, Level level, List<String> units, List<CategoryFolder> categoryFolders,
                      List<Submission> submissions, List<LayoutIssue> layoutIssues) {
        this(root, level, units, categoryFolders, submissions, layoutIssues, List.of());
    }
}

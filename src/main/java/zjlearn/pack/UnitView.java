package zjlearn.pack;

import zjlearn.ValidationResult;
import zjlearn.check.Finding;
import zjlearn.check.Validation;
import zjlearn.scan.CategoryFolder;
import zjlearn.scan.LayoutIssue;
import zjlearn.scan.ScanResult;
import zjlearn.scan.Submission;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A validation restricted to one unit, so that the ordinary reports (JSON, text) describe just
 * that unit: its submissions, its category folders, and the findings inside its folders (quota
 * findings included). The root shown is only the root folder's name, so a report written into a
 * bag does not depend on where the input lay on disk.
 */
final class UnitView {
    private UnitView() {
    }

    static ValidationResult of(ValidationResult result, PackagePlan.UnitPlan unit) {
        Validation v = result.validation();
        ScanResult scan = v.scan();
        Set<Submission> submissions = unit.outcomes().stream().map(PackagePlan.Outcome::submission)
                .collect(Collectors.toSet());
        Set<String> paths = submissions.stream().map(Submission::path).collect(Collectors.toSet());
        List<String> folders = unit.folders();
        List<CategoryFolder> categories = scan.categoryFolders().stream()
                .filter(c -> within(c.path(), folders)).toList();
        List<LayoutIssue> issues = scan.layoutIssues().stream().filter(i -> within(i.path(), folders)).toList();
        Path root = scan.root().getFileName() == null ? Path.of(".") : scan.root().getFileName();
        ScanResult restricted = new ScanResult(root, scan.level(),
                unit.unit() == null ? List.of() : List.of(unit.unit()), categories,
                scan.submissions().stream().filter(submissions::contains).toList(), issues,
                scan.unitFolders().stream().filter(u -> java.util.Objects.equals(u.unit(), unit.unit())).toList());
        List<Finding> findings = result.findings().stream()
                .filter(f -> f.submission() != null ? paths.contains(f.submission())
                        : folders.contains(".") || f.file() != null && within(f.file(), folders))
                .toList();
        return new ValidationResult(new Validation(v.rules(), v.vocabulary(), restricted, v.probed()), findings, -1, null);
    }

    static boolean within(String path, List<String> folders) {
        for (String folder : folders) {
            if (".".equals(folder) || path.equals(folder) || path.startsWith(folder + "/")) {
                return true;
            }
        }
        return false;
    }
}

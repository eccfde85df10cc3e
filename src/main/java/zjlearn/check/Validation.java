package zjlearn.check;

import zjlearn.rules.FileType;
import zjlearn.probe.ProbedFile;
import zjlearn.rules.Rules;
import zjlearn.rules.Vocabulary;
import zjlearn.scan.CategoryFolder;
import zjlearn.scan.InputFile;
import zjlearn.scan.ScanResult;
import zjlearn.scan.Submission;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Everything the checks look at: the rules, the folder tree and each file's facts. */
public record Validation(Rules rules, Vocabulary vocabulary, ScanResult scan, Map<InputFile, ProbedFile> probed) {
    public ProbedFile facts(InputFile file) {
        ProbedFile p = probed.get(file);
        return p != null ? p : ProbedFile.plain(file, FileType.UNKNOWN, null);
    }

    public List<ProbedFile> files(Submission s) {
        return s.files().stream().map(this::facts).toList();
    }

    public List<ProbedFile> files(CategoryFolder c) {
        return c.files().stream().map(this::facts).toList();
    }

    /** The submission's readable form of this role outside the national folder (the first one, if several). */
    public Optional<ProbedFile.FormFile> form(Submission s, String role) {
        return files(s).stream()
                .filter(f -> !f.file().national() && role.equals(f.role()))
                .flatMap(f -> f.formFile().stream())
                .findFirst();
    }

    public Optional<CategoryFolder> categoryFolder(Submission s) {
        String parent = parentPath(s.path());
        return scan.categoryFolders().stream().filter(c -> c.path().equals(parent)).findFirst();
    }

    public String nominationRole(String category) {
        return rules.form(rules.category(category).nominationForm()).role();
    }

    public Optional<String> registrationRole(String category) {
        return Optional.ofNullable(rules.category(category).registrationForm()).map(f -> rules.form(f).role());
    }

    /** The folder a relative path lies in: "." for a top-level name, ".." for the root itself. */
    public static String parentPath(String path) {
        if (".".equals(path)) {
            return "..";
        }
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "." : path.substring(0, slash);
    }
}

package zjlearn;

import zjlearn.check.Checker;
import zjlearn.check.Finding;
import zjlearn.check.Validation;
import zjlearn.probe.FormCategory;
import zjlearn.probe.ProbedFile;
import zjlearn.probe.Prober;
import zjlearn.rules.Rules;
import zjlearn.rules.Vocabulary;
import zjlearn.scan.CategoryFolder;
import zjlearn.scan.InputFile;
import zjlearn.scan.ScanResult;
import zjlearn.scan.Scanner;
import zjlearn.scan.Submission;
import zjlearn.scan.UnitFolder;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The whole flow for one folder: scan → probe → check. */
public final class Validator {
    private final Rules rules;
    private final Vocabulary vocabulary;
    private final int jobs;

    public Validator(Rules rules, int jobs) {
        this.rules = rules;
        this.vocabulary = new Vocabulary(rules);
        this.jobs = jobs;
    }

    public ValidationResult validate(Path root) throws IOException, Scanner.NothingToCheckException {
        return validate(root, Prober.Progress.NONE);
    }

    public ValidationResult validate(Path root, Prober.Progress progress) throws IOException, Scanner.NothingToCheckException {
        long start = System.nanoTime();
        ScanResult scan = new Scanner(vocabulary, new FormCategory(rules)).scan(root);
        long scanned = System.nanoTime();
        List<Prober.Task> tasks = new ArrayList<>();
        for (CategoryFolder c : scan.categoryFolders()) {
            c.files().forEach(f -> tasks.add(new Prober.Task(f, c.category())));
        }
        for (Submission s : scan.submissions()) {
            s.files().forEach(f -> tasks.add(new Prober.Task(f, s.category())));
        }
        String anyCategory = rules.categories().keySet().iterator().next();
        for (UnitFolder u : scan.unitFolders()) {
            u.files().forEach(f -> tasks.add(new Prober.Task(f, anyCategory)));
        }
        Map<InputFile, ProbedFile> probed = new Prober(vocabulary, jobs).probe(tasks, progress);
        long probedAt = System.nanoTime();
        Validation validation = new Validation(rules, vocabulary, scan, probed);
        List<Finding> findings = Checker.run(validation);
        long checked = System.nanoTime();
        ValidationResult.Timings timings = new ValidationResult.Timings(millis(start, scanned), millis(scanned, probedAt),
                millis(probedAt, checked), tasks.size());
        return new ValidationResult(validation, findings, millis(start, checked), timings);
    }

    private static long millis(long from, long to) {
        return (to - from) / 1_000_000;
    }
}

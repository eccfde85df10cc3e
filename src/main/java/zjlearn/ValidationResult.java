package zjlearn;

import zjlearn.check.Finding;
import zjlearn.check.Validation;
import zjlearn.rules.Severity;
import zjlearn.scan.Submission;

import java.util.List;

/**
 * A validation and its findings, ready to be reported.
 *
 * @param millis  how long the validation took, or a negative number when the report must not show it (a
 *                report written into an archive, which must not change from one run to the next)
 * @param timings where the time went, for --timings
 */
public record ValidationResult(Validation validation, List<Finding> findings, long millis, Timings timings) {
    /** Where the time went, for --timings. */
    public record Timings(long scanMillis, long probeMillis, long checkMillis, int files) {
    }

    public ValidationResult {
        findings = List.copyOf(findings);
    }

    public List<Finding> findingsOf(Submission s) {
        return findings.stream().filter(f -> s.path().equals(f.submission())).toList();
    }

    /** Findings that belong to no single submission (quota, layout, category lists). */
    public List<Finding> generalFindings() {
        return findings.stream().filter(f -> f.submission() == null).toList();
    }

    public boolean passed(Submission s) {
        return findingsOf(s).stream().noneMatch(Finding::isError);
    }

    public long count(Severity severity) {
        return findings.stream().filter(f -> f.severity() == severity).count();
    }

    public long passedCount() {
        return validation.scan().submissions().stream().filter(this::passed).count();
    }

    /** Exit status of DESIGN.md: 1 when an error was found (or a warning under --strict), else 0. */
    public int exitCode(boolean strict) {
        boolean failing = count(Severity.ERROR) > 0 || strict && count(Severity.WARNING) > 0;
        return failing ? 1 : 0;
    }
}

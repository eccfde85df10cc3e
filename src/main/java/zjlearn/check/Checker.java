package zjlearn.check;

import java.util.List;

/** Runs every check over a validation and returns the findings in a stable order. */
public final class Checker {
    private static final List<Check> CHECKS = List.of(
            new LayoutCheck(),
            new ArchiveCheck(),
            new FileCheck(),
            new FileCountCheck(),
            new FormCheck(),
            new SummaryLengthCheck(),
            new ImageCheck(),
            new VideoCheck(),
            new ConsistencyCheck(),
            new DuplicateCheck(),
            new EligibilityCheck(),
            new PreviousWinnerCheck(),
            new QuotaCheck(),
            new ScopeCheck());

    private Checker() {
    }

    /** The checks, in the order they run. */
    public static List<Check> checks() {
        return CHECKS;
    }

    public static List<Finding> run(Validation validation) {
        FindingSink sink = new FindingSink(validation.rules());
        for (Check check : CHECKS) {
            check.run(validation, sink);
        }
        return sink.findings();
    }
}

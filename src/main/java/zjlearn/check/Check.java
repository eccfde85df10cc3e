package zjlearn.check;

import zjlearn.rules.Rule;

import java.util.Set;

/** One family of rules: compares facts with rules.yaml and reports findings. */
public interface Check {
    void run(Validation validation, FindingSink sink);

    /** The rules this check can report, so that a reader (and a test) can tell which check says what. */
    Set<Rule> emits();
}

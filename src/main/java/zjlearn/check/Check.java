package zjlearn.check;

/** One family of rules: compares facts with rules.yaml and reports findings. */
public interface Check {
    void run(Validation validation, FindingSink sink);
}

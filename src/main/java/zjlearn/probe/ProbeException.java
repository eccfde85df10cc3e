package zjlearn.probe;

/**
 * A file could not be read as what it claims to be. The kind decides the rule id of the finding
 * ({@code file.empty}, {@code file.encrypted}, {@code file.unreadable}); the detail is a short,
 * technical English explanation kept for the report's "actual" value and for debugging.
 */
public class ProbeException extends Exception {
    public enum Kind { EMPTY, ENCRYPTED, UNREADABLE, TOO_LARGE }

    private final Kind kind;

    public ProbeException(Kind kind, String detail) {
        super(detail);
        this.kind = kind;
    }

    public ProbeException(Kind kind, String detail, Throwable cause) {
        super(detail, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}

package zjlearn.cli;

import java.io.PrintWriter;
import java.util.function.Supplier;

/** One stderr line rewritten in place, at most ten times a second, and wiped when asked. */
final class TerminalLine {
    private static final long INTERVAL_NANOS = 100_000_000L;
    private final PrintWriter err;
    private long lastShown;
    private boolean shown;

    TerminalLine(PrintWriter err) {
        this.err = err;
    }

    /** Shows the text (built only when shown): now if {@code force}, else unless the last one is too recent. */
    synchronized void show(Supplier<String> text, boolean force) {
        long now = System.nanoTime();
        if (!force && shown && now - lastShown < INTERVAL_NANOS) {
            return;
        }
        lastShown = now;
        err.print("\r\u001B[K" + text.get());
        err.flush();
        shown = true;
    }

    synchronized void clear() {
        if (shown) {
            err.print("\r\u001B[K");
            err.flush();
            shown = false;
        }
    }
}

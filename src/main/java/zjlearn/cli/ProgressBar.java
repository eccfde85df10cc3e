package zjlearn.cli;

import zjlearn.pack.Packager;
import zjlearn.i18n.Msg;
import zjlearn.report.Sizes;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * "杭州市.zip ███████████░░░░░░░░░░░░░  47%  0.9 GB / 2.0 GB  1.0 GB/秒" on one rewritten stderr line while an
 * archive is written, at most ten times a second, only when stderr is a terminal. Lines printed meanwhile
 * clear it first ({@link #clear()}); it is drawn again at the next update.
 */
final class ProgressBar implements Packager.Meter {
    private static final int CELLS = 24;
    private final TerminalLine line;
    private final boolean english;
    private String archive;
    private long started;

    private ProgressBar(PrintWriter err, boolean english) {
        this.line = new TerminalLine(err);
        this.english = english;
    }

    /** A bar on a terminal, or nothing when stderr is redirected or quiet was asked for. */
    static Packager.Meter forTerminal(PrintWriter err, boolean quiet, boolean english) {
        return quiet || !Terminal.stderr() ? Packager.Meter.NONE : new ProgressBar(err, english);
    }

    /** Clears the bar before {@code line} is printed on stderr (no-op for the silent meter). */
    static void beforeLine(Packager.Meter meter) {
        if (meter instanceof ProgressBar bar) {
            bar.line.clear();
        }
    }

    @Override
    public synchronized void payload(String archive, long done, long total) {
        long now = System.nanoTime();
        boolean next = !archive.equals(this.archive);
        if (next) {
            this.archive = archive;
            started = now;
        }
        if (done >= total) {
            line.clear();
            return;
        }
        line.show(() -> render(archive, done, total, (now - started) / 1e9, english), next);
    }

    /** The bar's text: cells filled in proportion, percentage, bytes and, after a moment, the speed. */
    static String render(String archive, long done, long total, double seconds, boolean english) {
        double fraction = total <= 0 ? 1 : Math.min(1, Math.max(0, (double) done / total));
        int filled = (int) Math.round(fraction * CELLS);
        StringBuilder b = new StringBuilder(archive).append(' ');
        b.append("█".repeat(filled)).append("░".repeat(CELLS - filled));
        b.append(String.format(Locale.ROOT, " %3d%%  %s / %s", (int) Math.floor(fraction * 100), Sizes.human(done), Sizes.human(total)));
        if (seconds >= 0.5 && done > 0) {
            b.append("  ").append(Msg.key("cli.progress.speed", Sizes.human((long) (done / seconds)))
                    .render(english ? Locale.ENGLISH : Locale.CHINESE));
        }
        return b.toString();
    }
}

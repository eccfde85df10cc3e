package zjlearn.cli;

import zjlearn.i18n.Msg;
import zjlearn.probe.Prober;
import zjlearn.scan.InputFile;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * "读取文件 37/160：杭州市/…" on one rewritten stderr line, at most ten times a second, only when
 * stderr is a terminal; cleared when done.
 */
final class ProgressLine implements Prober.Progress {
    private final TerminalLine line;
    private final boolean english;

    private ProgressLine(PrintWriter err, boolean english) {
        this.line = new TerminalLine(err);
        this.english = english;
    }

    /** A progress line on a terminal, or nothing when stderr is redirected or quiet was asked for. */
    static Prober.Progress forTerminal(PrintWriter err, boolean quiet, boolean english) {
        return quiet || !Terminal.stderr() ? Prober.Progress.NONE : new ProgressLine(err, english);
    }

    @Override
    public void fileDone(int done, int total, InputFile file) {
        if (done >= total) {
            line.clear();
            return;
        }
        line.show(() -> {
            String path = file.relPath();
            if (path.length() > 60) {
                path = "…" + path.substring(path.length() - 59);
            }
            return Msg.key("cli.progress.reading", String.valueOf(done), String.valueOf(total), path)
                    .render(english ? Locale.ENGLISH : Locale.CHINESE);
        }, false);
    }
}

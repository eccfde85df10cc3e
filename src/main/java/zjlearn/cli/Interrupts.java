package zjlearn.cli;

import zjlearn.PartialFiles;
import zjlearn.i18n.Msg;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Ctrl-C (SIGINT), a closed console window or {@code kill} (SIGTERM): the JVM runs this hook and exits with
 * 128 + the signal's number (130, 143). The hook deletes every part file the run was writing and says so.
 */
final class Interrupts {
    private static volatile boolean finished;

    private Interrupts() {
    }

    static void install(Locale locale) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            List<Path> removed = PartialFiles.abandonAll();
            if (finished) {
                return;
            }
            PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8));
            err.println();
            err.println(Msg.key("cli.interrupted").render(locale));
            if (!removed.isEmpty()) {
                err.println(Msg.key("cli.interrupted.deleted-partial", String.valueOf(removed.size()))
                        .render(locale));
                removed.forEach(p -> err.println("  " + p));
            }
            err.flush();
        }, "zjlearn-interrupt"));
    }

    /** The run ended by itself: the hook then only tidies up, silently. */
    static void finished() {
        finished = true;
    }
}

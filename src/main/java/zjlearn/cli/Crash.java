package zjlearn.cli;

import zjlearn.i18n.Msg;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * A bug in zjlearn (exit 4): the clerk reads one sentence in their language; the Java details (exception,
 * stack trace, versions) go to a file in the temporary folder that can be sent with the report.
 */
final class Crash {
    private Crash() {
    }

    static void report(Throwable e, PrintWriter err, Locale locale) {
        boolean memory = e instanceof OutOfMemoryError;
        Path file = write(e);
        if (memory) {
            err.println(Msg.key("cli.crash.out-of-memory")
                    .render(locale));
        } else {
            err.println(Msg.key("cli.crash.internal-error")
                    .render(locale));
        }
        if (file != null) {
            err.println(Msg.key("cli.crash.details-in-file", file, Main.ISSUES_URL)
                    .render(locale));
        } else {
            err.println(Msg.key("cli.crash.report-command", Main.ISSUES_URL).render(locale));
        }
        err.flush();
    }

    /** The details file, or null when even that cannot be written. */
    private static Path write(Throwable e) {
        StringWriter text = new StringWriter();
        PrintWriter w = new PrintWriter(text);
        w.println(new Main.Version().getVersion()[0] + ", Java " + System.getProperty("java.version") + " ("
                + System.getProperty("java.vendor") + "), " + System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        w.println("max heap: " + Runtime.getRuntime().maxMemory() / (1 << 20) + " MB, JVM options: "
                + java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments());
        e.printStackTrace(w);
        w.flush();
        try {
            String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
            Path dir = Path.of(System.getProperty("java.io.tmpdir"));
            Path file = dir.resolve("zjlearn-error-" + stamp + "-" + ProcessHandle.current().pid() + ".txt");
            Files.writeString(file, text.toString());
            return file;
        } catch (IOException | RuntimeException | Error ignored) {
            return null;
        }
    }
}

package zjlearn.cli;

import zjlearn.check.Msg;

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
            err.println(Msg.of("zjlearn：内存不足，检查没有完成。可以用环境变量 JAVA_OPTS 给程序更多内存，如 JAVA_OPTS=-Xmx2g。",
                    "zjlearn: out of memory; the run did not finish. Give it more memory with JAVA_OPTS, e.g. JAVA_OPTS=-Xmx2g.")
                    .render(locale));
        } else {
            err.println(Msg.of("zjlearn：程序内部错误，检查没有完成。这是程序的缺陷，不是您的材料有问题。",
                    "zjlearn: internal error; the run did not finish. This is a bug in zjlearn, not a problem with your material.")
                    .render(locale));
        }
        if (file != null) {
            err.println(Msg.of("详细信息已写入 {0}，请把这个文件和所用的命令一起报告到 {1}",
                    "The details are in {0}; please send that file and the command you ran to {1}", file, Main.ISSUES_URL)
                    .render(locale));
        } else {
            err.println(Msg.of("请把所用的命令报告到 {0}", "Please report the command you ran to {0}", Main.ISSUES_URL).render(locale));
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

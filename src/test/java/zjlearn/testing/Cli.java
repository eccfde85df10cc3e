package zjlearn.testing;

import zjlearn.cli.Main;

import java.io.PrintWriter;
import java.io.StringWriter;

/** A command line run in this JVM, as a clerk would type it: its exit code and what it printed on each stream. */
public final class Cli {
    private Cli() {
    }

    /** What one run gave: the exit code, standard output and standard error. */
    public record Run(int code, String out, String err) {
    }

    public static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }
}

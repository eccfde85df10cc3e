package zjlearn.cli;

import org.fusesource.jansi.internal.Kernel32;

import java.util.Locale;

/**
 * Windows consoles show ANSI escape codes as text unless a program turns on "virtual terminal processing"
 * (Windows 10 and later), and Java does not. This asks the console through Jansi's small native library:
 * whether stdout and stderr are consoles (so the progress line is drawn only there), turns VT processing on,
 * and in a shutdown hook (which also runs after Ctrl-C) restores the console's modes and the code page that
 * zjlearn.cmd found ({@code -Dzjlearn.console.cp}). Where the library cannot load or the console is older,
 * colours and the progress line are simply left out. Does nothing on other systems.
 */
final class WindowsConsole {
    private static final int ENABLE_VIRTUAL_TERMINAL_PROCESSING = 0x0004;

    private WindowsConsole() {
    }

    static void prepare() {
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows")) {
            return;
        }
        try {
            long out = Kernel32.GetStdHandle(Kernel32.STD_OUTPUT_HANDLE);
            long err = Kernel32.GetStdHandle(Kernel32.STD_ERROR_HANDLE);
            int[] outMode = new int[1];
            int[] errMode = new int[1];
            boolean outConsole = Kernel32.GetConsoleMode(out, outMode) != 0;
            boolean errConsole = Kernel32.GetConsoleMode(err, errMode) != 0;
            boolean vt = (!outConsole || Kernel32.SetConsoleMode(out, outMode[0] | ENABLE_VIRTUAL_TERMINAL_PROCESSING) != 0)
                    && (!errConsole || Kernel32.SetConsoleMode(err, errMode[0] | ENABLE_VIRTUAL_TERMINAL_PROCESSING) != 0);
            System.setProperty(Terminal.PROPERTY, String.valueOf(errConsole));
            System.setProperty(Terminal.ANSI, String.valueOf(vt));
            Integer codePage = Integer.getInteger("zjlearn.console.cp");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                if (outConsole) {
                    Kernel32.SetConsoleMode(out, outMode[0]);
                }
                if (errConsole) {
                    Kernel32.SetConsoleMode(err, errMode[0]);
                }
                if (codePage != null && codePage > 0) {
                    Kernel32.SetConsoleOutputCP(codePage);
                }
            }, "zjlearn-console"));
        } catch (Throwable e) { // no native library (blocked temp folder, unknown CPU): plain text, no progress line
            System.setProperty(Terminal.ANSI, "false");
            System.setProperty(Terminal.PROPERTY, "false");
        }
    }
}

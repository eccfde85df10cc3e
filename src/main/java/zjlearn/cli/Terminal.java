package zjlearn.cli;

/**
 * Whether stderr is a terminal, where progress lines may be drawn, and whether the terminal understands
 * ANSI escape codes (colours, erasing a line). Java cannot ask about stderr alone
 * ({@code System.console()} needs stdin and stdout to be terminals), so the Unix launcher tells it with
 * {@code -Dzjlearn.stderr.tty=true|false} (bash {@code [ -t 2 ]}); on Windows {@link WindowsConsole} asks
 * the console itself. Without either, the console decides.
 */
final class Terminal {
    static final String PROPERTY = "zjlearn.stderr.tty";
    /** {@code false} where escape codes would be shown as text (a Windows console without VT processing). */
    static final String ANSI = "zjlearn.ansi";

    private Terminal() {
    }

    static boolean stderr() {
        String told = System.getProperty(PROPERTY);
        return ansi() && (told != null ? Boolean.parseBoolean(told) : System.console() != null);
    }

    static boolean ansi() {
        return !"false".equals(System.getProperty(ANSI));
    }

    /** Colours in the report on stdout: a console that understands them, unless NO_COLOR or --no-color. */
    static boolean colourStdout() {
        return ansi() && System.console() != null && System.getenv("NO_COLOR") == null;
    }
}

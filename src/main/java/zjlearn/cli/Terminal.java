package zjlearn.cli;

/**
 * Whether stderr is a terminal, where progress lines may be drawn. Java cannot ask about stderr alone
 * ({@code System.console()} needs stdin and stdout to be terminals), so the launcher tells it with
 * {@code -Dzjlearn.stderr.tty=true|false} (bash {@code [ -t 2 ]}); without the launcher the console decides.
 */
final class Terminal {
    static final String PROPERTY = "zjlearn.stderr.tty";

    private Terminal() {
    }

    static boolean stderr() {
        String told = System.getProperty(PROPERTY);
        return told != null ? Boolean.parseBoolean(told) : System.console() != null;
    }
}

package zjlearn.cli;

import zjlearn.i18n.Bundles;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Every exit code zjlearn (and its launchers) can end with, defined once: the number, and its meaning in
 * {@code zjlearn/i18n/exit_*.properties}. {@code zjlearn --help} lists them through picocli's exit-code
 * list, and a test holds README's table to this enum.
 */
public enum ExitCode {
    /** No errors (warnings allowed); package: everything packaged; verify: all intact. */
    OK(0),
    /** Errors found; package: something left out; verify: problems; an output could not be written. */
    FINDINGS(1),
    /** Usage or rules-file error. */
    USAGE(2),
    /** Nothing to check: no submission found. */
    NOTHING(3),
    /** Internal error: a bug. */
    INTERNAL(4),
    /** The launcher could not start zjlearn: no Java 17 or newer (or, in a developer's checkout, the build failed). */
    LAUNCH(5),
    /** fix: no usable ffmpeg, so the videos were copied unconverted (the photos were converted). */
    NO_FFMPEG(6),
    /** Stopped by Ctrl-C (SIGINT); the JVM itself exits with 128 + the signal's number. */
    INTERRUPTED(130),
    /** Stopped by SIGTERM (a closed window, {@code kill}). */
    TERMINATED(143);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public String meaning(Locale locale) {
        return Bundles.format("exit." + name(this), locale);
    }

    /**
     * Code → meaning, in order, for picocli's exit-code list of a command: the codes the command can end
     * with, in its own words where the bundle has {@code exit.<command>.<code name>}; every code in the
     * general words for the top-level command ({@code command} null).
     */
    static Map<String, String> list(String command, Locale locale) {
        Map<String, String> map = new LinkedHashMap<>();
        for (ExitCode c : values()) {
            String specific = command == null ? null : "exit." + command + "." + name(c);
            if (command == null || Bundles.has(specific, locale)) {
                map.put(String.format(Locale.ROOT, "%3d", c.code),
                        command == null ? c.meaning(locale) : Bundles.format(specific, locale));
            }
        }
        return map;
    }

    private static String name(ExitCode c) {
        return c.name().toLowerCase(Locale.ROOT);
    }
}

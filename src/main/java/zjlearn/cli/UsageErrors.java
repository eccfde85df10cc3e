package zjlearn.cli;

import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import zjlearn.i18n.Msg;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Usage errors in the user's language instead of picocli's English: what is missing, unknown or wrong,
 * a "did you mean" for a mistyped command or option, and which help to read. Never an exception's text.
 */
final class UsageErrors implements CommandLine.IParameterExceptionHandler {
    private final PrintWriter err;
    private final Locale locale;

    UsageErrors(PrintWriter err, Locale locale) {
        this.err = err;
        this.locale = locale;
    }

    @Override
    public int handleParseException(ParameterException e, String[] args) {
        err.println("zjlearn" + (english() ? ": " : "：") + describe(e).render(locale));
        String help = e.getCommandLine().getCommandSpec().qualifiedName() + " --help";
        err.println(Msg.key("cli.usage.see-help", help).render(locale));
        err.flush();
        return ExitCode.USAGE.code();
    }

    private boolean english() {
        return "en".equals(locale.getLanguage());
    }

    Msg describe(ParameterException e) {
        CommandSpec spec = e.getCommandLine().getCommandSpec();
        if (e instanceof CommandLine.MissingParameterException missing) {
            List<ArgSpec> args = missing.getMissing() == null ? List.of() : missing.getMissing();
            List<ArgSpec> valueless = args.stream().filter(a -> a.isOption() && !a.required()).toList();
            if (!valueless.isEmpty()) { // an option given without its value, e.g. "--jobs" at the end
                return Msg.key("cli.usage.option-needs-value",
                        name(valueless.get(0)), expected(valueless.get(0)));
            }
            List<ArgSpec> options = args.stream().filter(ArgSpec::isOption).toList();
            if (!options.isEmpty()) {
                return Msg.key("cli.usage.missing-option", describeAll(options));
            }
            if (!args.isEmpty()) {
                return Msg.key("cli.usage.missing-parameter", describeAll(args));
            }
            return Msg.key("cli.usage.parameter-missing");
        }
        if (e instanceof CommandLine.UnmatchedArgumentException unmatched) {
            return unmatched(spec, unmatched.getUnmatched());
        }
        if (e instanceof CommandLine.OverwrittenOptionException overwritten && overwritten.getOverwritten() != null) {
            return Msg.key("cli.usage.option-once", name(overwritten.getOverwritten()));
        }
        ArgSpec arg = e.getArgSpec();
        if (arg != null && e.getValue() != null) {
            return Msg.key("cli.usage.invalid-value",
                    name(arg), e.getValue(), expected(arg));
        }
        if (arg != null) {
            return Msg.key("cli.usage.used-wrongly", name(arg));
        }
        return Msg.key("cli.usage.wrong-command-line");
    }

    private Msg unmatched(CommandSpec spec, List<String> words) {
        String word = words == null || words.isEmpty() ? "" : words.get(0);
        if (word.startsWith("-") && word.length() > 1) {
            String typed = word.contains("=") ? word.substring(0, word.indexOf('=')) : word;
            List<String> names = spec.options().stream().filter(o -> !o.hidden())
                    .flatMap(o -> Arrays.stream(o.names())).toList();
            return withSuggestion(Msg.key("cli.usage.unknown-option", typed), similar(typed, names));
        }
        if (!spec.subcommands().isEmpty() && spec.positionalParameters().isEmpty()) {
            Set<String> commands = spec.subcommands().entrySet().stream()
                    .filter(c -> !c.getValue().getCommandSpec().usageMessage().hidden())
                    .map(Map.Entry::getKey).collect(Collectors.toCollection(LinkedHashSet::new));
            return withSuggestion(Msg.key("cli.usage.unknown-command", word), similar(word, commands));
        }
        return Msg.key("cli.usage.unexpected-argument", String.join(" ", words));
    }

    private static Msg withSuggestion(Msg problem, List<String> suggestions) {
        if (suggestions.isEmpty()) {
            return problem;
        }
        return Msg.key("cli.usage.did-you-mean", problem, String.join("、", suggestions));
    }

    /** Names within a small edit distance of what was typed, nearest first (at most three). */
    static List<String> similar(String typed, java.util.Collection<String> names) {
        String t = typed.toLowerCase(Locale.ROOT);
        if (t.replace("-", "").length() < 2) {
            return List.of(); // "-x": any one-letter option would look near
        }
        int limit = Math.max(2, t.replace("-", "").length() / 3);
        List<String> near = new ArrayList<>();
        for (String n : names) {
            String low = n.toLowerCase(Locale.ROOT);
            if (distance(t, low) <= limit || low.startsWith(t) && t.replace("-", "").length() >= 2) {
                near.add(n);
            }
        }
        near.sort(Comparator.comparingInt(n -> distance(t, n.toLowerCase(Locale.ROOT))));
        return near.stream().distinct().limit(3).toList();
    }

    /** Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }

    private Msg describeAll(List<ArgSpec> args) {
        Msg all = null;
        for (ArgSpec a : args) {
            all = all == null ? describe(a) : Msg.key("cli.usage.list", all, describe(a));
        }
        return all == null ? Msg.literal("") : all;
    }

    /** "FOLDER（要检查的文件夹）" or "-o/--output DIR（输出文件夹）": the help's own words. */
    private Msg describe(ArgSpec a) {
        String label = a.isOption() ? String.join("/", ((OptionSpec) a).names()) + " " + a.paramLabel() : a.paramLabel();
        String[] description = a.description();
        if (description == null || description.length == 0 || description[0].isBlank()) {
            return Msg.literal(label);
        }
        return Msg.key("cli.usage.described", label, description[0]);
    }

    private static String name(ArgSpec a) {
        return a.isOption() ? ((OptionSpec) a).longestName() : a.paramLabel();
    }

    /** What a value of this option must look like. */
    static Msg expected(ArgSpec a) {
        Class<?> type = a.type();
        if (java.util.Map.class.isAssignableFrom(type) && a.auxiliaryTypes().length > 0) {
            Class<?> key = a.auxiliaryTypes()[0];
            if (key.isEnum()) {
                return Msg.key("cli.usage.expected.format", a.paramLabel(), choices(key));
            }
        }
        if (type.isEnum()) {
            return Msg.key("cli.usage.expected.one-of", choices(type));
        }
        if (type == Integer.class || type == int.class) {
            return Msg.key("cli.usage.expected.whole-number",
                    String.valueOf(PositiveInt.MIN), String.valueOf(PositiveInt.MAX));
        }
        if (type == LocalDate.class) {
            return Msg.key("cli.usage.expected.date", LocalDate.now().toString());
        }
        if (type == java.nio.file.Path.class || type == java.util.List.class) {
            return Msg.key("cli.usage.expected.path");
        }
        return Msg.literal(a.paramLabel());
    }

    private static String choices(Class<?> type) {
        return Arrays.stream(type.getEnumConstants()).map(String::valueOf).collect(Collectors.joining(", "));
    }

    /** Counts such as {@code --jobs}: whole numbers from 1 to 256; anything else is a usage error. */
    static final class PositiveInt implements CommandLine.ITypeConverter<Integer> {
        static final int MIN = 1;
        static final int MAX = 256;

        @Override
        public Integer convert(String value) {
            try {
                int n = Integer.parseInt(value.trim());
                if (n >= MIN && n <= MAX) {
                    return n;
                }
            } catch (NumberFormatException ignored) {
                // falls through to the refusal below
            }
            throw new CommandLine.TypeConversionException(value);
        }
    }

    /** Dates: picocli's own conversion would show the parser's English exception text. */
    static final class Date implements CommandLine.ITypeConverter<LocalDate> {
        @Override
        public LocalDate convert(String value) {
            try {
                return LocalDate.parse(value.trim());
            } catch (java.time.format.DateTimeParseException e) {
                throw new CommandLine.TypeConversionException(value);
            }
        }
    }
}

package zjlearn.cli;

import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import zjlearn.check.Msg;

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
        err.println(Msg.of("用法见 {0}", "See {0}", help).render(locale));
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
                return Msg.of("选项 {0} 后面缺少值（应为：{1}）", "option {0} needs a value ({1})",
                        name(valueless.get(0)), expected(valueless.get(0)));
            }
            List<ArgSpec> options = args.stream().filter(ArgSpec::isOption).toList();
            if (!options.isEmpty()) {
                return Msg.of("缺少必填的选项 {0}", "missing required option {0}", describeAll(options));
            }
            if (!args.isEmpty()) {
                return Msg.of("缺少参数 {0}", "missing parameter {0}", describeAll(args));
            }
            return Msg.of("缺少参数", "a parameter is missing");
        }
        if (e instanceof CommandLine.UnmatchedArgumentException unmatched) {
            return unmatched(spec, unmatched.getUnmatched());
        }
        if (e instanceof CommandLine.OverwrittenOptionException overwritten && overwritten.getOverwritten() != null) {
            return Msg.of("选项 {0} 只能给一次", "option {0} may be given only once", name(overwritten.getOverwritten()));
        }
        ArgSpec arg = e.getArgSpec();
        if (arg != null && e.getValue() != null) {
            return Msg.of("{0} 的值 “{1}” 不对，应为：{2}", "invalid value \"{1}\" for {0}: expected {2}",
                    name(arg), e.getValue(), expected(arg));
        }
        if (arg != null) {
            return Msg.of("{0} 用法不对", "{0} is used wrongly", name(arg));
        }
        return Msg.of("命令行有误", "the command line is wrong");
    }

    private Msg unmatched(CommandSpec spec, List<String> words) {
        String word = words == null || words.isEmpty() ? "" : words.get(0);
        if (word.startsWith("-") && word.length() > 1) {
            String typed = word.contains("=") ? word.substring(0, word.indexOf('=')) : word;
            List<String> names = spec.options().stream().filter(o -> !o.hidden())
                    .flatMap(o -> Arrays.stream(o.names())).toList();
            return withSuggestion(Msg.of("不认识的选项 “{0}”", "unknown option \"{0}\"", typed), similar(typed, names));
        }
        if (!spec.subcommands().isEmpty() && spec.positionalParameters().isEmpty()) {
            Set<String> commands = spec.subcommands().entrySet().stream()
                    .filter(c -> !c.getValue().getCommandSpec().usageMessage().hidden())
                    .map(Map.Entry::getKey).collect(Collectors.toCollection(LinkedHashSet::new));
            return withSuggestion(Msg.of("没有 “{0}” 这个命令", "there is no command \"{0}\"", word), similar(word, commands));
        }
        return Msg.of("多余的参数 “{0}”（如果路径中有空格，请用引号括起来）",
                "unexpected argument \"{0}\" (put a path with spaces in quotes)", String.join(" ", words));
    }

    private static Msg withSuggestion(Msg problem, List<String> suggestions) {
        if (suggestions.isEmpty()) {
            return problem;
        }
        return Msg.of("{0}。您是不是要输入：{1}", "{0}. Did you mean: {1}", problem, String.join("、", suggestions));
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
        List<Object> parts = new ArrayList<>();
        StringBuilder zh = new StringBuilder();
        StringBuilder en = new StringBuilder();
        for (ArgSpec a : args) {
            int i = parts.size();
            String sep = i == 0 ? "" : "、";
            zh.append(sep).append('{').append(i).append('}');
            en.append(i == 0 ? "" : ", ").append('{').append(i).append('}');
            parts.add(describe(a));
        }
        return new Msg(zh.toString(), en.toString(), parts);
    }

    /** "FOLDER（要检查的文件夹）" or "-o/--output DIR（输出文件夹）": the help's own words. */
    private Msg describe(ArgSpec a) {
        String label = a.isOption() ? String.join("/", ((OptionSpec) a).names()) + " " + a.paramLabel() : a.paramLabel();
        String[] description = a.description();
        if (description == null || description.length == 0 || description[0].isBlank()) {
            return Msg.literal(label);
        }
        return Msg.of("{0}（{1}）", "{0} ({1})", label, description[0]);
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
                return Msg.of("格式 {0}，其中格式可选 {1}", "{0}, where the format is one of {1}", a.paramLabel(), choices(key));
            }
        }
        if (type.isEnum()) {
            return Msg.of("以下之一：{0}", "one of {0}", choices(type));
        }
        if (type == Integer.class || type == int.class) {
            return Msg.of("{0} 到 {1} 之间的整数", "a whole number from {0} to {1}",
                    String.valueOf(PositiveInt.MIN), String.valueOf(PositiveInt.MAX));
        }
        if (type == LocalDate.class) {
            return Msg.of("存在的日期，格式为 年-月-日（如 2021-09-01）", "a real date written YYYY-MM-DD (e.g. 2021-09-01)");
        }
        if (type == java.nio.file.Path.class || type == java.util.List.class) {
            return Msg.of("文件或文件夹的路径（若路径中的汉字显示为乱码，请检查系统的语言和编码设置）",
                    "a path to a file or folder (if its characters show garbled, check the system's locale)");
        }
        return Msg.of("{0}", "{0}", a.paramLabel());
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

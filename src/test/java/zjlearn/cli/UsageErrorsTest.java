package zjlearn.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import zjlearn.testing.Cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static zjlearn.testing.Cli.run;

/** Usage errors as a clerk meets them: in their language, with a suggestion, never picocli's or Java's English. */
class UsageErrorsTest {
    @TempDir
    Path tmp;

    /** Words of picocli's and Java's own messages that must never reach the user. */
    static void noForeignText(String err) {
        assertThat(err).doesNotContain("Exception").doesNotContain("java.").doesNotContain("Missing required")
                .doesNotContain("Unknown option").doesNotContain("Unmatched argument").doesNotContain("Invalid value")
                .doesNotContain("could not be parsed");
    }

    @Test
    void aMissingFolderIsNamedWithTheHelpsOwnWords() {
        Cli.Run zh = run("validate");
        assertThat(zh.code()).isEqualTo(2);
        assertThat(zh.err()).contains("缺少参数 FOLDER（要检查的文件夹）").contains("用法见 zjlearn validate --help");
        noForeignText(zh.err());
        Cli.Run en = run("validate", "--lang", "en");
        assertThat(en.err()).contains("missing parameter FOLDER (folder to check)").contains("See zjlearn validate --help")
                .doesNotContain("缺少");
    }

    @Test
    void aMissingRequiredOptionIsNamed() {
        Cli.Run r = run("package", tmp.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("缺少必填的选项 -o/--output DIR");
        noForeignText(r.err());
    }

    @Test
    void aMistypedOptionGetsASuggestion() {
        Cli.Run zh = run("validate", tmp.toString(), "--strcit");
        assertThat(zh.code()).isEqualTo(2);
        assertThat(zh.err()).contains("不认识的选项 “--strcit”").contains("您是不是要输入：--strict");
        noForeignText(zh.err());
        Cli.Run en = run("validate", tmp.toString(), "--fromat", "json", "--lang", "en");
        assertThat(en.err()).contains("unknown option \"--fromat\"").contains("Did you mean: --format");
    }

    @Test
    void aMistypedCommandGetsASuggestionAtEveryLevel() {
        Cli.Run top = run("validat", "samples");
        assertThat(top.code()).isEqualTo(2);
        assertThat(top.err()).contains("没有 “validat” 这个命令").contains("您是不是要输入：validate").contains("用法见 zjlearn --help");
        noForeignText(top.err());
        Cli.Run nested = run("rules", "explan", "video.fps", "--lang", "en");
        assertThat(nested.err()).contains("there is no command \"explan\"").contains("Did you mean: explain")
                .contains("See zjlearn rules --help");
    }

    @Test
    void somethingFarFromEveryNameGetsNoSuggestion() {
        Cli.Run r = run("validate", tmp.toString(), "--zzzzzz");
        assertThat(r.err()).contains("不认识的选项 “--zzzzzz”").doesNotContain("您是不是");
    }

    @Test
    void jobsMustBeAPositiveCount() {
        for (String bad : List.of("0", "-3", "many", "100000")) {
            Cli.Run r = run("validate", tmp.toString(), "--jobs", bad);
            assertThat(r.code()).as(bad).isEqualTo(2);
            assertThat(r.err()).contains("--jobs 的值 “" + bad + "” 不对").contains("1 到 256 之间的整数");
            noForeignText(r.err());
        }
        assertThat(run("package", tmp.toString(), "-o", tmp.resolve("out").toString(), "--jobs", "0").err())
                .contains("--jobs 的值 “0” 不对");
    }

    @Test
    void anImpossibleDateIsAPlainUsageError() {
        Cli.Run zh = run("package", tmp.toString(), "-o", tmp.resolve("out").toString(), "--date", "2021-13-01");
        assertThat(zh.code()).isEqualTo(2);
        assertThat(zh.err()).contains("--date 的值 “2021-13-01” 不对").containsPattern("年-月-日（如 \\d{4}-\\d{2}-\\d{2}）")
                .doesNotContain("2021-09-01"); // an example of the syntax (today), not a campaign date
        noForeignText(zh.err());
        Cli.Run en = run("package", tmp.toString(), "-o", tmp.resolve("out").toString(), "--date", "2021-02-30", "--lang", "en");
        assertThat(en.err()).contains("invalid value \"2021-02-30\" for --date").contains("YYYY-MM-DD");
    }

    @Test
    void aWrongChoiceListsTheChoices() {
        Cli.Run r = run("validate", tmp.toString(), "--format", "xml");
        assertThat(r.err()).contains("--format 的值 “xml” 不对").contains("text, json, junit, sarif, html");
        Cli.Run report = run("validate", tmp.toString(), "--report", "pdf=out.pdf", "--lang", "en");
        assertThat(report.err()).contains("--report").contains("FORMAT=FILE");
        noForeignText(report.err());
        Cli.Run lang = run("validate", tmp.toString(), "--lang", "fr");
        assertThat(lang.code()).isEqualTo(2);
        assertThat(lang.err()).contains("--lang 的值 “fr” 不对").contains("zh, en");
    }

    @Test
    void anOptionGivenTwiceOrAnExtraArgumentIsNamed() {
        assertThat(run("validate", tmp.toString(), "--format", "json", "--format", "text").err())
                .contains("选项 --format 只能给一次");
        Cli.Run extra = run("validate", tmp.toString(), "多余");
        assertThat(extra.code()).isEqualTo(2);
        assertThat(extra.err()).contains("多余的参数 “多余”");
    }

    @Test
    void everyCommandTakesLang() throws IOException {
        Path rules = tmp.resolve("rules.yaml");
        Files.writeString(rules, CliTest.defaultRules());
        Files.copy(getClass().getResourceAsStream("/zjlearn/previous-winners.csv"), tmp.resolve("previous-winners.csv"));
        Cli.Run check = run("rules", "check", rules.toString(), "--lang", "en");
        assertThat(check.code()).isZero();
        assertThat(check.out()).contains("the rules file is correct");
        for (List<String> command : allCommands()) {
            List<String> args = new ArrayList<>(command);
            args.addAll(List.of("--help", "--lang", "en"));
            Cli.Run r = run(args.toArray(String[]::new));
            assertThat(r.code()).as(String.join(" ", command)).isZero();
            assertThat(r.out()).as(String.join(" ", command)).contains("--lang");
        }
    }

    @Test
    void everyHelpTheErrorsPointToExists() {
        for (List<String> command : allCommands()) {
            if (command.equals(List.of("generate-completion")) || command.equals(List.of("help"))) {
                continue; // picocli's own: they take any words (the command to help with, ignored arguments)
            }
            List<String> args = new ArrayList<>(command);
            args.add("--no-such-option");
            Cli.Run r = run(args.toArray(String[]::new));
            assertThat(r.code()).as(String.join(" ", command)).isEqualTo(2);
            String hint = r.err().lines().filter(l -> l.startsWith("用法见 ")).findFirst().orElseThrow();
            String[] help = hint.substring("用法见 zjlearn ".length()).trim().split(" ");
            assertThat(run(help).code()).as(hint).isZero();
        }
    }

    @Test
    void englishIsCompleteForMissingFoldersAndEmptyOnes() throws IOException {
        Cli.Run missing = run("validate", tmp.resolve("不存在").toString(), "--lang", "en");
        assertThat(missing.err()).contains("not found").doesNotContain("找不到");
        Files.writeString(Files.createDirectories(tmp.resolve("空")).resolve("a.txt"), "x");
        Cli.Run empty = run("validate", tmp.resolve("空").toString(), "--lang", "en");
        assertThat(empty.code()).isEqualTo(3);
        assertThat(empty.err()).contains("nothing to check").doesNotContain("没有找到").doesNotContain("请检查");
        Cli.Run pack = run("package", tmp.resolve("空").toString(), "-o", tmp.resolve("空/out").toString(), "--lang", "en");
        assertThat(pack.err()).contains("lies inside the input folder").doesNotContain("输出文件夹");
        Cli.Run inspect = run("inspect", tmp.resolve("无.docx").toString(), "--lang", "en");
        assertThat(inspect.err()).contains("not found").doesNotContain("找不到");
        Cli.Run explain = run("rules", "explain", "no.such", "--lang", "en");
        assertThat(explain.err()).contains("there is no rule").doesNotContain("没有规则");
    }

    @Test
    void aBugIsOneSentenceAndADetailsFile() {
        StringWriter err = new StringWriter();
        PrintWriter w = new PrintWriter(err);
        Crash.report(new IllegalStateException("boom"), w, Locale.SIMPLIFIED_CHINESE);
        assertThat(err.toString()).contains("程序内部错误").contains("详细信息已写入");
        noForeignText(err.toString());
        String file = err.toString().replaceAll("(?s).*详细信息已写入 (\\S+)，.*", "$1");
        try {
            assertThat(Files.readString(Path.of(file))).contains("IllegalStateException: boom").contains("at zjlearn.");
        } catch (IOException e) {
            throw new AssertionError(file, e);
        } finally {
            Path.of(file).toFile().delete();
        }
    }

    @Test
    void everyExitCodeIsInTheHelpAndTheReadme() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        String help = run("--help").out();
        assertThat(ExitCode.values()).hasSizeGreaterThan(5);
        for (ExitCode c : ExitCode.values()) {
            assertThat(readme).as(c.name()).contains("| " + c.code() + " |");
            assertThat(help).as(c.name()).containsPattern("(?m)^ *" + c.code() + "  ");
        }
    }

    @Test
    void editDistanceCountsSwapsAsOne() {
        assertThat(UsageErrors.distance("--strcit", "--strict")).isEqualTo(1);
        assertThat(UsageErrors.distance("validat", "validate")).isEqualTo(1);
        assertThat(UsageErrors.similar("pakage", List.of("validate", "package", "verify"))).containsExactly("package");
    }

    /** Every command and subcommand, as the words that name it ("rules", "check"). */
    static List<List<String>> allCommands() {
        List<List<String>> all = new ArrayList<>();
        collect(new CommandLine(new Main()), new ArrayList<>(), all);
        return all;
    }

    private static void collect(CommandLine cl, List<String> path, List<List<String>> all) {
        all.add(List.copyOf(path));
        cl.getSubcommands().forEach((name, sub) -> {
            List<String> next = new ArrayList<>(path);
            next.add(name);
            collect(sub, next, all);
        });
    }
}

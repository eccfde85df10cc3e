package zjlearn.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import zjlearn.rules.Rules;
import zjlearn.ValidationResult;
import zjlearn.i18n.Msg;
import zjlearn.report.ReportFormat;
import zjlearn.rules.Severity;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * What zjlearn.cmd runs when a folder (or anything else {@code validate} accepts) is dropped on it: validate
 * it exactly as {@code validate} does, write the web page report {@code 检查报告-<name>.html} beside it, open
 * that in the default browser and end with a one-line summary (the .cmd then waits for a key).
 * {@code -Dzjlearn.open=none} (or the environment variable {@code ZJLEARN_OPEN=none}) opens nothing;
 * any other value is a program run with the report's path instead of the system's browser.
 */
@Command(name = "drop", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
        header = "把文件夹拖到 zjlearn.cmd 图标上时运行：检查，写出网页报告并在浏览器中打开",
        description = {"对每个 PATH 做与 validate 相同的检查，把网页报告写在它旁边（检查报告-<名称>.html），",
                "用默认浏览器打开，最后显示一行汇总。"},
        footerHeading = "%n示例：%n",
        footer = {"  zjlearn drop 杭州市", "  把“杭州市”文件夹拖到 zjlearn.cmd 图标上（效果相同）"})
final class DropCommand implements Callable<Integer> {
    static final String OPEN_PROPERTY = "zjlearn.open";

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Parameters(arity = "0..*", paramLabel = "PATH", descriptionKey = "paths", description = "要检查的文件夹（可以有多个）")
    List<Path> paths = new ArrayList<>();

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        Locale locale = common.locale();
        if (paths.isEmpty()) { // the .cmd was double-clicked
            Rules rules = common.loadRules(err);
            if (rules == null) {
                return ExitCode.USAGE.code();
            }
            err.println(Msg.key("cli.drop.usage", CommonOptions.exampleUnit(rules)).render(locale));
            err.println(Msg.key("cli.drop.command-line").render(locale));
            err.flush();
            return ExitCode.OK.code();
        }
        int worst = ExitCode.OK.code();
        for (Path path : paths) {
            worst = Math.max(worst, dropOne(path, err, locale));
        }
        return worst;
    }

    private int dropOne(Path path, PrintWriter err, Locale locale) throws IOException {
        Path report = reportBeside(path);
        ValidateCommand validate = new ValidateCommand();
        validate.spec = spec;
        validate.common = common;
        validate.folder = path;
        validate.format = ReportFormat.html;
        validate.output = report;
        int code = validate.call();
        ValidationResult result = validate.result;
        if (result == null) {
            return code; // the reason has been printed (not found, nothing to check, rules file)
        }
        int total = result.validation().scan().submissions().size();
        long passed = result.passedCount();
        err.println(Msg.key("cli.drop.summary",
                String.valueOf(total), String.valueOf(passed), String.valueOf(total - passed),
                String.valueOf(result.count(Severity.ERROR)), String.valueOf(result.count(Severity.WARNING)), report)
                .render(locale));
        err.flush();
        open(report, err, locale);
        return code;
    }

    /** {@code 检查报告-<name>.html} in the folder that holds {@code path} ({@code .zip} and the like dropped from the name). */
    static Path reportBeside(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        String name = absolute.getFileName() == null ? "根目录" : absolute.getFileName().toString();
        if (Files.isRegularFile(absolute) && name.lastIndexOf('.') > 0) {
            name = name.substring(0, name.lastIndexOf('.'));
        }
        Path dir = absolute.getParent() == null ? absolute : absolute.getParent();
        return dir.resolve("检查报告-" + name + ".html");
    }

    /** Opens the report in the default browser; a failure is only a hint, the report is written. */
    private static void open(Path report, PrintWriter err, Locale locale) {
        String how = System.getProperty(OPEN_PROPERTY, System.getenv().getOrDefault("ZJLEARN_OPEN", ""));
        if (how.equals("none")) {
            return;
        }
        List<String> command = new ArrayList<>();
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (!how.isEmpty()) {
            command.add(how);
        } else if (os.startsWith("windows")) {
            command.addAll(List.of("rundll32", "url.dll,FileProtocolHandler")); // no cmd parsing of & or ^ in names
        } else if (os.contains("mac")) {
            command.add("open");
        } else {
            command.add("xdg-open");
        }
        command.add(report.toString());
        try {
            new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            err.println(Msg.key("cli.drop.no-browser", report).render(locale));
            err.flush();
        }
    }
}

package zjlearn.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import zjlearn.ValidationResult;
import zjlearn.i18n.Msg;
import zjlearn.report.ReportFormat;
import zjlearn.rules.Rules;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "validate", sortOptions = false, usageHelpAutoWidth = true, mixinStandardHelpOptions = true,
        header = "检查推荐材料，列出每个问题及修改方法",
        description = {"FOLDER 可以是全省根目录、一个单位、一个类别或一个推荐对象的文件夹。",
                "FOLDER may be the province root, a unit, a category or one submission folder."},
        footerHeading = "%n示例：%n",
        footer = {"  zjlearn validate samples",
                "  zjlearn validate 杭州市 --format json -o 杭州市.json",
                "  zjlearn validate samples --lang en --strict",
                "  zjlearn validate samples --format junit -o report.xml --report sarif=report.sarif"})
final class ValidateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Parameters(index = "0", paramLabel = "FOLDER", descriptionKey = "folder", description = "要检查的文件夹")
    Path folder;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "报告格式：text（默认）、json、junit、sarif")
    ReportFormat format;

    @Option(names = "--report", paramLabel = "FORMAT=FILE",
            description = "另外把某种格式的报告写入文件，可重复，如 --report junit=out.xml")
    java.util.Map<ReportFormat, Path> reports = new java.util.LinkedHashMap<>();

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "把报告写入文件（而不是屏幕）")
    Path output;

    @Option(names = "--strict", description = "警告也算不通过")
    boolean strict;

    @Option(names = "--jobs", paramLabel = "N", converter = UsageErrors.PositiveInt.class, description = "同时读取的文件数（默认为 CPU 核数）")
    Integer jobs;

    @Option(names = "--no-color", description = "不使用颜色")
    boolean noColor;

    @Option(names = "--timings", description = "在标准错误输出各阶段用时")
    boolean timings;

    @Option(names = {"-q", "--quiet"}, description = "不显示进度和提示，只输出报告")
    boolean quiet;

    /** The result once validated (DropCommand's summary), else null. */
    ValidationResult result;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Rules rules = common.loadRules(err);
        if (rules == null || !common.inputFound(folder, err)) {
            return ExitCode.USAGE.code();
        }
        int threads = CommonOptions.threads(jobs);
        ValidationResult result = common.validate(rules, threads, folder, err, quiet);
        if (result == null) {
            return ExitCode.NOTHING.code();
        }
        this.result = result;
        if (timings && !quiet) {
            ValidationResult.Timings t = result.timings();
            err.println(Msg.key("cli.validate.timings",
                    String.valueOf(java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime() - result.millis()),
                    String.valueOf(t.scanMillis()), String.valueOf(t.files()), String.valueOf(t.probeMillis()),
                    String.valueOf(threads), String.valueOf(t.checkMillis())).render(common.locale()));
        }
        String version = new Main.Version().getVersion()[0];
        for (java.util.Map.Entry<ReportFormat, Path> extra : reports.entrySet()) {
            zjlearn.AtomicFiles.writeString(extra.getValue(), extra.getKey().render(result, common.locale(), false, version));
            note(err, Msg.key("cli.validate.report-written", extra.getValue()).render(common.locale()));
        }
        String report = format.render(result, common.locale(), output == null && useColour(), version);
        if (output == null) {
            out.print(report);
            out.flush();
        } else {
            zjlearn.AtomicFiles.writeString(output, report);
            note(err, Msg.key("cli.validate.report-written", output).render(common.locale()));
        }
        return result.exitCode(strict);
    }

    private void note(PrintWriter err, String line) {
        if (!quiet) {
            err.println(line);
        }
    }

    private boolean useColour() {
        return !noColor && Terminal.colourStdout();
    }
}

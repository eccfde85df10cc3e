package zjlearn.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import zjlearn.ValidationResult;
import zjlearn.i18n.Msg;
import zjlearn.pack.PackagePlan;
import zjlearn.pack.PackageRun;
import zjlearn.report.PackageSummaryText;
import zjlearn.pack.Packager;
import zjlearn.rules.Rules;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "package", sortOptions = false, usageHelpAutoWidth = true, mixinStandardHelpOptions = true,
        header = "检查全省材料，把每个单位通过的推荐对象打成一个带校验值的压缩包",
        description = {"ROOT 为全省根目录或一个单位的文件夹。",
                "每个单位写出 DIR/<单位>.zip（BagIt 1.0 包），另有 DIR/汇总表.xlsx、DIR/report.json 和 DIR/report.html；",
                "不通过或超额的推荐对象不打包，并列出原因。"},
        footerHeading = "%n示例：%n",
        footer = {
                "  zjlearn package 全省材料 -o 打包结果",
                "  zjlearn package 全省材料 -o 打包结果 --dry-run",
                "  zjlearn package 全省材料 -o 打包结果 --force"})
final class PackageCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Parameters(index = "0", paramLabel = "ROOT", descriptionKey = "root", description = "全省根目录或单位文件夹")
    Path root;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", required = true,
            description = "输出文件夹（不能在 ROOT 之中）")
    Path output;

    @Option(names = "--force", description = "覆盖已有的压缩包、汇总表和报告")
    boolean force;

    @Option(names = "--dry-run", description = "只显示将要打包的内容，不写任何文件")
    boolean dryRun;

    @Option(names = "--strict", description = "有警告的推荐对象也不打包")
    boolean strict;

    @Option(names = "--classic-zip",
            description = "把每个文件的校验码和大小写在文件数据之前（传统写法，较慢），供只能按顺序流式读取 zip 的接收系统使用")
    boolean classicZip;

    @Option(names = "--jobs", paramLabel = "N", converter = UsageErrors.PositiveInt.class, description = "同时读取的文件数（默认为 CPU 核数）")
    Integer jobs;

    @Option(names = {"-q", "--quiet"}, description = "不显示进度，只输出汇总")
    boolean quiet;

    @Option(names = "--date", paramLabel = "YYYY-MM-DD", converter = UsageErrors.Date.class,
            description = "Bagging-Date（默认：该单位打包文件中最新的修改日期，北京时间；相同的输入因此得到相同的压缩包）")
    LocalDate date;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Locale locale = common.locale();
        Rules rules = common.loadRules(err);
        if (rules == null || !common.inputFound(root, err) || !common.outputAllowed(root, output, err)) {
            return ExitCode.USAGE.code();
        }
        int threads = CommonOptions.threads(jobs);
        note(err, Msg.key("cli.package.validating", root).render(locale));
        ValidationResult result = common.validate(rules, threads, root, err, quiet);
        if (result == null) {
            return ExitCode.NOTHING.code();
        }
        if (!PackagePlan.packageable(result.validation().scan().level())) {
            err.println(Msg.key("cli.package.not-a-root",
                    root).render(locale));
            return ExitCode.USAGE.code();
        }
        PackagePlan plan = PackagePlan.of(result, strict);
        note(err, Msg.key("cli.package.validated",
                String.valueOf(plan.outcomes().size()), String.valueOf(plan.count(PackagePlan.Status.ACCEPTED)),
                String.format(Locale.ROOT, "%.1f", result.millis() / 1000.0)).render(locale));
        PackageRun.Settings settings = new PackageRun.Settings(output, force, dryRun, date, agent(), locale, classicZip);
        List<Path> existing = PackageRun.existingOutputs(plan, output);
        if (!existing.isEmpty() && !force) {
            String where = dryRun ? Msg.key("cli.package.needs-force").render(locale) : "";
            err.println(Msg.key("cli.package.outputs-exist", where).render(locale));
            existing.forEach(p -> err.println("  " + p + (p.getFileName().toString().endsWith(".part")
                    ? Msg.key("cli.package.left-unfinished").render(locale) : "")));
            if (!dryRun) {
                err.println(Msg.key("cli.package.not-overwritten")
                        .render(locale));
                return ExitCode.USAGE.code();
            }
        }
        if (dryRun) {
            new PackageSummaryText(locale).print(PackageRun.summary(plan, null, settings), out);
            return plan.complete() ? ExitCode.OK.code() : ExitCode.FINDINGS.code();
        }
        Packager.Meter bar = ProgressBar.forTerminal(err, quiet, common.lang == CommonOptions.Lang.en);
        PackageRun.Result written = PackageRun.run(plan, settings, m -> {
            ProgressBar.beforeLine(bar);
            note(err, m.render(locale));
        }, bar);
        new PackageSummaryText(locale).print(PackageRun.summary(plan, written, settings), out);
        return written.exitCode();
    }

    /** Progress and notes on stderr, unless --quiet; problems are always printed. */
    private void note(PrintWriter err, String line) {
        if (!quiet) {
            err.println(line);
            err.flush();
        }
    }

    static String agent() {
        String v = Main.class.getPackage().getImplementationVersion();
        return "zjlearn " + (v == null ? "dev" : v);
    }
}

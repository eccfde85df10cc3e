package zjlearn.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import zjlearn.i18n.Msg;
import zjlearn.pack.BagVerifier;
import zjlearn.report.Sizes;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "verify", sortOptions = false, usageHelpAutoWidth = true, mixinStandardHelpOptions = true,
        header = "核对压缩包（或解开的文件夹）在传送中是否有遗失或改动",
        description = {"逐个核对 BagIt 包：bagit.txt、清单、Payload-Oxum、每个文件的校验值、",
                "缺少或多出的文件、越出包外的路径，列出全部问题。",
                "ARCHIVE 为 zjlearn package 写出的 .zip，FOLDER 为解开后的包。"},
        footerHeading = "%n示例：%n",
        footer = {
                "  zjlearn verify 打包结果/杭州市.zip",
                "  zjlearn verify 打包结果/*.zip --fast"})
final class VerifyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--lang", paramLabel = "zh|en", defaultValue = "zh",
            description = "报告语言：zh 中文（默认）或 en 英文")
    CommonOptions.Lang lang;

    @Parameters(arity = "1..*", paramLabel = "ARCHIVE|FOLDER", descriptionKey = "targets", description = "压缩包或文件夹")
    List<Path> targets;

    @Option(names = "--fast", description = "只核对 Payload-Oxum 和文件清单，不计算校验值")
    boolean fast;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Locale locale = CommonOptions.locale(lang);
        for (Path target : targets) {
            if (!Files.exists(target)) {
                err.println(Msg.key("cli.verify.not-found", target).render(locale));
                return ExitCode.USAGE.code();
            }
        }
        boolean allOk = true;
        for (Path target : targets) {
            long start = System.nanoTime();
            BagVerifier.Report report = BagVerifier.verify(target, fast);
            double seconds = (System.nanoTime() - start) / 1e9;
            String what = fast ? Msg.key("cli.verify.fast").render(locale)
                    : Msg.key("cli.verify.all-checksums").render(locale);
            if (report.ok()) {
                out.println(Msg.key("cli.verify.ok", target, String.valueOf(report.files()),
                        Sizes.human(report.bytes()), what, String.format(Locale.ROOT, "%.1f", seconds)).render(locale));
            } else {
                allOk = false;
                out.println(Msg.key("cli.verify.problems", target,
                        String.valueOf(report.problems().size())).render(locale));
                for (BagVerifier.Problem p : report.problems()) {
                    out.println("  - " + p.render(locale));
                }
            }
            out.flush();
        }
        return allOk ? ExitCode.OK.code() : ExitCode.FINDINGS.code();
    }
}

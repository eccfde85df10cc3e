package zjlearn.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import zjlearn.rules.RuleCatalog;
import zjlearn.rules.RuleMeanings;
import zjlearn.rules.Rules;
import zjlearn.rules.RulesException;
import zjlearn.rules.RulesLoader;
import zjlearn.rules.Severity;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "rules", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
        header = "查看规则或检查规则文件",
        subcommands = {RulesCommand.ListRules.class, RulesCommand.CheckRules.class, RulesCommand.ExplainRule.class})
final class RulesCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            header = "列出每条规则及其严重程度和含义")
    static final class ListRules implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        CommonOptions common;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            Rules rules = common.loadRules(spec.commandLine().getErr());
            if (rules == null) {
                return Main.EXIT_USAGE;
            }
            boolean en = common.lang == CommonOptions.Lang.en;
            for (String id : RuleCatalog.ids()) {
                Severity s = RuleCatalog.effective(rules, id);
                String severity = switch (s) {
                    case ERROR -> en ? "error" : "错误";
                    case WARNING -> en ? "warning" : "警告";
                    case OFF -> en ? "off" : "关闭";
                };
                out.printf("%-32s %-8s %s%n", id, severity, RuleMeanings.meaning(id, common.locale()));
            }
            out.flush();
            return Main.EXIT_OK;
        }
    }

    @Command(name = "explain", mixinStandardHelpOptions = true,
            header = "说明一条规则检查什么、当前参数和怎样修改",
            footerHeading = "%n示例：%n", footer = {"  zjlearn rules explain video.fps", "  zjlearn rules explain quota.exceeded --lang en"})
    static final class ExplainRule implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        CommonOptions common;

        @Parameters(paramLabel = "ID", descriptionKey = "id", description = "规则编号，如 video.fps")
        String id;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            Rules rules = common.loadRules(spec.commandLine().getErr());
            if (rules == null) {
                return Main.EXIT_USAGE;
            }
            if (!RuleCatalog.exists(id)) {
                spec.commandLine().getErr().println("zjlearn：没有规则“" + id + "”；zjlearn rules list 列出全部规则（unknown rule）");
                spec.commandLine().getErr().flush();
                return Main.EXIT_USAGE;
            }
            zjlearn.rules.RuleExplainer.explain(rules, id, common.locale()).forEach(out::println);
            out.flush();
            return Main.EXIT_OK;
        }
    }

    @Command(name = "check", mixinStandardHelpOptions = true,
            header = "检查规则文件的写法")
    static final class CheckRules implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "FILE", descriptionKey = "file", description = "规则文件")
        Path file;

        @Override
        public Integer call() {
            try {
                Rules rules = RulesLoader.load(file);
                spec.commandLine().getOut().printf("%s：规则文件正确（%d 个单位，%d 个类别，%d 张表格）。%n", file,
                        rules.units().size(), rules.categories().size(), rules.forms().size());
                spec.commandLine().getOut().flush();
                return Main.EXIT_OK;
            } catch (RulesException e) {
                CommonOptions.printRulesProblems(e, spec.commandLine().getErr());
                return Main.EXIT_USAGE;
            }
        }
    }
}

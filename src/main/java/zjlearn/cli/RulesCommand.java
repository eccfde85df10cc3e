package zjlearn.cli;

import zjlearn.i18n.Msg;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import zjlearn.i18n.Bundles;
import zjlearn.rules.Rule;
import zjlearn.rules.RuleExplainer;
import zjlearn.rules.RuleTable;
import zjlearn.rules.Rules;
import zjlearn.rules.RulesException;
import zjlearn.rules.RulesLoader;
import zjlearn.rules.Severity;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
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

        @picocli.CommandLine.Option(names = "--markdown", descriptionKey = "markdown",
                description = "输出 Markdown 表格（README 的规则表即由此生成）")
        boolean markdown;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            Rules rules = common.loadRules(spec.commandLine().getErr());
            if (rules == null) {
                return ExitCode.USAGE.code();
            }
            (markdown ? RuleTable.markdown(rules, common.locale()) : RuleTable.text(rules, common.locale())).forEach(out::println);
            out.flush();
            return ExitCode.OK.code();
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
                return ExitCode.USAGE.code();
            }
            Optional<Rule> rule = Rule.byId(id);
            if (rule.isEmpty()) {
                spec.commandLine().getErr().println(Bundles.format("rule.explain.unknown", common.locale(), id));
                spec.commandLine().getErr().flush();
                return ExitCode.USAGE.code();
            }
            RuleExplainer.explain(rules, rule.get(), common.locale()).forEach(out::println);
            out.flush();
            return ExitCode.OK.code();
        }
    }

    @Command(name = "check", mixinStandardHelpOptions = true,
            header = "检查规则文件的写法")
    static final class CheckRules implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "FILE", descriptionKey = "file", description = "规则文件")
        Path file;

        @picocli.CommandLine.Option(names = "--lang", paramLabel = "zh|en", defaultValue = "zh",
                description = "提示的语言：zh 中文（默认）或 en 英文")
        CommonOptions.Lang lang;

        @Override
        public Integer call() {
            java.util.Locale locale = CommonOptions.locale(lang);
            try {
                Rules rules = RulesLoader.load(file);
                spec.commandLine().getOut().println(zjlearn.i18n.Msg.key("cli.rules.check.ok", file,
                        String.valueOf(rules.units().size()), String.valueOf(rules.categories().size()),
                        String.valueOf(rules.forms().size())).render(locale));
                spec.commandLine().getOut().flush();
                return ExitCode.OK.code();
            } catch (RulesException e) {
                CommonOptions.printRulesProblems(e, spec.commandLine().getErr(), locale);
                return ExitCode.USAGE.code();
            }
        }
    }
}

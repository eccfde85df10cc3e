package zjlearn.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;

@Command(name = "zjlearn", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        sortOptions = false, usageHelpAutoWidth = true,
        header = "检查和打包浙江省“百姓学习之星”“终身学习品牌项目”推荐材料",
        description = "检查推荐材料，按城市打包合格材料，核对收到的压缩包。",
        subcommands = {ValidateCommand.class, PackageCommand.class, VerifyCommand.class, InspectCommand.class,
                RulesCommand.class, picocli.AutoComplete.GenerateCompletion.class, CommandLine.HelpCommand.class},
        footerHeading = "%n退出码：%n",
        footer = {"  0  没有错误（可有警告）；package：全部已打包；verify：全部完好",
                "  1  发现错误；package：有推荐对象未打包；verify：发现问题",
                "  2  用法或规则文件错误",
                "  3  没有找到可检查的推荐材料",
                "  4  程序内部错误"})
public final class Main implements Runnable {
    public static final int EXIT_OK = 0;
    public static final int EXIT_FINDINGS = 1;
    public static final int EXIT_USAGE = 2;
    public static final int EXIT_NOTHING = 3;
    public static final int EXIT_INTERNAL = 4;
    public static final String ISSUES_URL = "https://github.com/zjlearn/zjlearn/issues";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Option(names = "--lang", paramLabel = "zh|en", description = "帮助和报告的语言：zh 中文（默认）或 en 英文")
    String lang;

    public static void main(String[] args) {
        System.exit(run(args, stdout(), stderr()));
    }

    /** Runs a command line; the streams are where the report and the log lines go. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        quietLibraries();
        CommandLine cli = new CommandLine(new Main());
        cli.setResourceBundle(helpBundle(wantsEnglish(args)));
        cli.getSubcommands().get("generate-completion").getCommandSpec().usageMessage().hidden(false);
        cli.setOut(out);
        cli.setErr(err);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            IOException io = e instanceof IOException i ? i : e instanceof java.io.UncheckedIOException u ? u.getCause() : null;
            if (io != null) {
                // A full disk or a missing permission is no bug: say what it is, and that the run did not finish.
                err.println("zjlearn：" + zjlearn.IoErrors.explain(io).render(wantsEnglish(args) ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE));
                err.println(wantsEnglish(args) ? "The run did not finish; no partial file was left under a final name."
                        : "本次运行没有完成；没有留下写了一半的文件。");
                err.flush();
                return EXIT_FINDINGS;
            }
            err.println("zjlearn：程序内部错误（internal error）：" + e);
            err.println("这是程序的缺陷，不是您的材料有问题。请把以上信息和所用命令报告到 " + ISSUES_URL);
            StackTraceElement[] trace = e.getStackTrace();
            for (int i = 0; i < Math.min(5, trace.length); i++) {
                err.println("    at " + trace[i]);
            }
            err.flush();
            return EXIT_INTERNAL;
        });
        cli.setParameterExceptionHandler((e, a) -> {
            err.println("zjlearn：" + e.getMessage());
            err.println("用法见 zjlearn " + subcommandName(e.getCommandLine()) + "--help");
            err.flush();
            return EXIT_USAGE;
        });
        int code = cli.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /** Help texts: Chinese by default (the annotations), English from Help_en with --lang en. */
    static ResourceBundle helpBundle(boolean english) {
        return ResourceBundle.getBundle("zjlearn.cli.Help", english ? Locale.ENGLISH : Locale.ROOT,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    static boolean wantsEnglish(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--lang=en") || args[i].equals("--lang") && i + 1 < args.length && args[i + 1].equals("en")) {
                return true;
            }
        }
        return false;
    }

    private static String subcommandName(CommandLine cl) {
        return cl.getParent() == null ? "" : cl.getCommandName() + " ";
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static PrintWriter stdout() {
        return new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
    }

    static PrintWriter stderr() {
        return new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
    }

    /** POI (log4j-api) and PDFBox (commons-logging → JUL) must not print to the user's terminal. */
    static void quietLibraries() {
        System.setProperty("log4j2.loggerContextFactory", "org.apache.logging.log4j.simple.SimpleLoggerContextFactory");
        System.setProperty("log4j2.simplelogLevel", "OFF");
        System.setProperty("org.apache.logging.log4j.simplelog.StatusLogger.level", "OFF");
        System.setProperty("log4j2.statusLoggerLevel", "OFF");
        System.setProperty("java.awt.headless", "true");
        LogManager.getLogManager().reset();
        Logger.getLogger("").setLevel(Level.OFF);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"zjlearn " + (v == null ? "dev" : v)};
        }
    }
}

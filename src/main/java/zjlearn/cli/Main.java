package zjlearn.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import zjlearn.i18n.Msg;
import zjlearn.i18n.Bundles;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;

@Command(name = "zjlearn", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        sortOptions = false, usageHelpAutoWidth = true,
        header = "检查和打包浙江省“百姓学习之星”“终身学习品牌项目”推荐材料",
        description = "检查推荐材料，按城市打包合格材料，核对收到的压缩包。",
        subcommands = {ValidateCommand.class, DropCommand.class, PackageCommand.class, FixCommand.class, VerifyCommand.class, InspectCommand.class,
                RulesCommand.class, picocli.AutoComplete.GenerateCompletion.class, CommandLine.HelpCommand.class},
        footerHeading = "")
public final class Main implements Runnable {
    public static final String ISSUES_URL = "https://github.com/zjlearn/zjlearn/issues";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Option(names = "--lang", paramLabel = "zh|en", description = "帮助和报告的语言：zh 中文（默认）或 en 英文")
    CommonOptions.Lang lang;

    public static void main(String[] args) {
        Interrupts.install(wantsEnglish(args) ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE);
        WindowsConsole.prepare();
        int code = run(args, stdout(), stderr());
        Interrupts.finished();
        System.exit(code);
    }

    /** Runs a command line; the streams are where the report and the log lines go. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        Locale locale = wantsEnglish(args) ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
        try {
            quietLibraries();
            CommandLine cli = new CommandLine(new Main());
            cli.setResourceBundle(helpBundle(wantsEnglish(args)));
            cli.getSubcommands().get("generate-completion").getCommandSpec().usageMessage().hidden(false);
            cli.getCommandSpec().usageMessage().exitCodeListHeading(Bundles.format("exit.heading", locale))
                    .exitCodeList(ExitCode.list(null, locale));
            for (String command : List.of("package", "verify")) {
                cli.getSubcommands().get(command).getCommandSpec().usageMessage()
                        .exitCodeListHeading(Bundles.format("exit.heading", locale)).exitCodeList(ExitCode.list(command, locale));
            }
            addLanguageOption(cli);
            cli.setOut(out);
            cli.setErr(err);
            cli.setCaseInsensitiveEnumValuesAllowed(true);
            cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> failure(e, err, locale));
            cli.setParameterExceptionHandler(new UsageErrors(err, locale));
            return cli.execute(args);
        } catch (Throwable e) { // an Error (out of memory, a missing class) passes picocli's handler
            return failure(e, err, locale);
        } finally {
            out.flush();
            err.flush();
        }
    }

    /** A failed run: an I/O failure is explained, anything else is a bug whose details go to a file. */
    private static int failure(Throwable e, PrintWriter err, Locale locale) {
        IOException io = e instanceof IOException i ? i : e instanceof java.io.UncheckedIOException u ? u.getCause() : null;
        if (io != null) {
            // A full disk or a missing permission is no bug: say what it is, and that the run did not finish.
            err.println("zjlearn：" + zjlearn.IoErrors.explain(io).render(locale));
            err.println(Msg.key("cli.run-unfinished").render(locale));
            err.flush();
            return ExitCode.FINDINGS.code();
        }
        Crash.report(e, err, locale);
        return ExitCode.INTERNAL.code();
    }

    /** Every command takes --lang, even those without other options (rules, rules check, help, generate-completion). */
    private static void addLanguageOption(CommandLine cl) {
        if (cl.getCommandSpec().findOption("--lang") == null) {
            cl.getCommandSpec().addOption(CommandLine.Model.OptionSpec.builder("--lang").paramLabel("zh|en")
                    .type(CommonOptions.Lang.class).descriptionKey("lang")
                    .description("帮助和报告的语言：zh 中文（默认）或 en 英文").build());
        }
        cl.getSubcommands().values().forEach(Main::addLanguageOption);
    }

    /** Help texts: Chinese by default (the annotations), English from Help_en with --lang en. */
    static ResourceBundle helpBundle(boolean english) {
        return ResourceBundle.getBundle("zjlearn.cli.Help", english ? Locale.ENGLISH : Locale.ROOT,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    static boolean wantsEnglish(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equalsIgnoreCase("--lang=en")
                    || args[i].equals("--lang") && i + 1 < args.length && args[i + 1].equalsIgnoreCase("en")) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static PrintWriter stdout() {
        return new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
    }

    /** stderr, silent once an interrupt's clean-up has run (a half-done step's failure is no news then). */
    static PrintWriter stderr() {
        java.io.OutputStream quiet = new java.io.FilterOutputStream(System.err) {
            @Override
            public void write(int b) throws IOException {
                if (!zjlearn.PartialFiles.stopping()) {
                    out.write(b);
                }
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                if (!zjlearn.PartialFiles.stopping()) {
                    out.write(b, off, len);
                }
            }
        };
        return new PrintWriter(new OutputStreamWriter(quiet, StandardCharsets.UTF_8), true);
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

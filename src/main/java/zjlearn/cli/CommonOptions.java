package zjlearn.cli;

import picocli.CommandLine.Option;
import zjlearn.ValidationResult;
import zjlearn.Validator;
import zjlearn.archive.ArchiveMounter;
import zjlearn.i18n.Msg;
import zjlearn.pack.PackageRun;
import zjlearn.rules.Rules;
import zjlearn.rules.RulesException;
import zjlearn.rules.RulesLoader;
import zjlearn.scan.Scanner;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Options every command shares (the rules file and the language), and the first steps that validate, package
 * and fix share: load the rules, find the input, refuse an output inside it, validate it with the progress line.
 */
final class CommonOptions {
    enum Lang { zh, en }

    @Option(names = "--rules", paramLabel = "FILE",
            description = "规则文件（默认使用内置的 rules.yaml）")
    Path rules;

    @Option(names = "--previous-winners", paramLabel = "CSV",
            description = "往年认定名单（CSV：年份,类别,名称,单位,身份证号码），代替规则文件中 eligibility.previousWinners.file 指定的名单")
    Path previousWinners;

    @Option(names = "--lang", paramLabel = "zh|en", defaultValue = "zh",
            description = "报告语言：zh 中文（默认）或 en 英文")
    Lang lang;

    Locale locale() {
        return locale(lang);
    }

    /** The rules in force, or null after printing what is wrong with the file. */
    Rules loadRules(PrintWriter err) {
        try {
            Rules loaded = rules == null ? RulesLoader.loadDefault() : RulesLoader.load(rules);
            return previousWinners == null ? loaded : RulesLoader.withPreviousWinners(loaded, previousWinners);
        } catch (RulesException e) {
            printRulesProblems(e, err, locale());
            return null;
        }
    }

    /** Whether {@code input} is a folder or an archive that can be read; if not, says it was not found. */
    boolean inputFound(Path input, PrintWriter err) {
        if (Files.isDirectory(input) || ArchiveMounter.isArchiveFile(input)) {
            return true;
        }
        err.println(Msg.key("cli.folder-not-found", input).render(locale()));
        return false;
    }

    /**
     * Whether {@code output} may be written for {@code input} (it does not lie inside it: the next run would read
     * what this one wrote); if not, says why.
     */
    boolean outputAllowed(Path input, Path output, PrintWriter err) throws IOException {
        Msg problem = PackageRun.outputProblem(input, output);
        if (problem == null) {
            return true;
        }
        err.println("zjlearn：" + problem.render(locale()));
        return false;
    }

    /** How many files are read at once: {@code --jobs}, else one per CPU core. */
    static int threads(Integer jobs) {
        return jobs != null ? jobs : Runtime.getRuntime().availableProcessors();
    }

    /**
     * Validates {@code input} with the progress line on the terminal (none when {@code quiet}), or returns null
     * after explaining exit 3: nothing to check was found in it.
     */
    ValidationResult validate(Rules rules, int threads, Path input, PrintWriter err, boolean quiet) throws IOException {
        try {
            return new Validator(rules, threads).validate(input, ProgressLine.forTerminal(err, quiet, lang == Lang.en));
        } catch (Scanner.NothingToCheckException e) {
            nothingToCheck(input, rules, err, locale());
            return null;
        }
    }

    static Locale locale(Lang lang) {
        return lang == Lang.en ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
    }

    /** Exit 3's explanation: what was expected in the folder. */
    static void nothingToCheck(Path folder, Rules rules, PrintWriter err, Locale locale) {
        err.println(Msg.key("cli.nothing-to-check", folder).render(locale));
        err.println(Msg.key("cli.nothing-to-check.layout", exampleUnit(rules), exampleCategory(rules)).render(locale));
        err.flush();
    }

    /** The rules file's first unit, named as an example of a folder name. */
    static String exampleUnit(Rules rules) {
        return rules.units().isEmpty() ? "" : rules.units().get(0).name();
    }

    /** The rules file's first category's folder name, as an example. */
    static String exampleCategory(Rules rules) {
        return rules.categories().values().stream().findFirst().map(Rules.CategoryDef::name).orElse("");
    }

    static void printRulesProblems(RulesException e, PrintWriter err, Locale locale) {
        err.println(Msg.key("cli.rules-file.mistakes").render(locale));
        e.problems().forEach(p -> err.println("  " + p.render(locale)));
        err.flush();
    }
}

package zjlearn.cli;

import picocli.CommandLine.Option;
import zjlearn.rules.Rules;
import zjlearn.rules.RulesException;
import zjlearn.rules.RulesLoader;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;

/** Options every command shares: the rules file and the language. */
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
        return lang == Lang.en ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
    }

    /** The rules in force, or null after printing what is wrong with the file. */
    Rules loadRules(PrintWriter err) {
        try {
            Rules loaded = rules == null ? RulesLoader.loadDefault() : RulesLoader.load(rules);
            return previousWinners == null ? loaded : RulesLoader.withPreviousWinners(loaded, previousWinners);
        } catch (RulesException e) {
            printRulesProblems(e, err);
            return null;
        }
    }

    static void printRulesProblems(RulesException e, PrintWriter err) {
        err.println("zjlearn：规则文件有误（rules file error）：");
        e.problems().forEach(p -> err.println("  " + p));
        err.flush();
    }
}

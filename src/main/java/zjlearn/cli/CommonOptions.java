package zjlearn.cli;

import picocli.CommandLine.Option;
import zjlearn.check.Msg;
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

    static Locale locale(Lang lang) {
        return lang == Lang.en ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
    }

    /** Exit 3's explanation: what was expected in the folder. */
    static void nothingToCheck(Path folder, PrintWriter err, Locale locale) {
        err.println(Msg.of("zjlearn：在 “{0}” 中没有找到推荐材料。", "zjlearn: no submission found in \"{0}\" (nothing to check).",
                folder).render(locale));
        err.println(Msg.of("请检查文件夹结构：单位文件夹（如“杭州市”）→ 类别文件夹（如“百姓学习之星”）→ 每个推荐对象一个文件夹。",
                "Expected: a unit folder (e.g. 杭州市) → a category folder (e.g. 百姓学习之星) → one folder per submission.")
                .render(locale));
        err.flush();
    }

    static void printRulesProblems(RulesException e, PrintWriter err, Locale locale) {
        err.println(Msg.of("zjlearn：规则文件有误：", "zjlearn: the rules file has mistakes:").render(locale));
        e.problems().forEach(p -> err.println("  " + p));
        err.flush();
    }
}

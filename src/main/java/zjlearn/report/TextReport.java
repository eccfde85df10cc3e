package zjlearn.report;

import zjlearn.ValidationResult;
import zjlearn.check.Finding;
import zjlearn.rules.Rules;
import zjlearn.rules.Severity;
import zjlearn.scan.Submission;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The report a clerk reads in a terminal: grouped by unit → category → submission, in Chinese by default. */
public final class TextReport {
    private static final String RESET = "\u001B[0m";
    private static final String RED = "\u001B[31m";
    private static final String YELLOW = "\u001B[33m";
    private static final String GREEN = "\u001B[32m";
    private static final String BOLD = "\u001B[1m";
    private static final String DIM = "\u001B[2m";

    private final ValidationResult result;
    private final Labels l;
    private final boolean colour;
    private final PrintWriter out;

    private TextReport(ValidationResult result, Locale locale, boolean colour, PrintWriter out) {
        this.result = result;
        this.l = new Labels(locale);
        this.colour = colour;
        this.out = out;
    }

    public static void write(ValidationResult result, Locale locale, boolean colour, PrintWriter out) {
        new TextReport(result, locale, colour, out).write();
        out.flush();
    }

    private String c(String code, String text) {
        return colour ? code + text + RESET : text;
    }

    private void write() {
        Rules rules = result.validation().rules();
        out.println(c(BOLD, l.t("zjlearn 检查报告 —— {0}", "zjlearn report — {0}", rules.campaign().name())));
        out.println(l.t("检查目录：{0}", "Folder: {0}", result.validation().scan().root()));
        UnitSections layout = UnitSections.of(result);
        for (UnitSections.Section unit : layout.sections()) {
            out.println();
            String unitName = unit.unit().isEmpty() ? l.t("（未知单位）", "(unknown unit)") : unit.unit();
            out.println(c(BOLD, "━━ " + unitName + " ━━"));
            Rules.UnitDef unitDef = UnitSections.unitDef(rules, unit.unit());
            Map<String, List<Submission>> categories = unit.byCategory();
            for (Map.Entry<String, List<Submission>> cat : categories.entrySet()) {
                Rules.CategoryDef category = rules.category(cat.getKey());
                String name = l.english() && category.nameEn() != null ? category.nameEn() : category.name();
                out.println("  " + c(BOLD, name) + "  " + quota(unitDef, cat.getValue().size(), categories));
                cat.getValue().forEach(this::submission);
            }
            if (!unit.otherFindings().isEmpty()) {
                out.println("  " + c(BOLD, l.t("本单位的其他问题", "Other findings of this unit")));
                unit.otherFindings().forEach(f -> finding(f, "    "));
            }
        }
        List<Finding> general = layout.general();
        if (!general.isEmpty()) {
            out.println();
            out.println(c(BOLD, l.t("其他问题（不属于单个推荐对象）", "Other findings (not tied to one submission)")));
            general.forEach(f -> finding(f, "  "));
        }
        out.println();
        long errors = result.count(Severity.ERROR);
        long warnings = result.count(Severity.WARNING);
        int total = result.validation().scan().submissions().size();
        long passed = result.passedCount();
        String summary = l.t("汇总：共 {0} 个推荐对象，通过 {1} 个，不通过 {2} 个；错误 {3} 个，警告 {4} 个。",
                "Summary: {0} submissions, {1} passed, {2} failed; {3} errors, {4} warnings.",
                String.valueOf(total), String.valueOf(passed), String.valueOf(total - passed),
                String.valueOf(errors), String.valueOf(warnings));
        if (result.millis() >= 0) {
            // a report written into an archive has no timing (millis < 0): the same input gives the same bytes
            summary += l.t("用时 {0} 秒。", " Took {0} s.", String.format(Locale.ROOT, "%.1f", result.millis() / 1000.0));
        }
        out.println(c(errors > 0 ? RED + BOLD : GREEN + BOLD, summary));
    }

    private String quota(Rules.UnitDef unit, int count, Map<String, List<Submission>> categories) {
        if (unit == null) {
            return l.t("（{0} 个）", "({0})", String.valueOf(count));
        }
        if (unit.quotaPerCategory() != null) {
            String text = l.t("（{0} 个，名额 {1} 个）", "({0}, quota {1})", String.valueOf(count), String.valueOf(unit.quotaPerCategory()));
            return count > unit.quotaPerCategory() ? c(RED, text + l.t(" 超出名额", " over quota")) : text;
        }
        int total = categories.values().stream().mapToInt(List::size).sum();
        String text = l.t("（{0} 个，两类合计名额 {1} 个）", "({0}, quota {1} for both categories)", String.valueOf(count),
                String.valueOf(unit.quotaTotal()));
        return total > unit.quotaTotal() ? c(RED, text + l.t(" 超出名额", " over quota")) : text;
    }

    private void submission(Submission s) {
        List<Finding> findings = result.findingsOf(s);
        long errors = findings.stream().filter(Finding::isError).count();
        long warnings = findings.size() - errors;
        String national = s.national() ? l.t(" [推荐全国]", " [national]") : "";
        if (errors == 0) {
            String tail = warnings == 0 ? l.t("通过", "passed") : l.t("通过（{0} 个警告）", "passed ({0} warning(s))", String.valueOf(warnings));
            out.println("    " + c(GREEN, "✔ " + s.title()) + national + "  " + tail);
        } else {
            out.println("    " + c(RED, "✘ " + s.title()) + national + "  "
                    + c(RED, l.t("不通过（{0} 个错误，{1} 个警告）", "failed ({0} error(s), {1} warning(s))",
                    String.valueOf(errors), String.valueOf(warnings))));
        }
        findings.forEach(f -> finding(f, "      "));
    }

    private void finding(Finding f, String indent) {
        String tag = f.severity() == Severity.ERROR ? c(RED, "[" + l.severity(f.severity()) + "]")
                : c(YELLOW, "[" + l.severity(f.severity()) + "]");
        out.println(indent + tag + " " + l.render(f.message()));
        String pad = indent + "    ";
        if (f.file() != null) {
            out.println(pad + c(DIM, l.t("位置：", "Where: ") + f.file()));
        }
        List<String> parts = new ArrayList<>();
        if (f.expected() != null) {
            parts.add(l.t("要求：", "Expected: ") + l.render(f.expected()));
        }
        if (f.actual() != null && !l.render(f.actual()).equals(f.file())) {
            parts.add(l.t("实际：", "found: ") + l.render(f.actual()));
        }
        if (!parts.isEmpty()) {
            out.println(pad + String.join(l.t("；", "; "), parts));
        }
        if (f.fix() != null) {
            out.println(pad + l.t("修改：", "Fix: ") + l.render(f.fix()));
        }
        out.println(pad + c(DIM, l.t("规则：", "Rule: ") + f.rule().id()));
    }
}

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
        out.println(c(BOLD, l.text("report.text.title", rules.campaign().name())));
        out.println(l.text("report.folder", result.validation().scan().root()));
        UnitSections layout = UnitSections.of(result);
        for (UnitSections.Section unit : layout.sections()) {
            out.println();
            String unitName = unit.unit().isEmpty() ? l.text("report.unknown-unit") : unit.unit();
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
                out.println("  " + c(BOLD, l.text("report.unit-findings")));
                unit.otherFindings().forEach(f -> finding(f, "    "));
            }
        }
        List<Finding> general = layout.general();
        if (!general.isEmpty()) {
            out.println();
            out.println(c(BOLD, l.text("report.text.general-findings")));
            general.forEach(f -> finding(f, "  "));
        }
        out.println();
        long errors = result.count(Severity.ERROR);
        long warnings = result.count(Severity.WARNING);
        int total = result.validation().scan().submissions().size();
        long passed = result.passedCount();
        String summary = l.text("report.text.summary",
                String.valueOf(total), String.valueOf(passed), String.valueOf(total - passed),
                String.valueOf(errors), String.valueOf(warnings));
        if (result.millis() >= 0) {
            // a report written into an archive has no timing (millis < 0): the same input gives the same bytes
            summary += l.text("report.text.took", String.format(Locale.ROOT, "%.1f", result.millis() / 1000.0));
        }
        out.println(c(errors > 0 ? RED + BOLD : GREEN + BOLD, summary));
    }

    private String quota(Rules.UnitDef unit, int count, Map<String, List<Submission>> categories) {
        if (unit == null) {
            return l.text("report.text.count", String.valueOf(count));
        }
        if (unit.quotaPerCategory() != null) {
            String text = l.text("report.text.count-quota", String.valueOf(count), String.valueOf(unit.quotaPerCategory()));
            return count > unit.quotaPerCategory() ? c(RED, text + l.text("report.text.over-quota")) : text;
        }
        int total = categories.values().stream().mapToInt(List::size).sum();
        String text = l.text("report.text.count-quota-all", String.valueOf(count),
                String.valueOf(unit.quotaTotal()));
        return total > unit.quotaTotal() ? c(RED, text + l.text("report.text.over-quota")) : text;
    }

    private void submission(Submission s) {
        List<Finding> findings = result.findingsOf(s);
        long errors = findings.stream().filter(Finding::isError).count();
        long warnings = findings.size() - errors;
        String national = s.national() ? l.text("report.text.national") : "";
        if (errors == 0) {
            String tail = warnings == 0 ? l.text("report.text.passed") : l.text("report.text.passed-warnings", String.valueOf(warnings));
            out.println("    " + c(GREEN, "✔ " + s.title()) + national + "  " + tail);
        } else {
            out.println("    " + c(RED, "✘ " + s.title()) + national + "  "
                    + c(RED, l.text("report.text.failed",
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
            out.println(pad + c(DIM, l.text("report.text.where") + f.file()));
        }
        List<String> parts = new ArrayList<>();
        if (f.expected() != null) {
            parts.add(l.text("report.text.expected") + l.render(f.expected()));
        }
        if (f.actual() != null && !l.render(f.actual()).equals(f.file())) {
            parts.add(l.text("report.text.found") + l.render(f.actual()));
        }
        if (!parts.isEmpty()) {
            out.println(pad + String.join(l.text("report.text.separator"), parts));
        }
        if (f.fix() != null) {
            out.println(pad + l.text("report.text.fix") + l.render(f.fix()));
        }
        out.println(pad + c(DIM, l.text("report.text.rule") + f.rule().id()));
    }
}

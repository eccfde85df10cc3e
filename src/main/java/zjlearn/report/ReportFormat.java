package zjlearn.report;

import zjlearn.ValidationResult;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Locale;

/** The report formats, each rendered to text in one place so that commands stay thin. */
public enum ReportFormat {
    text, json, junit, sarif, html;

    /**
     * @param colour ANSI colours (text format on a terminal only)
     */
    public String render(ValidationResult result, Locale locale, boolean colour, String version) {
        StringWriter buffer = new StringWriter();
        PrintWriter out = new PrintWriter(buffer);
        try {
            switch (this) {
                case text -> TextReport.write(result, locale, colour, out);
                case json -> JsonReport.write(result, locale, out);
                case junit -> JunitReport.write(result, locale, out);
                case sarif -> SarifReport.write(result, locale, version, out);
                case html -> HtmlReport.write(result, locale, out);
            }
        } catch (Exception e) {
            throw new IllegalStateException("could not render the " + this + " report", e);
        }
        out.flush();
        return buffer.toString();
    }

    /** The format a file name suggests (report.xml → junit), or null. */
    public static ReportFormat byExtension(String fileName) {
        String name = fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".json")) {
            return name.endsWith(".sarif.json") ? sarif : json;
        }
        if (name.endsWith(".sarif")) {
            return sarif;
        }
        if (name.endsWith(".xml")) {
            return junit;
        }
        if (name.endsWith(".html") || name.endsWith(".htm")) {
            return html;
        }
        if (name.endsWith(".txt")) {
            return text;
        }
        return null;
    }
}

package zjlearn.report;

import zjlearn.ValidationResult;
import zjlearn.check.Finding;
import zjlearn.rules.Rules;
import zjlearn.scan.Submission;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * JUnit XML as CI servers read it: one testsuite per unit, one testcase per submission, a
 * {@code <failure>} per error finding, warnings in {@code <system-out>}. Findings that belong to no
 * submission form a testsuite of their own.
 */
public final class JunitReport {
    private JunitReport() {
    }

    public static void write(ValidationResult result, Locale locale, Writer out) throws XMLStreamException {
        Labels l = new Labels(locale);
        Rules rules = result.validation().rules();
        Map<String, List<Submission>> byUnit = new LinkedHashMap<>();
        for (Submission s : result.validation().scan().submissions()) {
            byUnit.computeIfAbsent(s.unit() == null ? l.text("report.junit.unknown-unit") : s.unit(), k -> new ArrayList<>()).add(s);
        }
        XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
        xml.writeStartDocument("UTF-8", "1.0");
        xml.writeCharacters("\n");
        xml.writeStartElement("testsuites");
        xml.writeAttribute("name", "zjlearn");
        long failures = result.findings().stream().filter(Finding::isError).count();
        xml.writeAttribute("tests", String.valueOf(result.validation().scan().submissions().size() + generalCases(result)));
        xml.writeAttribute("failures", String.valueOf(failures));
        xml.writeAttribute("errors", "0");
        xml.writeAttribute("time", seconds(result.millis()));
        for (Map.Entry<String, List<Submission>> unit : byUnit.entrySet()) {
            List<Submission> subs = unit.getValue();
            long unitFailures = subs.stream().mapToLong(s -> result.findingsOf(s).stream().filter(Finding::isError).count()).sum();
            suite(xml, unit.getKey(), subs.size(), unitFailures);
            for (Submission s : subs) {
                String category = rules.category(s.category()).name();
                testcase(xml, unit.getKey() + "." + category, s.title(), result.findingsOf(s), l);
            }
            xml.writeEndElement();
        }
        List<Finding> general = result.generalFindings();
        if (!general.isEmpty()) {
            suite(xml, l.text("report.junit.general-suite"), general.size(), general.stream().filter(Finding::isError).count());
            for (Finding f : general) {
                testcase(xml, "zjlearn." + f.rule().id(), f.file() == null ? f.rule().id() : f.file(), List.of(f), l);
            }
            xml.writeEndElement();
        }
        xml.writeEndElement();
        xml.writeEndDocument();
        xml.flush();
    }

    private static int generalCases(ValidationResult result) {
        return result.generalFindings().size();
    }

    private static void suite(XMLStreamWriter xml, String name, int tests, long failures) throws XMLStreamException {
        xml.writeCharacters("\n  ");
        xml.writeStartElement("testsuite");
        xml.writeAttribute("name", name);
        xml.writeAttribute("tests", String.valueOf(tests));
        xml.writeAttribute("failures", String.valueOf(failures));
        xml.writeAttribute("errors", "0");
        xml.writeAttribute("skipped", "0");
    }

    private static void testcase(XMLStreamWriter xml, String classname, String name, List<Finding> findings, Labels l)
            throws XMLStreamException {
        xml.writeCharacters("\n    ");
        xml.writeStartElement("testcase");
        xml.writeAttribute("classname", classname);
        xml.writeAttribute("name", name);
        StringBuilder warnings = new StringBuilder();
        for (Finding f : findings) {
            if (f.isError()) {
                xml.writeCharacters("\n      ");
                xml.writeStartElement("failure");
                xml.writeAttribute("type", f.rule().id());
                xml.writeAttribute("message", l.render(f.message()));
                xml.writeCharacters(details(f, l));
                xml.writeEndElement();
            } else {
                warnings.append("[").append(l.severity(f.severity())).append("] ").append(f.rule().id()).append(": ")
                        .append(details(f, l)).append('\n');
            }
        }
        if (!warnings.isEmpty()) {
            xml.writeCharacters("\n      ");
            xml.writeStartElement("system-out");
            xml.writeCharacters(warnings.toString());
            xml.writeEndElement();
        }
        xml.writeCharacters("\n    ");
        xml.writeEndElement();
    }

    private static String details(Finding f, Labels l) {
        StringBuilder sb = new StringBuilder(l.render(f.message()));
        if (f.file() != null) {
            sb.append('\n').append(l.text("report.junit.where")).append(f.file());
        }
        if (f.expected() != null) {
            sb.append('\n').append(l.text("report.junit.expected")).append(l.render(f.expected()));
        }
        if (f.actual() != null) {
            sb.append('\n').append(l.text("report.junit.found")).append(l.render(f.actual()));
        }
        if (f.fix() != null) {
            sb.append('\n').append(l.text("report.junit.fix")).append(l.render(f.fix()));
        }
        return sb.toString();
    }

    private static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.3f", millis / 1000.0);
    }
}

package zjlearn.report;

import zjlearn.i18n.Msg;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import zjlearn.ValidationResult;
import zjlearn.check.Finding;
import zjlearn.probe.ProbedFile;
import zjlearn.rules.Severity;
import zjlearn.scan.Submission;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;

/** The machine-readable report, schema {@code zjlearn-report/1} of DESIGN.md. */
public final class JsonReport {
    public static final String SCHEMA = "zjlearn-report/1";
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    private JsonReport() {
    }

    public static ObjectNode toJson(ValidationResult result, Locale locale) {
        Labels l = new Labels(locale);
        ObjectNode root = MAPPER.createObjectNode();
        root.put("schema", SCHEMA);
        root.put("campaign", result.validation().rules().campaign().name());
        root.put("root", result.validation().scan().root().toString());
        root.put("level", result.validation().scan().level().name().toLowerCase(Locale.ROOT));
        ObjectNode summary = root.putObject("summary");
        int total = result.validation().scan().submissions().size();
        long passed = result.passedCount();
        summary.put("submissions", total);
        summary.put("passed", passed);
        summary.put("failed", total - passed);
        summary.put("errors", result.count(Severity.ERROR));
        summary.put("warnings", result.count(Severity.WARNING));
        ArrayNode submissions = root.putArray("submissions");
        for (Submission s : result.validation().scan().submissions()) {
            ObjectNode node = submissions.addObject();
            if (s.unit() == null) {
                node.putNull("unit");
            } else {
                node.put("unit", s.unit());
            }
            node.put("category", s.category());
            node.put("title", s.title());
            node.put("path", s.path());
            node.put("national", s.national());
            node.put("status", result.passed(s) ? "passed" : "failed");
            ArrayNode files = node.putArray("files");
            for (ProbedFile f : result.validation().files(s)) {
                ObjectNode file = files.addObject();
                file.put("path", f.file().relPath());
                if (f.role() == null) {
                    file.putNull("role");
                } else {
                    file.put("role", f.role());
                }
                file.put("type", f.type().id());
                file.put("size", f.file().size());
            }
            findings(node.putArray("findings"), result.findingsOf(s), l);
        }
        findings(root.putArray("findings"), result.generalFindings(), l);
        return root;
    }

    private static void findings(ArrayNode array, List<Finding> findings, Labels l) {
        for (Finding f : findings) {
            ObjectNode node = array.addObject();
            node.put("rule", f.rule().id());
            node.put("severity", f.severity().id());
            if (f.file() == null) {
                node.putNull("file");
            } else {
                node.put("file", f.file());
            }
            node.put("message", l.render(f.message()));
            putText(node, "expected", f.expected(), l);
            putText(node, "actual", f.actual(), l);
            putText(node, "fix", f.fix(), l);
        }
    }

    private static void putText(ObjectNode node, String name, zjlearn.i18n.Msg msg, Labels l) {
        if (msg == null) {
            node.putNull(name);
        } else {
            node.put(name, l.render(msg));
        }
    }

    public static void write(ValidationResult result, Locale locale, Writer out) throws IOException {
        MAPPER.writeValue(out, toJson(result, locale));
        out.write(System.lineSeparator());
        out.flush();
    }
}

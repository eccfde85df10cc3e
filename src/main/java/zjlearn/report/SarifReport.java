package zjlearn.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import zjlearn.ValidationResult;
import zjlearn.check.Finding;
import zjlearn.rules.Rule;
import zjlearn.rules.Rules;
import zjlearn.rules.Severity;

import java.io.IOException;
import java.io.Writer;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** SARIF 2.1.0, the static-analysis format code-scanning services display. */
public final class SarifReport {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    private SarifReport() {
    }

    public static ObjectNode toJson(ValidationResult result, Locale locale, String version) {
        Labels l = new Labels(locale);
        ObjectNode root = MAPPER.createObjectNode();
        root.put("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
        root.put("version", "2.1.0");
        ObjectNode run = root.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "zjlearn");
        driver.put("version", version);
        driver.put("informationUri", "https://github.com/zjlearn/zjlearn");
        ArrayNode rules = driver.putArray("rules");
        Rules campaign = result.validation().rules();
        for (Rule definition : Rule.values()) {
            ObjectNode rule = rules.addObject();
            rule.put("id", definition.id());
            rule.putObject("shortDescription").put("text", definition.meaning(campaign, locale));
            rule.putObject("help").put("text", definition.fix(campaign, locale));
            rule.putObject("defaultConfiguration").put("level", level(definition.effective(campaign)));
        }
        URI base = result.validation().scan().root().toUri();
        run.putObject("originalUriBaseIds").putObject("ROOT").put("uri", base.toString());
        ArrayNode results = run.putArray("results");
        for (Finding f : result.findings()) {
            ObjectNode r = results.addObject();
            r.put("ruleId", f.rule().id());
            r.put("ruleIndex", f.rule().ordinal());
            r.put("level", level(f.severity()));
            StringBuilder text = new StringBuilder(l.render(f.message()));
            if (f.fix() != null) {
                text.append(l.text("report.sarif.fix")).append(l.render(f.fix()));
            }
            r.putObject("message").put("text", text.toString());
            String where = f.file() != null ? f.file() : f.submission();
            if (where != null && !where.equals(".")) {
                ObjectNode artifact = r.putArray("locations").addObject().putObject("physicalLocation")
                        .putObject("artifactLocation");
                artifact.put("uri", uriPath(where));
                artifact.put("uriBaseId", "ROOT");
            }
            ObjectNode properties = r.putObject("properties");
            if (f.expected() != null) {
                properties.put("expected", l.render(f.expected()));
            }
            if (f.actual() != null) {
                properties.put("actual", l.render(f.actual()));
            }
            if (f.submission() != null) {
                properties.put("submission", f.submission());
            }
        }
        return root;
    }

    private static String level(Severity s) {
        return switch (s) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case OFF -> "none";
        };
    }

    /** A relative URI reference: each path segment percent-encoded (Chinese names included). */
    static String uriPath(String relPath) {
        StringBuilder sb = new StringBuilder();
        for (String segment : relPath.split("/")) {
            if (!sb.isEmpty()) {
                sb.append('/');
            }
            sb.append(encode(segment));
        }
        return sb.toString();
    }

    private static String encode(String segment) {
        StringBuilder sb = new StringBuilder();
        for (byte b : segment.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "-._~".indexOf(c) >= 0) {
                sb.append((char) c);
            } else {
                sb.append('%').append(String.format("%02X", c));
            }
        }
        return sb.toString();
    }

    public static void write(ValidationResult result, Locale locale, String version, Writer out) throws IOException {
        MAPPER.writeValue(out, toJson(result, locale, version));
        out.write(System.lineSeparator());
        out.flush();
    }
}

package zjlearn.pack;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import zjlearn.ValidationResult;
import zjlearn.i18n.Msg;
import zjlearn.report.JsonReport;
import zjlearn.scan.Submission;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

/**
 * The JSON of a packaging run: the {@code zjlearn-report/1} report plus a {@code package} section
 * listing, per unit, the archive (name, SHA-256, size, Payload-Oxum, Bagging-Date), the accepted
 * submissions and the rejected ones with their reason (the first error) and every rule id.
 */
public final class PackageReport {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    private PackageReport() {
    }

    /** The province report with the package section (DIR/report.json). */
    public static String province(PackagePlan plan, List<Packager.UnitResult> results, Locale locale) {
        ObjectNode root = JsonReport.toJson(plan.result(), locale);
        ObjectNode pack = root.putObject("package");
        pack.put("strict", plan.strict());
        ObjectNode summary = pack.putObject("summary");
        summary.put("units", plan.units().stream().filter(u -> u.unit() != null).count());
        summary.put("archives", results.stream().filter(r -> r.error() == null).count());
        summary.put("accepted", plan.count(PackagePlan.Status.ACCEPTED));
        summary.put("rejected", plan.count(PackagePlan.Status.REJECTED));
        summary.put("overQuota", plan.count(PackagePlan.Status.OVER_QUOTA));
        ArrayNode units = pack.putArray("units");
        for (PackagePlan.UnitPlan unit : plan.units()) {
            Packager.UnitResult result = results.stream().filter(r -> r.plan() == unit).findFirst().orElse(null);
            unit(units.addObject(), unit, result, true, locale);
        }
        ArrayNode leftOut = pack.putArray("leftOut");
        for (zjlearn.check.Finding f : plan.leftOut()) {
            ObjectNode n = leftOut.addObject();
            n.put("path", f.file());
            n.put("rule", f.rule().id());
            n.put("reason", render(f.message(), locale));
            n.put("fix", render(f.fix(), locale));
        }
        return write(root);
    }

    /** The unit's report inside its bag: the unit's validation and its package section, without the archive's own hash. */
    static String bag(ValidationResult unitView, PackagePlan.UnitPlan unit, Packager.BagFacts facts, boolean strict,
                      Locale locale) {
        ObjectNode root = JsonReport.toJson(unitView, locale);
        ObjectNode pack = root.putObject("package");
        pack.put("strict", strict);
        ObjectNode node = pack.putArray("units").addObject();
        unit(node, unit, null, false, locale);
        node.put("payloadOxum", facts.payloadOxum());
        node.put("baggingDate", facts.baggingDate().toString());
        return write(root);
    }

    private static void unit(ObjectNode node, PackagePlan.UnitPlan unit, Packager.UnitResult result, boolean withArchive,
                             Locale locale) {
        putNullable(node, "unit", unit.unit());
        node.put("packaged", unit.packaged() && (result == null || result.error() == null));
        putNullable(node, "archive", unit.packaged() ? unit.archiveName() : null);
        if (withArchive) {
            putNullable(node, "sha256", result == null ? null : result.sha256());
            if (result != null && result.error() == null) {
                node.put("size", result.size());
                node.put("files", unit.payload().size());
                node.put("payloadOxum", result.facts().payloadOxum());
                node.put("baggingDate", result.facts().baggingDate().toString());
            }
            putNullable(node, "error", result == null ? null : result.error());
        }
        ArrayNode accepted = node.putArray("accepted");
        for (PackagePlan.Outcome o : unit.accepted()) {
            submission(accepted.addObject(), o.submission());
        }
        ArrayNode rejected = node.putArray("rejected");
        for (PackagePlan.Outcome o : unit.notAccepted()) {
            ObjectNode r = rejected.addObject();
            submission(r, o.submission());
            r.put("status", o.status().id());
            r.put("reason", render(o.reason(), locale));
            r.put("fix", render(o.fix(), locale));
            ArrayNode rules = r.putArray("rules");
            o.rules().forEach(rule -> rules.add(rule.id()));
        }
        ArrayNode excluded = node.putArray("excluded");
        unit.excluded().forEach(m -> excluded.add(render(m, locale)));
    }

    private static void submission(ObjectNode node, Submission s) {
        node.put("path", s.path());
        node.put("category", s.category());
        node.put("title", s.title());
    }

    private static void putNullable(ObjectNode node, String name, String value) {
        if (value == null) {
            node.putNull(name);
        } else {
            node.put(name, value);
        }
    }

    private static String render(Msg msg, Locale locale) {
        return msg == null ? "" : msg.render(locale);
    }

    private static String write(ObjectNode root) {
        try {
            return MAPPER.writeValueAsString(root) + "\n";
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

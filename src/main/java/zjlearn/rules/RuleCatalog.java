package zjlearn.rules;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Every rule id zjlearn knows, with its default severity. Meanings live in the message bundles. */
public final class RuleCatalog {
    private static final Map<String, Severity> DEFAULTS = new LinkedHashMap<>();

    static {
        String[][] table = {
                {"layout.unknown-file", "warning"}, {"layout.temp-file", "warning"},
                {"layout.unknown-unit", "error"}, {"layout.empty", "error"},
                {"layout.unplaced", "error"}, {"layout.archive", "error"}, {"layout.duplicate-version", "error"},
                {"layout.nested-folder", "warning"}, {"layout.national-misplaced", "error"},
                {"file.type-mismatch", "warning"}, {"file.type-not-allowed", "error"},
                {"file.unreadable", "error"}, {"file.encrypted", "error"}, {"file.empty", "error"},
                {"file.too-large", "error"}, {"file.missing-end", "warning"},
                {"archive.unsafe-entry", "error"}, {"archive.too-large", "error"}, {"archive.nested", "error"},
                {"files.count", "error"}, {"files.too-many", "error"},
                {"form.field-missing", "error"}, {"form.field-invalid", "error"},
                {"text.length", "error"},
                {"image.not-id-photo", "error"}, {"image.resolution", "warning"}, {"image.aspect", "warning"},
                {"image.grayscale", "error"}, {"image.screenshot", "warning"},
                {"video.container", "error"}, {"video.codec", "error"}, {"video.resolution", "error"},
                {"video.scan", "error"}, {"video.fps", "error"}, {"video.duration", "error"},
                {"video.audio", "warning"},
                {"quota.exceeded", "error"},
                {"eligibility.cadre", "warning"}, {"eligibility.previous-winner", "error"},
                {"eligibility.previous-winner-name", "warning"},
                {"eligibility.participants", "error"}, {"eligibility.project-age", "error"},
                {"eligibility.project-name", "error"}, {"eligibility.project-name-suffix", "warning"},
                {"consistency.name-mismatch", "error"}, {"consistency.registration-list", "error"},
                {"consistency.duplicate", "error"}, {"consistency.duplicate-name", "warning"},
                {"consistency.unit-mismatch", "error"},
                {"check.not-run", "warning"},
        };
        for (String[] row : table) {
            DEFAULTS.put(row[0], Severity.valueOf(row[1].toUpperCase(java.util.Locale.ROOT)));
        }
    }

    private RuleCatalog() {
    }

    /** Rule ids in a stable, documented order. */
    public static Iterable<String> ids() {
        return DEFAULTS.keySet();
    }

    public static boolean exists(String id) {
        return DEFAULTS.containsKey(id);
    }

    public static Severity defaultSeverity(String id) {
        return Optional.ofNullable(DEFAULTS.get(id))
                .orElseThrow(() -> new IllegalArgumentException("unknown rule id " + id));
    }

    /** The severity in force: the rules file's override, else the default. */
    public static Severity effective(Rules rules, String id) {
        return rules.severityOverride(id).orElse(defaultSeverity(id));
    }
}

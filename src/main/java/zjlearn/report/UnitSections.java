package zjlearn.report;

import zjlearn.ValidationResult;
import zjlearn.check.Finding;
import zjlearn.rules.Rules;
import zjlearn.scan.Submission;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How the human-readable reports are laid out: one section per unit in rules.yaml order, each with its
 * submissions and the findings that lie in its folder (quota, list forms); the rest stays general.
 */
record UnitSections(List<Section> sections, List<Finding> general) {
    /** A unit's part of a report; {@code unit} is "" when the unit is not known. */
    record Section(String unit, List<Submission> submissions, List<Finding> otherFindings) {
        Map<String, List<Submission>> byCategory() {
            Map<String, List<Submission>> categories = new LinkedHashMap<>();
            submissions.forEach(s -> categories.computeIfAbsent(s.category(), k -> new ArrayList<>()).add(s));
            return categories;
        }
    }

    static UnitSections of(ValidationResult result) {
        Rules rules = result.validation().rules();
        List<Submission> sorted = new ArrayList<>(result.validation().scan().submissions());
        sorted.sort(Comparator.comparingInt(s -> unitIndex(rules, s.unit())));
        Map<String, List<Submission>> byUnit = new LinkedHashMap<>();
        sorted.forEach(s -> byUnit.computeIfAbsent(s.unit() == null ? "" : s.unit(), k -> new ArrayList<>()).add(s));
        List<Finding> general = new ArrayList<>(result.generalFindings());
        List<Section> sections = new ArrayList<>();
        for (Map.Entry<String, List<Submission>> unit : byUnit.entrySet()) {
            List<Finding> mine = List.of();
            if (!unit.getKey().isEmpty()) {
                String folder = parent(parent(unit.getValue().get(0).path()));
                mine = general.stream().filter(f -> f.file() != null
                        && (f.file().equals(folder) || f.file().startsWith(folder + "/"))).toList();
                general.removeAll(mine);
            }
            sections.add(new Section(unit.getKey(), unit.getValue(), mine));
        }
        return new UnitSections(sections, general);
    }

    static Rules.UnitDef unitDef(Rules rules, String unit) {
        return rules.units().stream().filter(u -> u.name().equals(unit)).findFirst().orElse(null);
    }

    private static int unitIndex(Rules rules, String unit) {
        for (int i = 0; i < rules.units().size(); i++) {
            if (rules.units().get(i).name().equals(unit)) {
                return i;
            }
        }
        return Integer.MAX_VALUE;
    }

    private static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "." : path.substring(0, slash);
    }
}

package zjlearn.scan;

import zjlearn.rules.Rules;
import zjlearn.rules.Vocabulary;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Which category files belong to, told by the roles their names announce (derived from rules.yaml's file counts). */
final class RoleHints {
    private RoleHints() {
    }

    /**
     * The category whose own required roles the files' names show (a 工作总结 is a project's, a 证件照 a star's):
     * roles that one category requires on their own and no other does; the category with most such files wins.
     * Empty when none, or several equally, fit.
     */
    static Optional<String> category(Vocabulary vocabulary, List<InputFile> files) {
        Rules rules = vocabulary.rules();
        Map<String, Long> scores = new LinkedHashMap<>();
        for (String category : rules.categories().keySet()) {
            Set<String> own = requiredAlone(rules, category);
            rules.categories().keySet().stream().filter(c -> !c.equals(category))
                    .forEach(c -> own.removeAll(requiredAlone(rules, c)));
            long score = files.stream().map(f -> vocabulary.roleByName(f.name()).orElse(""))
                    .filter(own::contains).count();
            if (score > 0) {
                scores.put(category, score);
            }
        }
        long best = scores.values().stream().mapToLong(Long::longValue).max().orElse(0);
        List<String> top = scores.entrySet().stream().filter(e -> e.getValue() == best).map(Map.Entry::getKey).toList();
        return top.size() == 1 ? Optional.of(top.get(0)) : Optional.empty();
    }

    private static Set<String> requiredAlone(Rules rules, String category) {
        return rules.category(category).files().stream()
                .filter(c -> c.roles().size() == 1 && c.minOrZero() > 0)
                .map(c -> c.roles().get(0)).collect(Collectors.toCollection(HashSet::new));
    }

}

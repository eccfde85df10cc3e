package zjlearn.check;

import zjlearn.i18n.Msg;
import zjlearn.rules.FileType;
import zjlearn.rules.Rules;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The campaign's words that layout and file advice quote — material names, the words a file's name must hold,
 * example file names and paths — taken from the rules file in force, so that a different year's file gets its
 * own words with no code change.
 */
final class CampaignWords {
    private CampaignWords() {
    }

    /** The roles a submission must hold (min ≥ 1 in some category), in the rules file's order. */
    static List<String> requiredRoles(Rules rules) {
        Set<String> roles = new LinkedHashSet<>();
        rules.categories().values().forEach(c -> c.files().stream().filter(f -> f.minOrZero() > 0)
                .forEach(f -> roles.addAll(f.roles())));
        return new ArrayList<>(roles);
    }

    /** The role of the list form a category folder may hold for all its submissions (推荐登记表). */
    static Optional<String> categoryLevelRole(Rules rules) {
        return rules.categories().values().stream().flatMap(c -> c.files().stream())
                .filter(Rules.FileCount::categoryLevel).flatMap(f -> f.roles().stream()).findFirst();
    }

    /** The word a file's name must hold to be of a role (登记表 for *登记表*), or the role's name. */
    static String nameWord(Rules rules, String roleId) {
        Rules.RoleDef role = rules.role(roleId);
        return role.patterns().stream().filter(p -> !p.startsWith("*.")).findFirst()
                .map(p -> p.replace("*", "")).filter(p -> !p.isEmpty()).orElse(role.name());
    }

    /** A file name a role's file could have: 推荐表.docx. */
    static String exampleFile(Rules rules, String roleId) {
        Rules.RoleDef role = rules.role(roleId);
        String ext = role.types().isEmpty() ? "" : "." + FileType.fromId(role.types().get(0)).extensions().get(0);
        return nameWord(rules, roleId) + ext;
    }

    /** Example file names of the first {@code n} required roles that have a name word. */
    static List<String> exampleFiles(Rules rules, int n) {
        return requiredRoles(rules).stream()
                .filter(r -> rules.role(r).patterns().stream().anyMatch(p -> !p.startsWith("*.")))
                .limit(n).map(r -> exampleFile(rules, r)).toList();
    }

    /** The names of the required roles, listed in both languages (推荐表、推荐登记表、证件照). */
    static Msg requiredRoleNames(Rules rules) {
        return list(requiredRoles(rules).stream().map(r -> Texts.role(rules, r)).toList());
    }

    /** A path inside an archive, for an example: 百姓学习之星/…/推荐表.docx. */
    static String examplePath(Rules rules) {
        String category = rules.categories().values().stream().findFirst().map(Rules.CategoryDef::name).orElse("");
        List<String> files = exampleFiles(rules, 1);
        return category + "/…/" + (files.isEmpty() ? "" : files.get(0));
    }

    /** The first unit of the rules file, named in advice as an example. */
    static String exampleUnit(Rules rules) {
        return rules.units().isEmpty() ? "" : rules.units().get(0).name();
    }

    /** The national folder's name (全国推荐材料), or empty when no category has one. */
    static String nationalFolder(Rules rules) {
        return rules.categories().values().stream().filter(c -> c.national() != null)
                .map(c -> c.national().folder()).findFirst().orElse("");
    }

    /** Items listed as a reader of each language lists them (甲、乙、丙 / a, b, c). */
    static Msg list(List<Msg> items) {
        if (items.isEmpty()) {
            return Msg.literal("");
        }
        Msg result = items.get(items.size() - 1);
        for (int i = items.size() - 2; i >= 0; i--) {
            result = Msg.key("layout.list.item", items.get(i), result);
        }
        return result;
    }

    static String joined(List<String> items, String separator) {
        return items.stream().collect(Collectors.joining(separator));
    }
}

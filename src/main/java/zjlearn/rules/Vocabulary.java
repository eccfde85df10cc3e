package zjlearn.rules;


import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Recognises names the way rules.yaml describes them: units, categories, the national folder,
 * ignored files and file roles. Built once per run from the rules.
 */
public final class Vocabulary {
    private record Alias(String key, String id) {
    }

    private record RolePattern(Glob glob, String role) {
    }

    private final Rules rules;
    private final List<Alias> units = new ArrayList<>();
    private final List<Alias> categories = new ArrayList<>();
    private final List<Glob> ignoredNames;
    private final List<Glob> ignoredFolders;
    private final List<RolePattern> rolePatterns = new ArrayList<>();
    private final java.util.regex.Pattern versionSuffix;

    public Vocabulary(Rules rules) {
        this.rules = rules;
        for (Rules.UnitDef unit : rules.units()) {
            units.add(new Alias(Names.key(unit.name()), unit.name()));
            unit.aliases().forEach(a -> units.add(new Alias(Names.key(a), unit.name())));
        }
        for (Map.Entry<String, Rules.CategoryDef> e : rules.categories().entrySet()) {
            categories.add(new Alias(Names.key(e.getValue().name()), e.getKey()));
            e.getValue().aliases().forEach(a -> categories.add(new Alias(Names.key(a), e.getKey())));
        }
        ignoredNames = rules.ignore().names().stream().map(Glob::new).toList();
        ignoredFolders = rules.ignore().folders().stream().map(Glob::new).toList();
        rules.roles().forEach((id, role) -> role.patterns().forEach(p -> rolePatterns.add(new RolePattern(new Glob(p), id))));
        versionSuffix = versionSuffix(rules.layout().versionMarkers());
    }

    /** One or more version markers at the end of a name key, each maybe in brackets or after a dash or a space. */
    private static java.util.regex.Pattern versionSuffix(List<String> markers) {
        if (markers.isEmpty()) {
            return null;
        }
        String alternatives = markers.stream().map(Names::key).filter(m -> !m.isEmpty())
                .sorted(java.util.Comparator.comparingInt(String::length).reversed())
                .map(java.util.regex.Pattern::quote).collect(java.util.stream.Collectors.joining("|"));
        return java.util.regex.Pattern.compile("(?:[-_—–·.~]*[(\\[【<]?(?:" + alternatives + ")[)\\]】>]?)+$");
    }

    /**
     * The name without the version markers of rules.yaml at its end (杭州市（修改版） → 杭州市, 02-李建国 - 副本 →
     * 李建国), as a comparison key; empty when the name carries no marker.
     */
    public Optional<String> versionBase(String folderName) {
        if (versionSuffix == null) {
            return Optional.empty();
        }
        String key = Names.key(Names.stripNumberPrefix(folderName));
        java.util.regex.Matcher m = versionSuffix.matcher(key);
        if (!m.find() || m.start() == 0) {
            return Optional.empty();
        }
        return Optional.of(key.substring(0, m.start()));
    }

    /** A name's comparison key without its number prefix and version markers: two versions share it. */
    public String baseKey(String folderName) {
        return versionBase(folderName).orElse(Names.key(Names.stripNumberPrefix(folderName)));
    }

    /** Whether a file of this name may lie in a unit folder (a cover letter, a stamped scan: layout.unitDocuments). */
    public boolean isUnitDocument(String fileName) {
        return roleByName(fileName).map(r -> rules.layout().unitDocuments().contains(r)).orElse(false);
    }

    public Rules rules() {
        return rules;
    }

    /** The canonical unit name for a folder name: exact name or alias first, else the longest one it contains. */
    public Optional<String> unit(String folderName) {
        return match(units, folderName);
    }

    public Optional<String> category(String folderName) {
        return match(categories, folderName);
    }

    private static Optional<String> match(List<Alias> aliases, String folderName) {
        String key = Names.key(Names.stripNumberPrefix(folderName));
        if (key.isEmpty()) {
            return Optional.empty();
        }
        for (Alias a : aliases) {
            if (a.key().equals(key)) {
                return Optional.of(a.id());
            }
        }
        Alias best = null;
        for (Alias a : aliases) {
            if (key.contains(a.key()) && (best == null || a.key().length() > best.key().length())) {
                best = a;
            }
        }
        return Optional.ofNullable(best).map(Alias::id);
    }

    public boolean isNationalFolder(String category, String folderName) {
        Rules.National national = rules.category(category).national();
        if (national == null) {
            return false;
        }
        String key = Names.key(Names.stripNumberPrefix(folderName));
        if (key.equals(Names.key(national.folder()))) {
            return true;
        }
        return national.aliases().stream().anyMatch(a -> Names.key(a).equals(key));
    }

    /** Whether a file of this name may lie in the category folder itself (e.g. the category's 推荐登记表). */
    public boolean isCategoryLevelFile(String category, String fileName) {
        Optional<String> role = roleByName(fileName);
        return role.isPresent() && (rules.category(category).files().stream()
                .anyMatch(c -> c.categoryLevel() && c.roles().contains(role.get()))
                || rules.layout().unitDocuments().contains(role.get()));
    }

    /**
     * Whether a file of this name could hold material: its extension is that of an Office document, PDF, image,
     * video or archive (a .docx, .pdf, .jpg, .mp4, .zip …; see {@link FileType#couldHoldMaterial}), or its name
     * announces a role.
     */
    public boolean couldHoldMaterial(String fileName) {
        if (roleByName(fileName).isPresent()) {
            return true;
        }
        int dot = fileName.lastIndexOf('.');
        String extension = dot <= 0 ? "" : fileName.substring(dot + 1).toLowerCase(java.util.Locale.ROOT);
        return !extension.isEmpty() && java.util.Arrays.stream(FileType.values())
                .anyMatch(t -> t.couldHoldMaterial() && t.extensions().contains(extension));
    }

    public boolean isIgnoredFile(String name) {
        return ignoredNames.stream().anyMatch(g -> g.matches(name));
    }

    public boolean isIgnoredFolder(String name) {
        return ignoredFolders.stream().anyMatch(g -> g.matches(name));
    }

    /** The role a file name announces, by the first matching pattern in rules.yaml order. */
    public Optional<String> roleByName(String fileName) {
        return rolePatterns.stream().filter(p -> p.glob().matches(fileName)).map(RolePattern::role).findFirst();
    }

    /** The role of a file: by name, else by its real type (a photo named 1.dat is still a photo). */
    public Optional<String> role(String fileName, FileType type) {
        Optional<String> byName = roleByName(fileName);
        if (byName.isPresent()) {
            return byName;
        }
        return rules.roles().entrySet().stream()
                .filter(e -> e.getValue().detectTypes().contains(type.id()))
                .map(Map.Entry::getKey).findFirst();
    }
}

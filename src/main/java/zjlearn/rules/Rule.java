package zjlearn.rules;

import com.fasterxml.jackson.databind.JsonNode;
import zjlearn.i18n.Bundles;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Every rule zjlearn knows, defined once: its stable id, its default severity, the rules-file keys it
 * reads, and the campaign words its meaning and fix use. The meaning and the fix themselves are the
 * bundle entries {@code <id>.meaning} and {@code <id>.usual-fix} in the rule's area bundle
 * ({@code zjlearn/i18n/<area>_*.properties}, next to its messages; placeholders {0}, {1} … filled with
 * {@link #words(Rules)}), so a different year's rules file gets its own words with no code change. The shape
 * of EPUBCheck's {@code MessageId} with its {@code DefaultSeverities}.
 *
 * <p>Adding a rule: a constant here (with any setting of its own as a {@link Param}), the setting in
 * {@code rules.yaml}, the check that emits it, and its texts (messages, meaning, usual fix) in its area's two
 * bundles. README's rules table is generated from this enum ({@code scripts/readme-rules-table.sh}).
 */
public enum Rule {
    LAYOUT_UNKNOWN_FILE("layout.unknown-file", Severity.WARNING, List.of("roles"),
            r -> new Object[] {Words.roleNames(r)}),
    LAYOUT_TEMP_FILE("layout.temp-file", Severity.WARNING, List.of("ignore")),
    LAYOUT_UNKNOWN_UNIT("layout.unknown-unit", Severity.ERROR, List.of("units")),
    LAYOUT_EMPTY("layout.empty", Severity.ERROR, List.of()),
    LAYOUT_UNPLACED("layout.unplaced", Severity.ERROR, List.of("units", "categories", "roles")),
    LAYOUT_ARCHIVE("layout.archive", Severity.ERROR, List.of()),
    LAYOUT_DUPLICATE_VERSION("layout.duplicate-version", Severity.ERROR, List.of("layout")),
    LAYOUT_NESTED_FOLDER("layout.nested-folder", Severity.WARNING, List.of("units"),
            r -> new Object[] {Words.firstUnit(r)}),
    LAYOUT_NATIONAL_MISPLACED("layout.national-misplaced", Severity.ERROR, List.of("categories.*.national"),
            r -> new Object[] {Words.nationalFolders(r)}),
    FILE_TYPE_MISMATCH("file.type-mismatch", Severity.WARNING, List.of("roles")),
    FILE_TYPE_NOT_ALLOWED("file.type-not-allowed", Severity.ERROR, List.of("roles")),
    FILE_UNREADABLE("file.unreadable", Severity.ERROR, List.of()),
    FILE_ENCRYPTED("file.encrypted", Severity.ERROR, List.of()),
    FILE_EMPTY("file.empty", Severity.ERROR, List.of()),
    FILE_TOO_LARGE("file.too-large", Severity.ERROR, List.of("limits.maxFileSizeMB", "limits.otherFilesMB")),
    FILE_MISSING_END("file.missing-end", Severity.WARNING, List.of()),
    ARCHIVE_UNSAFE_ENTRY("archive.unsafe-entry", Severity.ERROR, List.of()),
    ARCHIVE_TOO_LARGE("archive.too-large", Severity.ERROR, List.of("limits.archives")),
    ARCHIVE_NESTED("archive.nested", Severity.ERROR, List.of("limits.archives.maxNesting")),
    FILES_COUNT("files.count", Severity.ERROR, List.of("categories.*.files", "categories.*.national.files")),
    FILES_TOO_MANY("files.too-many", Severity.ERROR, List.of("limits.maxFilesPerSubmission")),
    FORM_FIELD_MISSING("form.field-missing", Severity.ERROR, List.of("forms")),
    FORM_FIELD_INVALID("form.field-invalid", Severity.ERROR, List.of("forms")),
    TEXT_LENGTH("text.length", Severity.ERROR, List.of("categories.*.summary")),
    IMAGE_NOT_ID_PHOTO("image.not-id-photo", Severity.ERROR, List.of("images.idPhoto.clearlyNot")),
    IMAGE_RESOLUTION("image.resolution", Severity.WARNING, List.of("images.idPhoto", "images.photo")),
    IMAGE_ASPECT("image.aspect", Severity.WARNING, List.of("images.idPhoto.sizeName", "images.idPhoto.sizesMm",
            "images.idPhoto.aspectTolerance"), r -> new Object[] {Words.idPhotoSize(r)}),
    IMAGE_GRAYSCALE("image.grayscale", Severity.ERROR, List.of("images.idPhoto.colour")),
    IMAGE_SCREENSHOT("image.screenshot", Severity.WARNING, List.of("images.screenshot")),
    VIDEO_CONTAINER("video.container", Severity.ERROR, List.of("video.containerName", "video.brands"),
            r -> new Object[] {Words.container(r)}),
    VIDEO_CODEC("video.codec", Severity.ERROR, List.of("video.codecName", "video.codecs"),
            r -> new Object[] {Words.codec(r)}),
    VIDEO_RESOLUTION("video.resolution", Severity.ERROR, List.of("video.width", "video.height"),
            r -> new Object[] {Words.videoSize(r)}),
    VIDEO_SCAN("video.scan", Severity.ERROR, List.of("video.progressive")),
    VIDEO_FPS("video.fps", Severity.ERROR, List.of("video.fps"), r -> new Object[] {Words.fps(r)}),
    VIDEO_DURATION("video.duration", Severity.ERROR, List.of("video.minSeconds", "video.maxSeconds")),
    VIDEO_AUDIO("video.audio", Severity.WARNING, List.of("video.requireAudio")),
    VIDEO_BITRATE("video.bitrate", Severity.WARNING, Param.integer("video.minKbps", 1)),
    QUOTA_EXCEEDED("quota.exceeded", Severity.ERROR, List.of("units")),
    ELIGIBILITY_CADRE("eligibility.cadre", Severity.WARNING, List.of("eligibility.cadre")),
    ELIGIBILITY_PREVIOUS_WINNER("eligibility.previous-winner", Severity.ERROR, List.of("eligibility.previousWinners")),
    ELIGIBILITY_PREVIOUS_WINNER_NAME("eligibility.previous-winner-name", Severity.WARNING,
            List.of("eligibility.previousWinners"), r -> new Object[] {Words.verifiedField(r), Words.differentPhrase(r)}),
    ELIGIBILITY_PARTICIPANTS("eligibility.participants", Severity.ERROR, List.of("eligibility.participants")),
    ELIGIBILITY_PROJECT_AGE("eligibility.project-age", Severity.ERROR, List.of("eligibility.projectAge", "campaign.deadline")),
    ELIGIBILITY_PROJECT_NAME("eligibility.project-name", Severity.ERROR, List.of("eligibility.projectName.unitField")),
    ELIGIBILITY_PROJECT_NAME_SUFFIX("eligibility.project-name-suffix", Severity.WARNING,
            List.of("eligibility.projectName.unitSuffixes", "eligibility.projectName.projectWords"),
            r -> new Object[] {Words.unitSuffixes(r)}),
    CONSISTENCY_NAME_MISMATCH("consistency.name-mismatch", Severity.ERROR, List.of("categories.*.titleField")),
    CONSISTENCY_REGISTRATION_LIST("consistency.registration-list", Severity.ERROR, List.of("categories.*.registrationForm")),
    CONSISTENCY_DUPLICATE("consistency.duplicate", Severity.ERROR, List.of()),
    CONSISTENCY_DUPLICATE_NAME("consistency.duplicate-name", Severity.WARNING, List.of()),
    CONSISTENCY_UNIT_MISMATCH("consistency.unit-mismatch", Severity.ERROR, List.of("units")),
    CHECK_NOT_RUN("check.not-run", Severity.WARNING, List.of());

    private final String id;
    private final Severity defaultSeverity;
    private final List<String> params;
    private final List<Param> own;
    private final Function<Rules, Object[]> words;

    Rule(String id, Severity defaultSeverity, List<String> params) {
        this(id, defaultSeverity, params, r -> new Object[0]);
    }

    Rule(String id, Severity defaultSeverity, List<String> params, Function<Rules, Object[]> words) {
        this.id = id;
        this.defaultSeverity = defaultSeverity;
        this.params = params;
        this.own = List.of();
        this.words = words;
    }

    /**
     * A rule with settings of its own ({@link Param}): the loader accepts them because this rule declares them,
     * and its meaning and fix get their values, in this order, as the words {0}, {1} ….
     */
    Rule(String id, Severity defaultSeverity, Param... own) {
        this.id = id;
        this.defaultSeverity = defaultSeverity;
        this.own = List.of(own);
        this.params = this.own.stream().map(Param::path).toList();
        this.words = r -> this.own.stream().map(p -> r.param(p.path()).map(RuleExplainer::flow).orElse("")).toArray();
    }

    /** The stable id printed in reports and used in the rules file's {@code severity:} section. */
    public String id() {
        return id;
    }

    public Severity defaultSeverity() {
        return defaultSeverity;
    }

    /** The rules-file keys (dotted, {@code *} for any category) whose values this rule compares with. */
    public List<String> params() {
        return params;
    }

    /**
     * This rule's own setting at {@code path} in the rules file in force, or empty when the file leaves it out
     * (the rule is then not checked). Asking for a path the rule does not declare is a programming error.
     */
    public Optional<JsonNode> param(Rules rules, String path) {
        if (own.stream().noneMatch(p -> p.path().equals(path))) {
            throw new IllegalArgumentException(id + " declares no setting " + path);
        }
        return rules.param(path);
    }

    /** The names of the rules' own settings directly under {@code parent} (e.g. {@code minKbps} under {@code video}). */
    static java.util.stream.Stream<String> ownSettingsUnder(String parent) {
        String prefix = parent.isEmpty() ? "" : parent + ".";
        return Arrays.stream(values()).flatMap(r -> r.own.stream()).map(Param::path)
                .filter(p -> p.startsWith(prefix) && p.indexOf('.', prefix.length()) < 0)
                .map(p -> p.substring(prefix.length()));
    }

    /** Every rule's own settings, for the loader. */
    static Optional<Param> declaring(String path) {
        return Arrays.stream(values()).flatMap(r -> r.own.stream()).filter(p -> p.path().equals(path)).findFirst();
    }

    /** The campaign words the meaning and fix texts use, taken from the rules file in force. */
    public Object[] words(Rules rules) {
        return words.apply(rules);
    }

    /** What the rule checks, in the campaign's words. */
    public String meaning(Rules rules, Locale locale) {
        return unset(rules).map(path -> Bundles.format("rule.not-set", locale, path))
                .orElseGet(() -> Bundles.format(id + ".meaning", locale, words(rules)));
    }

    /** How a finding of this rule is usually fixed, in the campaign's words. */
    public String fix(Rules rules, Locale locale) {
        return unset(rules).map(path -> Bundles.format("rule.not-set.fix", locale, path))
                .orElseGet(() -> Bundles.format(id + ".usual-fix", locale, words(rules)));
    }

    /** The first of this rule's own settings that the rules file leaves out (the rule is then not checked). */
    private Optional<String> unset(Rules rules) {
        return own.stream().map(Param::path).filter(path -> rules.param(path).isEmpty()).findFirst();
    }

    /** The severity in force: the rules file's override, else the default. */
    public Severity effective(Rules rules) {
        return rules.severityOverride(id).orElse(defaultSeverity);
    }

    public static Optional<Rule> byId(String id) {
        return Arrays.stream(values()).filter(r -> r.id.equals(id)).findFirst();
    }

    @Override
    public String toString() {
        return id;
    }
}

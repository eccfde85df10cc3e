package zjlearn.rules;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The campaign's rules, bound from {@code rules.yaml}. Every number, name and label the notice
 * sets lives here; nothing of the notice is hard-coded in the checks.
 */
public record Rules(
        @JsonProperty(required = true) Campaign campaign,
        @JsonProperty(required = true) List<UnitDef> units,
        @JsonProperty(required = true) Map<String, RoleDef> roles,
        Ignore ignore,
        Layout layout,
        @JsonProperty(required = true) Map<String, CategoryDef> categories,
        @JsonProperty(required = true) Map<String, FormDef> forms,
        Images images,
        Video video,
        Eligibility eligibility,
        Limits limits,
        Map<String, Severity> severity,
        /** The list of earlier recognitions, read by the loader from eligibility.previousWinners.file. */
        @JsonIgnore List<PreviousWinner> previousWinners,
        /** The settings that belong to one rule alone ({@link Param}), by dotted path, as the file gives them. */
        @JsonIgnore Map<String, JsonNode> params) {

    public Rules {
        units = units == null ? List.of() : List.copyOf(units);
        roles = roles == null ? Map.of() : new LinkedHashMap<>(roles);
        categories = categories == null ? Map.of() : new LinkedHashMap<>(categories);
        forms = forms == null ? Map.of() : new LinkedHashMap<>(forms);
        ignore = ignore == null ? new Ignore(List.of(), List.of()) : ignore;
        layout = layout == null ? new Layout(null, null) : layout;
        severity = severity == null ? Map.of() : Map.copyOf(severity);
        previousWinners = previousWinners == null ? List.of() : List.copyOf(previousWinners);
        params = params == null ? Map.of() : Map.copyOf(params);
        limits = limits == null ? new Limits(null, null, null, null, null, null, null, null) : limits;
    }

    public Rules withPreviousWinners(List<PreviousWinner> list) {
        return new Rules(campaign, units, roles, ignore, layout, categories, forms, images, video, eligibility, limits, severity, list, params);
    }

    Rules withParams(Map<String, JsonNode> values) {
        return new Rules(campaign, units, roles, ignore, layout, categories, forms, images, video, eligibility, limits, severity, previousWinners, values);
    }

    /** A rule's own setting ({@link Param}) by its dotted path; checks ask through {@link Rule#param}. */
    Optional<JsonNode> param(String path) {
        return Optional.ofNullable(params.get(path));
    }

    public CategoryDef category(String id) {
        return Objects.requireNonNull(categories.get(id), () -> "no category " + id);
    }

    public FormDef form(String id) {
        return Objects.requireNonNull(forms.get(id), () -> "no form " + id);
    }

    /** The form a file of this role holds in this category (its 推荐表 or 登记表), if any. */
    public Optional<FormDef> formFor(String categoryId, String role) {
        CategoryDef category = category(categoryId);
        for (String formId : new String[] {category.nominationForm(), category.registrationForm()}) {
            if (formId != null && role != null && role.equals(form(formId).role())) {
                return Optional.of(form(formId));
            }
        }
        return Optional.empty();
    }

    public RoleDef role(String id) {
        return Objects.requireNonNull(roles.get(id), () -> "no role " + id);
    }

    public Optional<Severity> severityOverride(String ruleId) {
        return Optional.ofNullable(severity.get(ruleId));
    }

    public record Campaign(@JsonProperty(required = true) String name, String document, String organizer,
                           @JsonProperty(required = true) LocalDate deadline, Integer provincialSelection) {
    }

    /** A recommending unit. Exactly one of the two quotas is set. */
    public record UnitDef(@JsonProperty(required = true) String name, List<String> aliases,
                          Integer quotaPerCategory, Integer quotaTotal) {
        public UnitDef {
            aliases = aliases == null ? List.of() : List.copyOf(aliases);
        }
    }

    public record RoleDef(@JsonProperty(required = true) String name, String nameEn,
                          List<String> patterns, List<String> detectTypes,
                          @JsonProperty(required = true) List<String> types) {
        public RoleDef {
            patterns = patterns == null ? List.of() : List.copyOf(patterns);
            detectTypes = detectTypes == null ? List.of() : List.copyOf(detectTypes);
        }
    }

    public record Ignore(List<String> names, List<String> folders) {
        public Ignore {
            names = names == null ? List.of() : List.copyOf(names);
            folders = folders == null ? List.of() : List.copyOf(folders);
        }
    }

    /**
     * The folder convention's own words: file roles that may lie in a unit (or category) folder, and the
     * markers that make a folder name "another version" of the same unit, category or submission.
     */
    public record Layout(List<String> unitDocuments, List<String> versionMarkers) {
        public Layout {
            unitDocuments = unitDocuments == null ? List.of() : List.copyOf(unitDocuments);
            versionMarkers = versionMarkers == null ? List.of() : List.copyOf(versionMarkers);
        }
    }

    public record CategoryDef(@JsonProperty(required = true) String name, String nameEn, List<String> aliases,
                              @JsonProperty(required = true) String titleField,
                              @JsonProperty(required = true) String nominationForm,
                              String registrationForm,
                              SummaryRule summary,
                              @JsonProperty(required = true) List<FileCount> files,
                              National national,
                              List<String> summaryColumns) {
        public CategoryDef {
            aliases = aliases == null ? List.of() : List.copyOf(aliases);
            files = files == null ? List.of() : List.copyOf(files);
            summaryColumns = summaryColumns == null ? null : List.copyOf(summaryColumns);
        }
    }

    /** How many files of these roles (counted together) a submission folder must hold. */
    public record FileCount(@JsonProperty(required = true) List<String> roles, Integer min, Integer max,
                            Boolean categoryLevel) {
        public FileCount {
            categoryLevel = Boolean.TRUE.equals(categoryLevel);
        }

        public int minOrZero() {
            return min == null ? 0 : min;
        }
    }

    public record National(@JsonProperty(required = true) String folder, List<String> aliases,
                           List<FileCount> files) {
        public National {
            aliases = aliases == null ? List.of() : List.copyOf(aliases);
            files = files == null ? List.of() : List.copyOf(files);
        }
    }

    public record SummaryRule(@JsonProperty(required = true) String role,
                              @JsonProperty(required = true) Range warning,
                              @JsonProperty(required = true) Range error) {
    }

    public record Range(@JsonProperty(required = true) Integer min, @JsonProperty(required = true) Integer max) {
        public boolean contains(int value) {
            return value >= min && value <= max;
        }
    }

    public enum FormKind {
        @JsonProperty("fields") FIELDS,
        @JsonProperty("list") LIST
    }

    public record FormDef(@JsonProperty(required = true) String title,
                          @JsonProperty(required = true) String role,
                          @JsonProperty(required = true) FormKind kind,
                          String keyField,
                          List<String> unitFields,
                          List<List<String>> requireOneOf,
                          @JsonProperty(required = true) List<FieldDef> fields) {
        public FormDef {
            unitFields = unitFields == null ? List.of() : List.copyOf(unitFields);
            requireOneOf = requireOneOf == null ? List.of() : List.copyOf(requireOneOf);
            fields = fields == null ? List.of() : List.copyOf(fields);
        }

        public Optional<FieldDef> field(String name) {
            return fields.stream().filter(f -> f.name().equals(name)).findFirst();
        }
    }

    public record FieldDef(@JsonProperty(required = true) String name, List<String> aliases, Boolean required,
                           ValueType type, List<String> choices, String pattern, Integer minLength,
                           Integer maxLength) {
        public FieldDef {
            aliases = aliases == null ? List.of() : List.copyOf(aliases);
            choices = choices == null ? List.of() : List.copyOf(choices);
            type = type == null ? ValueType.TEXT : type;
            required = Boolean.TRUE.equals(required);
        }
    }

    public enum ValueType {
        @JsonProperty("text") TEXT,
        @JsonProperty("name") NAME,
        @JsonProperty("choice") CHOICE,
        @JsonProperty("month") MONTH,
        @JsonProperty("date") DATE,
        @JsonProperty("phone") PHONE,
        @JsonProperty("id-number") ID_NUMBER,
        @JsonProperty("count") COUNT
    }

    public record Images(IdPhoto idPhoto, PhotoSize photo, Screenshot screenshot, PhotoConvert convert) {
    }

    /**
     * A phone screenshot offered as a photo (a warning): its name matches one of {@code patterns}, or it has
     * no camera EXIF (Make/Model) and is a phone screen's size ({@code screenSizes}, either way up) or taller
     * than {@code minTallAspect} (height ÷ width; cameras take 4:3, 3:2, 16:9, never 19.5:9).
     */
    public record Screenshot(@JsonProperty(required = true) List<String> roles, List<String> patterns,
                             List<String> screenSizes, Double minTallAspect) {
        public Screenshot {
            patterns = patterns == null ? List.of() : List.copyOf(patterns);
            screenSizes = screenSizes == null ? List.of() : List.copyOf(screenSizes);
        }
    }

    public record IdPhoto(@JsonProperty(required = true) String role,
                          @JsonProperty(required = true) String sizeName,
                          @JsonProperty(required = true) List<SizeMm> sizesMm,
                          @JsonProperty(required = true) Double aspectTolerance,
                          @JsonProperty(required = true) Integer minDpi,
                          @JsonProperty(required = true) Double dpiTolerance, Boolean colour,
                          ClearlyNot clearlyNot, Crop crop) {
        /** The accepted size whose proportions a picture of {@code width × height} pixels has, if any. */
        public Optional<SizeMm> sizeOf(int width, int height) {
            double aspect = height == 0 ? 0 : (double) width / height;
            return sizesMm.stream().filter(mm -> Math.abs(aspect / (mm.width() / mm.height()) - 1) <= aspectTolerance).findFirst();
        }
    }

    /**
     * How {@code zjlearn fix} crops an ID photo of the wrong proportions to the first of {@code sizesMm} around its
     * centre: only when the crop keeps at least {@code minKept} of the picture's area (else it is reported, not
     * guessed); the result is scaled down to {@code minDpi}'s pixel size, never up.
     */
    public record Crop(@JsonProperty(required = true) Double minKept) {
    }

    /** How {@code zjlearn fix} writes a photo it converts: JPEG at this quality (0–1). */
    public record PhotoConvert(@JsonProperty(required = true) Double jpegQuality) {
    }

    /** When an ID photo is clearly not one: wider than {@code maxAspect} (width/height) or a shorter side below {@code minShortSide} pixels. */
    public record ClearlyNot(@JsonProperty(required = true) Double maxAspect,
                             @JsonProperty(required = true) Integer minShortSide) {
    }

    public record SizeMm(double width, double height) {
    }

    public record PhotoSize(@JsonProperty(required = true) List<String> roles,
                            @JsonProperty(required = true) Integer minLongSide,
                            @JsonProperty(required = true) Integer minShortSide) {
    }

    public record Video(@JsonProperty(required = true) String role,
                        @JsonProperty(required = true) List<String> brands,
                        @JsonProperty(required = true) List<String> codecs,
                        @JsonProperty(required = true) Integer width,
                        @JsonProperty(required = true) Integer height,
                        Boolean progressive,
                        @JsonProperty(required = true) Double fps,
                        @JsonProperty(required = true) Double minSeconds,
                        @JsonProperty(required = true) Double maxSeconds,
                        Boolean requireAudio,
                        String containerName,
                        String codecName,
                        VideoConvert convert) {
        /** The campaign's name of the codec ({@code codecName}, e.g. H.264), else the codes it accepts. */
        public String codecWord() {
            return codecName != null ? codecName : String.join("/", codecs);
        }

        /** The campaign's name of the format ({@code containerName}, e.g. MP4), else the brands it accepts. */
        public String containerWord() {
            return containerName != null ? containerName : String.join("/", brands);
        }
    }

    /**
     * How a video is re-encoded to the spec above: ffmpeg's encoder names and settings, used by the ffmpeg commands
     * the video findings give and by {@code zjlearn fix}. The size, frame rate and container come from the spec itself.
     */
    public record VideoConvert(@JsonProperty(required = true) String encoder, String preset, Integer crf,
                               String pixelFormat, String profile, @JsonProperty(required = true) String audioEncoder,
                               String audioBitrate, Integer audioRate) {
        /** ffmpeg's video encoding options: {@code -c:v ENCODER}, then preset, profile, pixel format and crf where set. */
        public List<String> videoOptions() {
            return options("-c:v", encoder, "-preset", preset, "-profile:v", profile, "-pix_fmt", pixelFormat, "-crf", crf);
        }

        /** ffmpeg's audio encoding options: {@code -c:a ENCODER}, then bitrate and sample rate where set. */
        public List<String> audioOptions() {
            return options("-c:a", audioEncoder, "-b:a", audioBitrate, "-ar", audioRate);
        }

        private static List<String> options(Object... flagsAndValues) {
            List<String> options = new java.util.ArrayList<>();
            for (int i = 0; i < flagsAndValues.length; i += 2) {
                if (flagsAndValues[i + 1] != null) {
                    options.add((String) flagsAndValues[i]);
                    options.add(String.valueOf(flagsAndValues[i + 1]));
                }
            }
            return List.copyOf(options);
        }
    }

    public record Eligibility(Participants participants, ProjectAge projectAge, ProjectName projectName,
                              Cadre cadre, PreviousWinnersFile previousWinners, IdBirthDate idBirthDate) {
    }

    public record Participants(@JsonProperty(required = true) String category,
                               @JsonProperty(required = true) String peopleField,
                               @JsonProperty(required = true) String participationsField,
                               @JsonProperty(required = true) Integer minPeople,
                               @JsonProperty(required = true) Integer minParticipations) {
    }

    public record ProjectAge(@JsonProperty(required = true) String category,
                             @JsonProperty(required = true) String field,
                             @JsonProperty(required = true) Integer minYears) {
    }

    /**
     * A concrete project name: equal to {@code unitField} (the 申报单位) or to a unit's bare name is
     * certain; ending in one of {@code unitSuffixes} is only a hint, silent when the name holds one of
     * {@code projectWords} (words that name an activity, such as 进 in 智慧助老进社区). {@code noticeWords}, optional:
     * the notice's own words the fix quotes (一般不以单位或院校名称上报); without them the fix quotes nothing.
     */
    public record ProjectName(@JsonProperty(required = true) String category, String unitField,
                              List<String> unitSuffixes, List<String> projectWords, List<String> examples,
                              String noticeWords) {
        public ProjectName {
            unitSuffixes = unitSuffixes == null ? List.of() : List.copyOf(unitSuffixes);
            projectWords = projectWords == null ? List.of() : List.copyOf(projectWords);
            examples = examples == null ? List.of() : List.copyOf(examples);
        }
    }

    /**
     * Posts that suggest a senior cadre. {@code excluded} / {@code excludedEn} name whom the notice excludes
     * (县处级以上领导干部), {@code explainField} is where the unit explains a special case, {@code noticeWords} the
     * notice's own words the message quotes (除特殊情况外，一般不推荐); all four optional.
     */
    public record Cadre(@JsonProperty(required = true) String category,
                        @JsonProperty(required = true) String field,
                        List<String> titles, String excluded, String excludedEn, String explainField,
                        String noticeWords) {
        public Cadre {
            titles = titles == null ? List.of() : List.copyOf(titles);
        }
    }

    /**
     * The list of earlier recognitions. A match by name alone is cleared when the nomination form's
     * {@code verifiedField} holds one of {@code differentPhrases} (the unit wrote that it is a
     * different person or project of the same name). {@code noticeWords}, optional: the notice's own words the
     * messages quote (原则上不再推荐).
     */
    public record PreviousWinnersFile(String file, String verifiedField, Map<String, List<String>> differentPhrases,
                                      String noticeWords) {
        public PreviousWinnersFile {
            differentPhrases = differentPhrases == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(differentPhrases));
        }

        /** The phrases that clear a name-only match in this category. */
        public List<String> phrases(String category) {
            List<String> list = differentPhrases.get(category);
            return list == null ? List.of() : List.copyOf(list);
        }
    }

    public record IdBirthDate(@JsonProperty(required = true) String category,
                              @JsonProperty(required = true) String idField,
                              @JsonProperty(required = true) String dateField) {
    }

    /**
     * Resource limits: files per submission, the largest file read per role (MB), the most a form may make the
     * reader do (characters kept of one cell, cells of one table, characters read from one file, pages read of a
     * PDF summary; null: the reader's defaults), and what an archive may hold.
     */
    public record Limits(Integer maxFilesPerSubmission, Map<String, Integer> maxFileSizeMB, Integer otherFilesMB,
                         Integer maxCellChars, Integer maxTableCells, Integer maxFormChars, Integer maxPdfPages,
                         ArchiveLimits archives) {
        public Limits {
            maxFileSizeMB = maxFileSizeMB == null ? Map.of() : Map.copyOf(maxFileSizeMB);
            archives = archives == null ? new ArchiveLimits(null, null, null, null) : archives;
        }

        /** The largest size in bytes a file of this role may have, or {@link Long#MAX_VALUE} when unlimited. */
        public long maxBytes(String role) {
            Integer mb = role == null ? otherFilesMB : maxFileSizeMB.getOrDefault(role, otherFilesMB);
            return mb == null ? Long.MAX_VALUE : mb * 1024L * 1024L;
        }

        public int maxFiles() {
            return maxFilesPerSubmission == null ? Integer.MAX_VALUE : maxFilesPerSubmission;
        }
    }

    /**
     * What an archive (zip, 7z, RAR) may hold before it is refused as hostile: entries, the declared size of
     * all its files together, the compression ratio of an entry over 1 MB, and how deep archives inside
     * archives are read (1: an archive in an archive is read, one more level is reported).
     */
    public record ArchiveLimits(Integer maxEntries, Integer maxTotalMB, Integer maxRatio, Integer maxNesting) {
        public int entries() {
            return maxEntries == null ? 10_000 : maxEntries;
        }

        public long totalBytes() {
            return (maxTotalMB == null ? 20_480 : maxTotalMB) * 1024L * 1024L;
        }

        public int ratio() {
            return maxRatio == null ? 200 : maxRatio;
        }

        public int nesting() {
            return maxNesting == null ? 1 : maxNesting;
        }
    }

    /** One earlier recognition: year, category id, name, unit and ID number (both may be empty); line for messages. */
    public record PreviousWinner(int year, String category, String name, String unit, String idNumber, String source,
                                 int line) {
    }
}

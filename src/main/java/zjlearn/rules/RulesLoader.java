package zjlearn.rules;

import zjlearn.i18n.Msg;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;


/** Reads a rules file (or the default embedded in the jar) and reports mistakes with line and column. */
public final class RulesLoader {
    public static final String DEFAULT_RESOURCE = "/zjlearn/rules.yaml";
    private static final String DEFAULT_NAME = "rules.yaml（内置）";

    private RulesLoader() {
    }

    public static Rules loadDefault() {
        try (InputStream in = RulesLoader.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the default rules.yaml is missing from the jar");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), DEFAULT_NAME, null);
        } catch (IOException | RulesException e) {
            throw new IllegalStateException("the default rules.yaml is broken: " + e.getMessage(), e);
        }
    }

    public static Rules load(Path file) throws RulesException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new RulesException(List.of(new RulesException.Problem(file.toString(), 0, 0,
                    Msg.key("rulesfile.unreadable", e.getClass().getSimpleName(), String.valueOf(e.getMessage())))));
        }
        Path dir = file.toAbsolutePath().getParent();
        return parse(text, file.toString(), dir);
    }

    /**
     * Binds and checks a rules text. Files it points to (the previous winners' list) are read
     * relative to {@code baseDir}, or from the jar's embedded defaults when it is null.
     */
    public static Rules parse(String yaml, String fileName, Path baseDir) throws RulesException {
        OwnSettings own = new OwnSettings();
        YAMLMapper mapper = YAMLMapper.builder(new YAMLFactory())
                .addModule(new JavaTimeModule())
                .addHandler(own)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .build();
        if (yaml.lines().allMatch(line -> line.isBlank() || line.strip().startsWith("#"))) {
            throw new RulesException(List.of(new RulesException.Problem(fileName, 1, 1, Msg.key("rulesfile.empty"))));
        }
        Rules rules;
        try {
            rules = mapper.readValue(yaml, Rules.class);
        } catch (JsonProcessingException e) {
            throw new RulesException(List.of(problem(fileName, yaml, e)));
        }
        if (rules == null) {
            throw new RulesException(List.of(new RulesException.Problem(fileName, 1, 1, Msg.key("rulesfile.empty"))));
        }
        rules = rules.withParams(own.values);
        List<RulesValidator.Issue> issues = new ArrayList<>(own.issues());
        issues.addAll(RulesValidator.validate(rules));
        if (!issues.isEmpty()) {
            YamlLocations locations = new YamlLocations(yaml);
            throw new RulesException(issues.stream().map(issue -> {
                YamlLocations.Location at = locations.locate(issue.pointer());
                return new RulesException.Problem(fileName, at == null ? 0 : at.line(),
                        at == null ? 0 : at.column(), issue.text());
            }).toList());
        }
        return rules.withPreviousWinners(previousWinners(rules, baseDir));
    }

    /**
     * Keeps the settings a rule declares as its own ({@link Param}, e.g. {@code video.minKbps}) where the records
     * have no field for them; any other unknown key is still refused.
     */
    private static final class OwnSettings extends DeserializationProblemHandler {
        final Map<String, JsonNode> values = new LinkedHashMap<>();

        @Override
        public boolean handleUnknownProperty(DeserializationContext ctxt, JsonParser p, JsonDeserializer<?> deserializer,
                                             Object beanOrClass, String propertyName) throws IOException {
            String path = p.getParsingContext().pathAsPointer().toString().substring(1).replace('/', '.');
            if (!path.endsWith(propertyName) || Rule.declaring(path).isEmpty()) {
                return false;
            }
            values.put(path, ctxt.readTree(p));
            return true;
        }

        List<RulesValidator.Issue> issues() {
            List<RulesValidator.Issue> issues = new ArrayList<>();
            values.forEach((path, value) -> {
                Param param = Rule.declaring(path).orElseThrow();
                param.problem(value).ifPresent(problem -> issues.add(new RulesValidator.Issue(param.pointer(), problem)));
            });
            return issues;
        }
    }

    /** The rules with the list of earlier recognitions read from {@code file} instead (--previous-winners). */
    public static Rules withPreviousWinners(Rules rules, Path file) throws RulesException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new RulesException(List.of(new RulesException.Problem(file.toString(), 0, 0,
                    Msg.key("rulesfile.previous-winners.unreadable", String.valueOf(e.getMessage())))));
        }
        return rules.withPreviousWinners(PreviousWinnersReader.read(bytes, file.toString(), rules.categories()));
    }

    private static List<Rules.PreviousWinner> previousWinners(Rules rules, Path baseDir) throws RulesException {
        Rules.Eligibility eligibility = rules.eligibility();
        if (eligibility == null || eligibility.previousWinners() == null || eligibility.previousWinners().file() == null) {
            return List.of();
        }
        String name = eligibility.previousWinners().file();
        byte[] bytes;
        String source;
        try {
            if (baseDir == null) {
                source = name + "（内置）";
                try (InputStream in = RulesLoader.class.getResourceAsStream("/zjlearn/" + name)) {
                    if (in == null) {
                        throw new IOException("not embedded");
                    }
                    bytes = in.readAllBytes();
                }
            } else {
                Path file = baseDir.resolve(name);
                source = file.toString();
                bytes = Files.readAllBytes(file);
            }
        } catch (IOException e) {
            throw new RulesException(List.of(new RulesException.Problem(name, 0, 0,
                    Msg.key("rulesfile.previous-winners.file-unreadable", String.valueOf(e.getMessage())))));
        }
        return PreviousWinnersReader.read(bytes, source, rules.categories());
    }

    /** Binding errors point at the offending key when the path is known, else where the parser stopped. */
    private static RulesException.Problem problem(String fileName, String yaml, JsonProcessingException e) {
        JsonLocation parsed = e.getLocation();
        int line = parsed == null ? 0 : parsed.getLineNr();
        int column = parsed == null ? 0 : parsed.getColumnNr();
        if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            String pointer = m.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : String.valueOf(ref.getIndex()))
                    .collect(Collectors.joining("/", "/", ""));
            YamlLocations.Location located = new YamlLocations(yaml).locate(pointer);
            if (located != null) {
                line = located.line();
                column = located.column();
            }
        }
        return new RulesException.Problem(fileName, line, column, describe(e));
    }

    private static Msg describe(JsonProcessingException e) {
        Object where = e instanceof JsonMappingException m && !m.getPath().isEmpty()
                ? Msg.key("rulesfile.where", pathOf(m)) : "";
        if (e instanceof UnrecognizedPropertyException u) {
            String at = pathOf(u);
            String parent = at.contains(".") ? at.substring(0, at.lastIndexOf('.')) : "";
            List<String> known = java.util.stream.Stream.concat(
                    u.getKnownPropertyIds() == null ? java.util.stream.Stream.empty() : u.getKnownPropertyIds().stream().map(Object::toString),
                    Rule.ownSettingsUnder(parent)).distinct().sorted().toList();
            return known.isEmpty() ? Msg.key("rulesfile.unknown-key", u.getPropertyName(), where)
                    : Msg.key("rulesfile.unknown-key.known", u.getPropertyName(), where, known);
        }
        if (e instanceof InvalidFormatException f) {
            return Msg.key("rulesfile.bad-format", String.valueOf(f.getValue()), where, simpleType(f.getTargetType()));
        }
        if (e instanceof MismatchedInputException m) {
            String msg = m.getOriginalMessage();
            if (msg != null && msg.contains("Missing required creator property")) {
                String name = msg.replaceAll(".*'([^']*)'.*", "$1");
                return Msg.key("rulesfile.missing-key", name, where);
            }
            return Msg.key("rulesfile.wrong-type", where, simpleType(m.getTargetType()));
        }
        if (e instanceof JsonMappingException) {
            return Msg.key("rulesfile.mapping", where, String.valueOf(e.getOriginalMessage()));
        }
        return Msg.key("rulesfile.syntax", String.valueOf(e.getOriginalMessage()));
    }

    /** What a value should be, in words. */
    private static Msg simpleType(Class<?> type) {
        if (type == null) {
            return Msg.key("rulesfile.type.unknown");
        }
        if (type == Integer.class || type == int.class) {
            return Msg.key("rulesfile.type.integer");
        }
        if (type == Double.class || type == double.class) {
            return Msg.key("rulesfile.type.number");
        }
        if (type == Boolean.class || type == boolean.class) {
            return Msg.key("rulesfile.type.flag");
        }
        if (type == String.class) {
            return Msg.key("rulesfile.type.text");
        }
        if (List.class.isAssignableFrom(type)) {
            return Msg.key("rulesfile.type.list");
        }
        if (type == java.time.LocalDate.class) {
            return Msg.key("rulesfile.type.date");
        }
        if (type.isEnum()) {
            return Msg.literal(java.util.Arrays.stream(type.getEnumConstants())
                    .map(c -> c.toString().toLowerCase(java.util.Locale.ROOT).replace('_', '-'))
                    .collect(Collectors.joining(" | ")));
        }
        return Msg.literal(type.getSimpleName());
    }

    private static String pathOf(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }
}

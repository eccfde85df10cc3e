package zjlearn.rules;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Where each value of a YAML document starts, keyed by JSON-pointer-like paths
 * ({@code /units/3/quotaTotal}), so that semantic errors found after binding can name a line.
 */
final class YamlLocations {
    private final Map<String, JsonLocation> locations = new HashMap<>();

    YamlLocations(String yaml) {
        try (JsonParser parser = new YAMLFactory().createParser(yaml)) {
            walk(parser);
        } catch (IOException | RuntimeException e) {
            // Syntax errors are reported by the binder with their own location; keep what was found.
        }
    }

    private void walk(JsonParser parser) throws IOException {
        Deque<String> path = new ArrayDeque<>();
        Deque<int[]> arrayIndex = new ArrayDeque<>();
        Deque<Boolean> inArray = new ArrayDeque<>();
        JsonToken token;
        while ((token = parser.nextToken()) != null) {
            if (token == JsonToken.FIELD_NAME) {
                path.addLast(parser.currentName());
                locations.put(pointer(path), parser.currentTokenLocation());
                continue;
            }
            boolean parentIsArray = !inArray.isEmpty() && inArray.peekLast();
            if (parentIsArray && token != JsonToken.END_ARRAY) {
                path.addLast(Integer.toString(arrayIndex.peekLast()[0]++));
                locations.put(pointer(path), parser.currentTokenLocation());
            }
            switch (token) {
                case START_OBJECT -> inArray.addLast(false);
                case START_ARRAY -> {
                    inArray.addLast(true);
                    arrayIndex.addLast(new int[] {0});
                }
                case END_OBJECT -> {
                    inArray.pollLast();
                    closeValue(path);
                }
                case END_ARRAY -> {
                    inArray.pollLast();
                    arrayIndex.pollLast();
                    closeValue(path);
                }
                default -> closeValue(path);
            }
        }
    }

    /** After a complete value, drop its own path segment (field name or array index). */
    private static void closeValue(Deque<String> path) {
        if (!path.isEmpty()) {
            path.pollLast();
        }
    }

    private static String pointer(Deque<String> path) {
        return "/" + String.join("/", path);
    }

    /** The location of the path, or of its nearest ancestor that has one. */
    JsonLocation locate(String pointer) {
        String p = pointer;
        while (true) {
            JsonLocation location = locations.get(p);
            if (location != null || p.isEmpty() || p.equals("/")) {
                return location;
            }
            int slash = p.lastIndexOf('/');
            p = slash <= 0 ? "/" : p.substring(0, slash);
        }
    }
}

package zjlearn.rules;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.io.StringReader;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where each value of a YAML document starts, keyed by JSON-pointer-like paths
 * ({@code /units/3/quotaTotal}), so that semantic errors found after binding can name a line. Read from
 * SnakeYAML's node tree (the parser Jackson's YAML module uses), which carries every node's position: a
 * mapping entry is located at its key, a list item at the item.
 */
final class YamlLocations {
    /** A 1-based line and column. */
    record Location(int line, int column) {
    }

    private final Map<String, Location> locations = new HashMap<>();

    YamlLocations(String yaml) {
        try {
            Node root = new Yaml(new LoaderOptions()).compose(new StringReader(yaml));
            if (root != null) {
                walk(root, "");
            }
        } catch (RuntimeException e) {
            // Syntax errors are reported by the binder with their own location; keep what was found.
        }
    }

    private void walk(Node node, String pointer) {
        if (node instanceof MappingNode map) {
            for (NodeTuple entry : map.getValue()) {
                if (entry.getKeyNode() instanceof ScalarNode key) {
                    String child = pointer + "/" + key.getValue();
                    locations.put(child, at(key.getStartMark()));
                    walk(entry.getValueNode(), child);
                }
            }
        } else if (node instanceof SequenceNode seq) {
            List<Node> items = seq.getValue();
            for (int i = 0; i < items.size(); i++) {
                String child = pointer + "/" + i;
                locations.put(child, at(items.get(i).getStartMark()));
                walk(items.get(i), child);
            }
        }
    }

    private static Location at(Mark mark) {
        return new Location(mark.getLine() + 1, mark.getColumn() + 1);
    }

    /** The location of the path, or of its nearest ancestor that has one; null when none has. */
    Location locate(String pointer) {
        String p = pointer;
        while (true) {
            Location location = locations.get(p);
            if (location != null || p.isEmpty() || p.equals("/")) {
                return location;
            }
            int slash = p.lastIndexOf('/');
            p = slash <= 0 ? "/" : p.substring(0, slash);
        }
    }
}

package io.nubis.runtime.internal.schema;

import java.io.StringReader;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * The line of every key path of a YAML document, for {@code --annotate}: a mapping entry is at
 * the line of its key, a list item at the line where the item starts ({@code users.0.name} → the
 * line of {@code name:} in the first item). Only loaded for {@code --annotate}.
 */
final class YamlMarks {
    private static final int MAX_DEPTH = 200;

    private YamlMarks() {
    }

    /** Key path to 1-based line; the document itself ({@code ""}) is line 1. */
    static Map<String, Integer> of(String text) {
        Map<String, Integer> marks = new HashMap<>();
        marks.put("", 1);
        LoaderOptions options = new LoaderOptions();
        options.setAllowRecursiveKeys(false);
        options.setMaxAliasesForCollections(50);
        Node root;
        try {
            root = new Yaml(options).compose(new StringReader(text));
        } catch (RuntimeException e) {
            return marks;
        }
        if (root != null) {
            walk(root, "", marks, new IdentityHashMap<>(), 0);
        }
        return marks;
    }

    private static void walk(Node node, String prefix, Map<String, Integer> marks, IdentityHashMap<Node, Boolean> seen,
            int depth) {
        if (depth > MAX_DEPTH || seen.put(node, Boolean.TRUE) != null) {
            return;
        }
        if (node instanceof MappingNode m) {
            for (NodeTuple t : m.getValue()) {
                if (!(t.getKeyNode() instanceof ScalarNode key)) {
                    continue;
                }
                String path = prefix + key.getValue();
                marks.putIfAbsent(path, key.getStartMark().getLine() + 1);
                walk(t.getValueNode(), path + ".", marks, seen, depth + 1);
            }
        } else if (node instanceof SequenceNode s) {
            int i = 0;
            for (Node item : s.getValue()) {
                String path = prefix + i++;
                marks.putIfAbsent(path, item.getStartMark().getLine() + 1);
                walk(item, path + ".", marks, seen, depth + 1);
            }
        }
        seen.remove(node);
    }
}

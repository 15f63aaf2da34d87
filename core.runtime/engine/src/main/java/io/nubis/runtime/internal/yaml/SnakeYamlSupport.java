package io.nubis.runtime.internal.yaml;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.constructor.ConstructorException;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;

import io.nubis.runtime.internal.pyjson.PyOrder;

/** The only class that touches SnakeYAML; loaded on the first parse or dump. */
final class SnakeYamlSupport {
    private SnakeYamlSupport() {
    }

    /**
     * Safe constructor whose timestamps stay the text they were written as, and which refuses
     * mappings and lists as mapping keys (PyYAML: "found unhashable key").
     */
    private static final class PlainConstructor extends SafeConstructor {
        PlainConstructor(LoaderOptions options) {
            super(options);
            this.yamlConstructors.put(Tag.TIMESTAMP, new ConstructYamlStr());
        }

        @Override
        protected void constructMapping2ndStep(MappingNode node, Map<Object, Object> mapping) {
            for (NodeTuple tuple : node.getValue()) {
                Node key = tuple.getKeyNode();
                if (key instanceof MappingNode || key instanceof SequenceNode) {
                    throw new KeyException(node.getStartMark(), key.getStartMark());
                }
            }
            super.constructMapping2ndStep(node, mapping);
        }
    }

    /** A mapping or list used as a mapping key. */
    private static final class KeyException extends ConstructorException {
        private static final long serialVersionUID = 1L;

        KeyException(Mark context, Mark problem) {
            super("while constructing a mapping", context, "found unhashable key", problem);
        }
    }

    static Object load(String text, String source, YamlLimits limits) {
        if (text == null) {
            return null;
        }
        if (text.codePointCount(0, text.length()) > limits.maxCodePoints()) {
            throw new YamlException(source, 0, 0,
                    "document is larger than " + limits.maxCodePoints() + " characters");
        }
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(limits.maxAliases());
        options.setAllowRecursiveKeys(false);
        options.setNestingDepthLimit(limits.maxDepth());
        options.setCodePointLimit(Math.max(limits.maxCodePoints(), 1));
        options.setAllowDuplicateKeys(true);
        options.setWarnOnDuplicateKeys(false);
        options.setWrappedToRootException(false);
        DumperOptions dumperOptions = new DumperOptions();
        org.yaml.snakeyaml.Yaml yaml = new org.yaml.snakeyaml.Yaml(new PlainConstructor(options),
                new Representer(dumperOptions), dumperOptions, options);
        Object parsed;
        try {
            parsed = yaml.load(text);
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String problem = e.getProblem() != null ? e.getProblem() : e.getMessage();
            String context = e.getContext() == null ? "" : e.getContext().trim();
            if (!context.isEmpty()) {
                problem = problem.trim().startsWith("but ")
                        ? context + ", " + problem.trim()
                        : problem.trim() + " (" + context + ")";
            }
            int line = mark == null ? 0 : mark.getLine() + 1;
            int column = mark == null ? 0 : mark.getColumn() + 1;
            throw new YamlException(source, line, column, problem.trim());
        } catch (YAMLException e) {
            throw new YamlException(source, 0, 0, String.valueOf(e.getMessage()).trim());
        } catch (StackOverflowError e) {
            throw new YamlException(source, 0, 0, "document nests too deeply");
        }
        return PlainData.of(parsed, source, limits);
    }

    static String dump(Object data, boolean markers) {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setIndent(4);
        options.setWidth(80);
        options.setLineBreak(DumperOptions.LineBreak.UNIX);
        options.setAllowUnicode(true);
        options.setExplicitStart(markers);
        options.setExplicitEnd(markers);
        Representer representer = new Representer(options);
        org.yaml.snakeyaml.Yaml yaml = new org.yaml.snakeyaml.Yaml(representer, options);
        return yaml.dump(sorted(data));
    }

    /** A copy with every mapping's keys in code point order, as Python sorts them. */
    private static Object sorted(Object v) {
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new TreeMap<>(PyOrder.CODE_POINTS);
            for (Map.Entry<?, ?> e : m.entrySet()) {
                out.put(PlainData.keyText(e.getKey()), sorted(e.getValue()));
            }
            return out;
        }
        if (v instanceof Collection<?> c) {
            List<Object> out = new ArrayList<>(c.size());
            for (Object item : c) {
                out.add(sorted(item));
            }
            return out;
        }
        return v;
    }
}

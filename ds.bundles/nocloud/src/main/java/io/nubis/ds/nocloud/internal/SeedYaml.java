package io.nubis.ds.nocloud.internal;

import java.io.ByteArrayInputStream;
import java.util.LinkedHashMap;
import java.util.Map;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.reader.UnicodeReader;

import io.nubis.api.config.Values;
import io.nubis.api.datasource.DatasourceException;

/**
 * Parses meta-data and network-config (YAML, so JSON too) with safe types only, timestamps kept as
 * text, bounded aliases and size; errors name the source and the line.
 */
final class SeedYaml {
    private SeedYaml() {
    }

    /**
     * A YAML mapping with string keys; empty input or a YAML null is an empty mapping.
     *
     * @param source what to name in errors ({@code /var/lib/cloud/seed/nocloud/meta-data})
     */
    static Map<String, Object> mapping(byte[] content, String source) throws DatasourceException {
        Map<String, Object> m = optionalMapping(content, source);
        return m == null ? new LinkedHashMap<>() : m;
    }

    /** Like {@link #mapping} but null for empty input or a YAML null. */
    static Map<String, Object> optionalMapping(byte[] content, String source) throws DatasourceException {
        Object doc = load(content, source);
        if (doc == null) {
            return null;
        }
        if (!(doc instanceof Map<?, ?> m)) {
            throw new DatasourceException(source + ": expected a YAML mapping, got " + Values.typeName(doc));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(String.valueOf(k), v));
        return out;
    }

    private static Object load(byte[] content, String source) throws DatasourceException {
        if (content == null || content.length == 0) {
            return null;
        }
        LoaderOptions opts = new LoaderOptions();
        opts.setMaxAliasesForCollections(50);
        opts.setAllowRecursiveKeys(false);
        opts.setNestingDepthLimit(100);
        opts.setCodePointLimit(Limits.MAX_SEED_BYTES);
        Yaml yaml = new Yaml(new TextTimestamps(opts));
        try {
            return yaml.load(new UnicodeReader(new ByteArrayInputStream(content)));
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String where = mark == null ? "" : ": line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1);
            String problem = e.getProblem() != null ? e.getProblem() : e.getContext();
            throw new DatasourceException(source + where + ": invalid YAML: " + problem, e);
        } catch (YAMLException e) {
            throw new DatasourceException(source + ": invalid YAML: " + e.getMessage(), e);
        }
    }

    /** Safe constructor that keeps timestamps as the text they were written as. */
    private static final class TextTimestamps extends SafeConstructor {
        TextTimestamps(LoaderOptions opts) {
            super(opts);
            this.yamlConstructors.put(Tag.TIMESTAMP, new ConstructYamlStr());
        }
    }
}

package io.nubis.runtime.internal.yaml;

/**
 * Bounds applied to every YAML document the engine reads, so that hostile input (alias bombs,
 * deep nesting, huge text) fails with a clear error instead of exhausting memory or stack.
 *
 * @param maxCodePoints  largest accepted text, in code points
 * @param maxAliases     most aliases to collections in one document
 * @param maxDepth       deepest nesting of collections
 * @param maxNodes       most values after aliases are expanded into plain data
 */
public record YamlLimits(int maxCodePoints, int maxAliases, int maxDepth, int maxNodes) {
    /** 16 Mi code points, 100 aliases, depth 100, 500 000 values. */
    public static final YamlLimits DEFAULT = new YamlLimits(16 * 1024 * 1024, 100, 100, 500_000);

    /** Checks that every bound is positive. */
    public YamlLimits {
        if (maxCodePoints <= 0 || maxAliases < 0 || maxDepth <= 0 || maxNodes <= 0) {
            throw new IllegalArgumentException("YAML limits must be positive");
        }
    }
}

package io.nubis.runtime.internal.userdata;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Safe, bounded YAML loading for the little YAML user-data processing itself reads (archives,
 * {@code launch-index}): standard tags only, at most 100 aliases to collections, nesting depth
 * 100, bounded text. Errors give the problem and position but never the document's text.
 *
 * <p>The engine-wide loader ({@code io.nubis.runtime.internal.yaml.Yaml}) is written in another
 * branch; this small one keeps this package self-contained until they are merged.
 */
final class UserDataYaml {
    /** Most aliases to collections in one document. */
    static final int MAX_ALIASES = 100;
    /** Deepest nesting of collections. */
    static final int MAX_DEPTH = 100;

    private UserDataYaml() {
    }

    /** A YAML document could not be loaded; the message names line and column. */
    static final class YamlError extends Exception {
        private static final long serialVersionUID = 1L;

        YamlError(String message) {
            super(message);
        }
    }

    /** Loads one document into plain data (maps, lists, strings, numbers, booleans, byte[], null). */
    static Object load(String text, int maxCodePoints) throws YamlError {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setNestingDepthLimit(MAX_DEPTH);
        options.setCodePointLimit(Math.max(maxCodePoints, 1));
        options.setAllowRecursiveKeys(false);
        options.setAllowDuplicateKeys(true);
        try {
            return new Yaml(new SafeConstructor(options)).load(text);
        } catch (MarkedYAMLException e) {
            Mark m = e.getProblemMark();
            String where = m == null ? "" : " at line " + (m.getLine() + 1) + ", column " + (m.getColumn() + 1);
            throw new YamlError(e.getProblem() + where);
        } catch (YAMLException e) {
            String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            int nl = msg.indexOf('\n');
            throw new YamlError(nl >= 0 ? msg.substring(0, nl) : msg);
        } catch (RuntimeException | StackOverflowError e) {
            throw new YamlError("unreadable YAML: " + e.getClass().getSimpleName());
        }
    }
}

package io.nubis.runtime.internal.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The result of validating one document: errors and, apart from them, deprecations (which never
 * make a document invalid). Both are sorted and free of duplicates, as the reference reports them.
 */
public record SchemaReport(List<SchemaProblem> errors, List<SchemaProblem> deprecations) {
    public SchemaReport {
        errors = List.copyOf(new TreeSet<>(errors));
        deprecations = List.copyOf(new TreeSet<>(deprecations));
    }

    /** True if there are errors. */
    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    /** The problems joined as the reference does: {@code prefix + "a: x, b: y"}. */
    public static String join(List<SchemaProblem> problems, String prefix, String separator) {
        List<String> parts = new ArrayList<>();
        for (SchemaProblem p : problems) {
            parts.add(p.format());
        }
        return prefix + String.join(separator, parts);
    }

    /** The reference's exception text: errors, then deprecations, each with its prefix. */
    public String message() {
        StringBuilder sb = new StringBuilder();
        if (!errors.isEmpty()) {
            sb.append(join(errors, "Cloud config schema errors: ", ", "));
        }
        if (!deprecations.isEmpty()) {
            if (sb.length() > 0) {
                sb.append("\n\n");
            }
            sb.append(join(deprecations, "Cloud config schema deprecations: ", ", "));
        }
        return sb.toString();
    }
}

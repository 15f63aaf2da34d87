package io.nubis.runtime.internal.merge;

import java.util.Locale;

/**
 * Options of the {@code list} merger.
 *
 * @param method      append, prepend, replace (default) or no_replace
 * @param recurseDict {@code recurse_dict}: at a common index, a new mapping is merged into the old item
 * @param recurseStr  {@code recurse_str}: at a common index, a new string goes through the {@code str} merger
 * @param recurseList {@code recurse_list} / {@code recurse_array}: at a common index, a new list is merged into the old item
 */
public record ListOptions(ListMethod method, boolean recurseDict, boolean recurseStr, boolean recurseList) {
    /** {@code list()}: replace, no recursion. */
    public static final ListOptions DEFAULT = new ListOptions(ListMethod.REPLACE, false, false, false);

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("list(").append(method.name().toLowerCase(Locale.ROOT));
        if (recurseDict) {
            sb.append(",recurse_dict");
        }
        if (recurseStr) {
            sb.append(",recurse_str");
        }
        if (recurseList) {
            sb.append(",recurse_list");
        }
        return sb.append(')').toString();
    }
}

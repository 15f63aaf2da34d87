package io.nubis.runtime.internal.merge;

/**
 * Options of the {@code dict} merger. Recursion into nested mappings is always on.
 *
 * @param replace     {@code replace}: a new value for an existing key wins outright;
 *                    otherwise ({@code no_replace}, the default) the old value stays unless
 *                    the merge recurses into it
 * @param recurseStr  {@code recurse_str}: strings are handed to the {@code str} merger
 * @param recurseList {@code recurse_list} / {@code recurse_array}: lists are handed to the {@code list} merger
 * @param allowDelete {@code allow_delete}: a new null value deletes an existing key
 */
public record DictOptions(boolean replace, boolean recurseStr, boolean recurseList, boolean allowDelete) {
    /** {@code dict()}: no_replace, no recursion into lists or strings, no deletes. */
    public static final DictOptions DEFAULT = new DictOptions(false, false, false, false);

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("dict(").append(replace ? "replace" : "no_replace");
        if (recurseStr) {
            sb.append(",recurse_str");
        }
        if (recurseList) {
            sb.append(",recurse_list");
        }
        if (allowDelete) {
            sb.append(",allow_delete");
        }
        return sb.append(')').toString();
    }
}

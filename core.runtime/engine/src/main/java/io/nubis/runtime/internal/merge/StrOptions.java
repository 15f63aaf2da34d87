package io.nubis.runtime.internal.merge;

/**
 * Options of the {@code str} merger.
 *
 * @param append {@code append}: the new string is added to the end of the old one; otherwise it replaces it
 */
public record StrOptions(boolean append) {
    /** {@code str()}: replace. */
    public static final StrOptions DEFAULT = new StrOptions(false);

    @Override
    public String toString() {
        return append ? "str(append)" : "str()";
    }
}

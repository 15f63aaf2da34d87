package io.nubis.runtime.internal.merge;

/** How the list merger combines an existing list with a new value. */
public enum ListMethod {
    /** Old items, then the new ones. */
    APPEND,
    /** New items, then the old ones. */
    PREPEND,
    /** Overwrite index by index (recursing where asked); a non-list new value replaces the list. */
    REPLACE,
    /** Keep the old list. */
    NO_REPLACE
}

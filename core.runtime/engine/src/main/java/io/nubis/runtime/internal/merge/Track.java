package io.nubis.runtime.internal.merge;

import java.util.List;

/**
 * The merge's position in the target's provenance tree and in the incoming source's, so that each
 * change records which source made it. Values inside lists are not tracked separately: a change
 * there counts as a change of the list.
 */
class Track {
    private final Track parent;
    private final Provenance target;
    private final Provenance source;
    private final List<String> label;

    Track(Track parent, Provenance target, Provenance source, List<String> label) {
        this.parent = parent;
        this.target = target;
        this.source = source;
        this.label = label;
    }

    /** The track of a nested mapping key. */
    Track child(String key) {
        return new Track(this, target.child(key), source == null ? null : source.get(key), incoming());
    }

    /** The track of an item of this list: changes inside it are changes of the list. */
    Track element() {
        return new ElementTrack(this);
    }

    /** Who the incoming value at this path came from. */
    List<String> incoming() {
        return source != null && !source.sources().isEmpty() ? source.sources() : label;
    }

    /** The incoming value replaced the old one. */
    void replaced(Object value) {
        target.adopt(value, source, label);
        touchAncestors(incoming());
    }

    /** The incoming value was combined with the old one. */
    void combined() {
        target.add(incoming());
        touchAncestors(incoming());
    }

    /** The key of this track was deleted by the incoming source. */
    void deleted(String key) {
        Provenance gone = source == null ? null : source.get(key);
        List<String> by = gone != null && !gone.sources().isEmpty() ? gone.sources() : incoming();
        target.remove(key);
        target.add(by);
        touchAncestors(by);
    }

    private void touchAncestors(List<String> by) {
        for (Track t = parent; t != null; t = t.parent) {
            t.target.add(by);
        }
    }

    /** A position inside a list. */
    private static final class ElementTrack extends Track {
        private final Track list;

        ElementTrack(Track list) {
            super(null, null, null, list.incoming());
            this.list = list;
        }

        @Override
        Track child(String key) {
            return this;
        }

        @Override
        Track element() {
            return this;
        }

        @Override
        void replaced(Object value) {
            list.combined();
        }

        @Override
        void combined() {
            list.combined();
        }

        @Override
        void deleted(String key) {
            list.combined();
        }
    }
}

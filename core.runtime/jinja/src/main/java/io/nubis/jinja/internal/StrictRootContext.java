package io.nubis.jinja.internal;

import java.util.Map;
import java.util.Set;

import com.hubspot.jinjava.interpret.Context;
import com.hubspot.jinjava.lib.exptest.ExpTest;
import com.hubspot.jinjava.lib.filter.Filter;

/**
 * Root of every render's context chain, holding Jinjava's built-in filters and tests. Jinjava
 * quietly yields nothing for an unknown filter or test; Jinja refuses to compile such a
 * template, so a lookup that reaches this root without a match fails the render.
 */
final class StrictRootContext extends Context {
    StrictRootContext(Map<Library, Set<String>> disabled) {
        super(null, null, disabled);
    }

    @Override
    public Filter getFilter(String name) {
        Filter f = super.getFilter(name);
        if (f == null) {
            throw new UnknownNameException("no filter named '" + name + "'");
        }
        return f;
    }

    @Override
    public ExpTest getExpTest(String name) {
        ExpTest t = super.getExpTest(name);
        if (t == null) {
            throw new UnknownNameException("no test named '" + name + "'");
        }
        return t;
    }

    /** A template names a filter or test that does not exist. */
    static final class UnknownNameException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UnknownNameException(String message) {
            super(message);
        }
    }
}

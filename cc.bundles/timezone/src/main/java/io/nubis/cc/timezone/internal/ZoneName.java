package io.nubis.cc.timezone.internal;

import java.util.regex.Pattern;

import io.nubis.api.module.ModuleException;

/** Checks a timezone name before it becomes a path: {@code Area/City} words, no {@code ..}, no absolute path. */
final class ZoneName {
    private static final Pattern WORD = Pattern.compile("[A-Za-z0-9_+\\-][A-Za-z0-9_+.\\-]*");
    private static final int MAX_LENGTH = 255;

    private ZoneName() {
    }

    static String check(String zone) throws ModuleException {
        String z = zone.trim();
        if (z.isEmpty() || z.length() > MAX_LENGTH || z.startsWith("/") || z.endsWith("/")) {
            throw invalid(zone);
        }
        for (String part : z.split("/", -1)) {
            if (!WORD.matcher(part).matches() || part.equals("..")) {
                throw invalid(zone);
            }
        }
        return z;
    }

    static ModuleException invalid(String zone) {
        return new ModuleException("timezone: invalid timezone '" + printable(zone)
                + "': expected a zone name such as Europe/Berlin or UTC");
    }

    /** The value with control characters shown as {@code ?}, for messages. */
    static String printable(String s) {
        StringBuilder b = new StringBuilder();
        s.codePoints().limit(80).forEach(c -> b.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return b.toString();
    }
}

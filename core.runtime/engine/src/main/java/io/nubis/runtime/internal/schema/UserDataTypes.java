package io.nubis.runtime.internal.schema;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The user-data types the reference recognises by the start of the text. */
final class UserDataTypes {
    /** Start of the text to MIME type. */
    static final Map<String, String> BY_START = startMap();
    /** The starts tried, longest first. */
    private static final List<String> SEARCH = search();

    private UserDataTypes() {
    }

    private static Map<String, String> startMap() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("#include", "text/x-include-url");
        m.put("#include-once", "text/x-include-once-url");
        m.put("#!", "text/x-shellscript");
        m.put("#cloud-config", "text/cloud-config");
        m.put("#part-handler", "text/part-handler");
        m.put("#cloud-boothook", "text/cloud-boothook");
        m.put("#cloud-config-archive", "text/cloud-config-archive");
        m.put("#cloud-config-jsonp", "text/cloud-config-jsonp");
        m.put("## template: jinja", "text/jinja2");
        return m;
    }

    private static List<String> search() {
        List<String> l = new ArrayList<>(BY_START.keySet());
        l.sort(Comparator.comparingInt(String::length).reversed());
        return l;
    }

    /** The type of a text by how it starts (case-insensitive, leading blanks ignored), or null. */
    static String of(String content) {
        String lc = content.toLowerCase(Locale.ROOT).stripLeading();
        for (String start : SEARCH) {
            if (lc.startsWith(start)) {
                return BY_START.get(start);
            }
        }
        return null;
    }

    /** The headers listed in the "Expected first line" message, sorted as the reference sorts them. */
    static String validHeaders() {
        List<String> l = new ArrayList<>(BY_START.keySet());
        l.sort(null);
        return String.join(", ", l);
    }
}

package io.nubis.adapter.eni.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The interfaces an interfaces file defines, in the order of their first {@code iface} stanza. */
final class RenderedInterfaces {
    private RenderedInterfaces() {
    }

    /** The names of the {@code iface} stanzas, each once, without the loopback. */
    static List<String> in(String interfacesFile) {
        Set<String> names = new LinkedHashSet<>();
        for (String line : interfacesFile.split("\n")) {
            String[] words = line.trim().split("\\s+");
            if (words.length >= 2 && words[0].equals("iface") && !words[1].equals("lo")) {
                names.add(words[1]);
            }
        }
        return new ArrayList<>(names);
    }
}

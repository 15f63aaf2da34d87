package io.nubis.adapter.busybox.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.nubis.api.exec.Command;

/** Applies a {@code sed -E 's/A/B/'} command to one line with java.util.regex, to check what the script does. */
final class SedEmulation {
    private SedEmulation() {
    }

    static String apply(Command sed, String line) {
        String script = sed.argv().get(3);
        Matcher m = Pattern.compile("s/((?:[^/\\\\]|\\\\.)*)/((?:[^/\\\\]|\\\\.)*)/").matcher(script);
        if (!m.matches()) {
            throw new IllegalArgumentException("not an s/// script: " + script);
        }
        String replacement = m.group(2).replace("$", "\\$").replaceAll("\\\\(\\d)", "\\$$1");
        return Pattern.compile(m.group(1)).matcher(line).replaceFirst(replacement);
    }
}

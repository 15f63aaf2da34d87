package io.nubis.adapter.udev.internal;

import java.util.regex.Pattern;

/** The hook is written into a rule line: it must be an absolute path of plain characters. */
final class HookPath {
    private static final Pattern VALID = Pattern.compile("/[A-Za-z0-9_.+/-]+");

    private HookPath() {
    }

    static String check(String hook) {
        if (hook == null || !VALID.matcher(hook).matches() || hook.contains("/../") || hook.endsWith("/..")) {
            throw new IllegalArgumentException("hotplug hook must be an absolute path of plain characters, not '" + hook + "'");
        }
        return hook;
    }
}

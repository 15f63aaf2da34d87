package io.nubis.adapter.busybox.internal;

import io.nubis.api.exec.Command;

/**
 * {@code sed -i -E} edits of one user's /etc/shadow line, for what busybox has no tool for.
 * Fields: name:password:lastchange:min:max:warn:inactive:expire:reserved. busybox sed -i keeps
 * the file's mode and owner.
 */
final class ShadowEdit {
    static final String SHADOW = "/etc/shadow";

    private ShadowEdit() {
    }

    /** Sets the inactive and/or expire fields; a null value keeps the current one. */
    static Command aging(String user, String inactive, Long expireDay) {
        String script = "s/^(" + quote(user) + ":[^:]*:[^:]*:[^:]*:[^:]*:[^:]*:)([^:]*):([^:]*):/\\1"
                + (inactive == null ? "\\2" : inactive) + ":" + (expireDay == null ? "\\3" : expireDay) + ":/";
        return sed(script);
    }

    /** Sets the last-change field to 0: the password must be changed at next login. */
    static Command expire(String user) {
        return sed("s/^(" + quote(user) + ":[^:]*):[^:]*:/\\1:0:/");
    }

    private static Command sed(String script) {
        return Command.of("sed", "-i", "-E", script, SHADOW);
    }

    /** Escapes the ERE metacharacters a checked user name can hold. */
    static String quote(String user) {
        return user.replace(".", "\\.").replace("$", "\\$");
    }
}

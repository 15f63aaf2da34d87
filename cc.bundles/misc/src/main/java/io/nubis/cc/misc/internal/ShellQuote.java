package io.nubis.cc.misc.internal;

/** Single-quotes a word for the POSIX shell. */
final class ShellQuote {
    private ShellQuote() {
    }

    static String quote(String s) {
        if (s.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("a NUL character cannot be passed to the shell");
        }
        return "'" + s.replace("'", "'\\''") + "'";
    }
}

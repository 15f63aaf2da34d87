package io.nubis.cc.resolv_conf.internal;

/** Values quoted in messages: control characters shown as {@code ?}, at most 80 characters. */
final class Printable {
    private Printable() {
    }

    static String of(String s) {
        StringBuilder b = new StringBuilder();
        s.codePoints().limit(80).forEach(c -> b.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return b.toString();
    }
}

package io.nubis.adapter.eni.internal;

import java.util.Locale;

/**
 * Which ifupdown reads the file. {@link #IFUPDOWN} is Debian's ifupdown (and ifupdown-ng), for
 * which the output is the reference's; {@link #BUSYBOX} is busybox's ifup/ifdown applets, which
 * know fewer methods and keywords, so the stanzas are written in the subset they understand.
 */
enum Dialect {
    IFUPDOWN,
    BUSYBOX;

    /** The dialect named by the {@code dialect} option; absent means {@link #IFUPDOWN}. */
    static Dialect of(Object option) {
        if (option == null || option.toString().isBlank()) {
            return IFUPDOWN;
        }
        return switch (option.toString().trim().toLowerCase(Locale.ROOT)) {
            case "ifupdown", "debian", "ifupdown-ng" -> IFUPDOWN;
            case "busybox" -> BUSYBOX;
            default -> throw new IllegalArgumentException(
                    "eni: unknown dialect '" + option + "' (expected ifupdown or busybox)");
        };
    }
}

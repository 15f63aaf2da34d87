package io.nubis.launcher.internal;

import java.io.PrintStream;

/**
 * Start-up markers printed to stderr when {@code -Dnubis.trace=true}: milliseconds since the JVM
 * process started and since the previous marker. Off by default and then free (one field read).
 */
final class StartupTrace {
    /** System property that switches the trace on. */
    static final String PROPERTY = "nubis.trace";
    /** Whether tracing is on. */
    static final boolean ON = Boolean.getBoolean(PROPERTY);
    private static long origin;
    private static long last;

    private StartupTrace() {
    }

    /** Prints one marker if tracing is on. */
    static void mark(String phase) {
        if (!ON) {
            return;
        }
        long now = System.nanoTime();
        if (origin == 0) {
            // the JVM's own start time (ms); read only when tracing, as it loads java.management
            long sinceStart = System.currentTimeMillis()
                    - java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
            origin = now - sinceStart * 1_000_000L;
            last = origin;
        }
        print(System.err, phase, (now - origin) / 1_000_000L, (now - last) / 1_000_000L);
        last = now;
    }

    static void print(PrintStream err, String phase, long sinceStartMs, long deltaMs) {
        err.printf("nubis.trace %6d ms (+%5d) %s%n", sinceStartMs, deltaMs, phase);
    }
}

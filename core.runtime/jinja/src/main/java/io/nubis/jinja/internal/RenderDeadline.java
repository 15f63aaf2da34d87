package io.nubis.jinja.internal;

/**
 * Time limit of the render running on this thread, checked before every template node is
 * rendered, so that nested loops cannot keep a boot stage busy.
 */
final class RenderDeadline {
    private static final ThreadLocal<long[]> DEADLINE = new ThreadLocal<>();

    private RenderDeadline() {
    }

    static void start(long millis) {
        DEADLINE.set(new long[] {System.nanoTime() + millis * 1_000_000L});
    }

    static void clear() {
        DEADLINE.remove();
    }

    /** Throws {@link Exceeded} when the current render is past its deadline. */
    static void check() {
        long[] d = DEADLINE.get();
        if (d != null && System.nanoTime() - d[0] > 0) {
            throw new Exceeded();
        }
    }

    /** The render ran out of time. */
    static final class Exceeded extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Exceeded() {
            super("template rendering time limit exceeded", null, false, false);
        }
    }
}

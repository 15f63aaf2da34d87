package io.nubis.cc.disks.internal;

import io.nubis.api.config.ConfigException;
import io.nubis.api.config.Values;

/** Swap sizes as the reference reads and suggests them. */
final class SwapSize {
    static final long MB = 1L << 20;
    static final long GB = 1L << 30;

    private SwapSize() {
    }

    /** Bytes from a number or a human size ({@code 512M}, {@code 2G}, {@code 1.5G}, {@code 100MB}). */
    static long bytes(String path, Object v) {
        if (v instanceof Number n) {
            if (n.doubleValue() < 0) {
                throw new ConfigException(path, "a size cannot be negative");
            }
            return n.longValue();
        }
        String in = Values.asString(path, v).strip();
        String s = in.endsWith("B") ? in.substring(0, in.length() - 1) : in;
        long mult = 1;
        if (!s.isEmpty()) {
            switch (s.charAt(s.length() - 1)) {
                case 'K': mult = 1L << 10; break;
                case 'M': mult = 1L << 20; break;
                case 'G': mult = 1L << 30; break;
                case 'T': mult = 1L << 40; break;
                default: break;
            }
            if (mult != 1 || s.endsWith("B")) {
                s = s.substring(0, s.length() - 1);
            }
        }
        double num;
        try {
            num = Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new ConfigException(path, "'" + in + "' is not a size (like 512M, 2G or a number of bytes)");
        }
        if (num < 0 || Double.isNaN(num) || Double.isInfinite(num)) {
            throw new ConfigException(path, "'" + in + "' is not a valid size");
        }
        return (long) (num * mult);
    }

    /**
     * The reference's suggestion: memory up to 4 GiB, 4 GiB up to 16 GiB of memory, then the
     * square root of the memory in GiB; never more than {@code maxsize}, whose default is a
     * quarter of the free space (at most twice the memory); an explicit maximum is capped at 90%
     * of the free space.
     *
     * @param avail free bytes on the swap file's filesystem, or -1 if unknown
     */
    static long suggest(long memsize, Long maxsize, long avail) {
        long suggMax = memsize * 2;
        long max;
        if (avail < 0) {
            max = maxsize == null ? suggMax : maxsize;
        } else if (maxsize == null) {
            max = Math.min(avail / 4, suggMax);
        } else if (maxsize > avail * 0.9) {
            max = (long) (avail * 0.9);
        } else {
            max = maxsize;
        }
        long min;
        if (memsize < 4 * GB) {
            min = memsize;
        } else if (memsize < 16 * GB) {
            min = 4 * GB;
        } else {
            min = Math.round(Math.sqrt((double) memsize / GB)) * GB;
        }
        return Math.min(min, max);
    }
}

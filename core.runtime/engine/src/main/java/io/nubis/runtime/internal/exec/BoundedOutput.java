package io.nubis.runtime.internal.exec;

import java.io.OutputStream;
import java.util.Arrays;

/** Keeps the first {@code limit} bytes written to it and counts the rest, which it drops. */
final class BoundedOutput extends OutputStream {
    private final int limit;
    private byte[] buf = new byte[256];
    private int size;
    private long dropped;

    BoundedOutput(int limit) {
        this.limit = limit;
    }

    @Override
    public synchronized void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
        int keep = Math.min(len, limit - size);
        if (keep > 0) {
            if (size + keep > buf.length) {
                buf = Arrays.copyOf(buf, (int) Math.min(limit, Math.max((long) buf.length * 2, size + keep)));
            }
            System.arraycopy(b, off, buf, size, keep);
            size += keep;
        }
        dropped += len - Math.max(keep, 0);
    }

    /** The kept bytes. */
    synchronized byte[] bytes() {
        return Arrays.copyOf(buf, size);
    }

    /** How many bytes were dropped past the limit. */
    synchronized long dropped() {
        return dropped;
    }
}

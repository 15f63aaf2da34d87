package io.nubis.runtime.internal.userdata;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/** Bounded gzip decompression: size and ratio limits stop decompression bombs. */
final class Gunzip {
    private Gunzip() {
    }

    /** Whether the bytes start with the gzip magic number. */
    static boolean isGzip(byte[] b) {
        return b.length >= 2 && (b[0] & 0xff) == 0x1f && (b[1] & 0xff) == 0x8b;
    }

    /**
     * Decompresses all gzip members.
     *
     * @throws IOException with a message fit for a finding: truncated or corrupt data, or a limit
     */
    static byte[] gunzip(byte[] in, long maxOut, int maxRatio, long ratioFloor) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(in.length * 4, 1 << 20));
        byte[] buf = new byte[64 * 1024];
        try (GZIPInputStream gz = new GZIPInputStream(new ByteArrayInputStream(in), 64 * 1024)) {
            long total = 0;
            int n;
            while ((n = gz.read(buf)) > 0) {
                total += n;
                if (total > maxOut) {
                    throw new IOException("decompressed size exceeds the limit of " + maxOut
                            + " bytes (decompression bomb?)");
                }
                if (total > ratioFloor && total > (long) in.length * maxRatio) {
                    throw new IOException("decompresses more than " + maxRatio + " times its size of "
                            + in.length + " bytes (decompression bomb?)");
                }
                out.write(buf, 0, n);
            }
        } catch (EOFException e) {
            throw new IOException("truncated gzip data", e);
        } catch (ZipException e) {
            throw new IOException("corrupt gzip data: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }
}

package io.nubis.cc.ssh.internal;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** The SSH wire encoding (RFC 4251 §5): uint32, string and mpint, written and read. */
final class SshWire {
    private SshWire() {
    }

    /** Builds an SSH wire-format byte string. */
    static final class Writer {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Writer uint32(int v) {
            out.write(v >>> 24);
            out.write(v >>> 16);
            out.write(v >>> 8);
            out.write(v);
            return this;
        }

        Writer string(byte[] b) {
            uint32(b.length);
            out.writeBytes(b);
            return this;
        }

        Writer string(String s) {
            return string(s.getBytes(StandardCharsets.UTF_8));
        }

        /** A multiple-precision integer: two's complement, minimal, zero as the empty string. */
        Writer mpint(BigInteger v) {
            return string(v.signum() == 0 ? new byte[0] : v.toByteArray());
        }

        Writer raw(byte[] b) {
            out.writeBytes(b);
            return this;
        }

        int size() {
            return out.size();
        }

        byte[] bytes() {
            return out.toByteArray();
        }
    }

    /** Reads an SSH wire-format byte string; malformed input is an {@link IllegalArgumentException}. */
    static final class Reader {
        private final byte[] buf;
        private int pos;

        Reader(byte[] buf) {
            this.buf = buf;
        }

        Reader(byte[] buf, int offset) {
            this.buf = buf;
            this.pos = offset;
        }

        int uint32() {
            need(4);
            int v = ((buf[pos] & 0xff) << 24) | ((buf[pos + 1] & 0xff) << 16) | ((buf[pos + 2] & 0xff) << 8)
                    | (buf[pos + 3] & 0xff);
            pos += 4;
            return v;
        }

        byte[] string() {
            int len = uint32();
            if (len < 0) {
                throw new IllegalArgumentException("negative length");
            }
            need(len);
            byte[] b = Arrays.copyOfRange(buf, pos, pos + len);
            pos += len;
            return b;
        }

        String utf8() {
            return new String(string(), StandardCharsets.UTF_8);
        }

        BigInteger mpint() {
            byte[] b = string();
            return b.length == 0 ? BigInteger.ZERO : new BigInteger(b);
        }

        boolean atEnd() {
            return pos == buf.length;
        }

        private void need(int n) {
            if (n > buf.length - pos) {
                throw new IllegalArgumentException("truncated SSH data");
            }
        }
    }
}

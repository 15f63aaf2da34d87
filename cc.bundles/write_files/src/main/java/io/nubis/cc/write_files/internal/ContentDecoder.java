package io.nubis.cc.write_files.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * The reference's {@code encoding} handling for {@code write_files} content: {@code b64} /
 * {@code base64}, {@code gz} / {@code gzip}, the four {@code gz+b64} spellings (base64 first,
 * then gunzip) and {@code text/plain}; anything else is treated as text/plain with a warning by
 * the caller. Decompressed output is bounded so that a small gzip bomb cannot fill the disk.
 */
final class ContentDecoder {
    /** Largest decompressed content accepted. */
    static final int MAX_DECOMPRESSED = 128 * 1024 * 1024;

    /** One decoding step. */
    enum Step { BASE64, GUNZIP }

    private ContentDecoder() {
    }

    /**
     * The decoding steps for an {@code encoding} value, in order; null if the value is not one
     * the reference knows (the caller then warns and writes the content as it is).
     */
    static List<Step> steps(String encoding) {
        String e = encoding == null ? "" : encoding.trim().toLowerCase(Locale.ROOT);
        switch (e) {
            case "gz": case "gzip":
                return List.of(Step.GUNZIP);
            case "gz+base64": case "gzip+base64": case "gz+b64": case "gzip+b64":
                return List.of(Step.BASE64, Step.GUNZIP);
            case "b64": case "base64":
                return List.of(Step.BASE64);
            case "": case "text/plain":
                return List.of();
            default:
                return null;
        }
    }

    /** Applies the steps to the content. */
    static byte[] decode(byte[] content, List<Step> steps) throws IOException {
        byte[] out = content;
        for (Step s : steps) {
            out = s == Step.BASE64 ? base64(out) : gunzip(out);
        }
        return out;
    }

    /**
     * Base64 as Python's {@code b64decode} without {@code validate}: characters outside the
     * alphabet (line breaks, spaces) are dropped, and the padding must be right.
     */
    static byte[] base64(byte[] text) throws IOException {
        StringBuilder clean = new StringBuilder(text.length);
        for (byte b : text) {
            char c = (char) (b & 0xff);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/'
                    || c == '=') {
                clean.append(c);
            }
        }
        int eq = clean.indexOf("=");
        String data = eq < 0 ? clean.toString() : clean.substring(0, eq);
        String pad = eq < 0 ? "" : clean.substring(eq);
        if (!pad.chars().allMatch(ch -> ch == '=') || (data.length() + pad.length()) % 4 != 0
                || data.length() % 4 == 1) {
            throw new IOException("invalid base64 data (incorrect padding or stray '=')");
        }
        try {
            return Base64.getDecoder().decode(data + pad);
        } catch (IllegalArgumentException e) {
            throw new IOException("invalid base64 data (" + e.getMessage() + ")", e);
        }
    }

    /** Gunzips, accepting concatenated members, failing on truncated or corrupt data and on too much output. */
    static byte[] gunzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(32, data.length * 2));
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(data))) {
            byte[] buf = new byte[8192];
            int n;
            while ((n = in.read(buf)) > 0) {
                if (out.size() + n > MAX_DECOMPRESSED) {
                    throw new IOException("gzip data expands to more than " + MAX_DECOMPRESSED + " bytes");
                }
                out.write(buf, 0, n);
            }
        } catch (EOFException e) {
            throw new IOException("truncated gzip data", e);
        } catch (ZipException e) {
            throw new IOException("not valid gzip data (" + e.getMessage() + ")", e);
        }
        return out.toByteArray();
    }

    /** Text as the bytes written for it (UTF-8). */
    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}

package io.nubis.runtime.internal.userdata;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Byte and text helpers for parts. */
final class Text {
    private static final String FN_ALLOWED = "_-.()";

    private Text() {
    }

    /** UTF-8 text, or null if the bytes are not valid UTF-8. */
    static String strictUtf8(byte[] bytes) {
        CharsetDecoder d = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            CharBuffer cb = d.decode(ByteBuffer.wrap(bytes));
            return cb.toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** UTF-8 text with invalid sequences replaced by U+FFFD. */
    static String lenientUtf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** CRLF turned into LF, as the reference's {@code dos2unix}. */
    static byte[] dos2unix(byte[] in) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
        for (int i = 0; i < in.length; i++) {
            if (in[i] == '\r' && i + 1 < in.length && in[i + 1] == '\n') {
                continue;
            }
            out.write(in[i]);
        }
        return out.toByteArray();
    }

    /**
     * A file name as the reference's {@code clean_filename}: {@code /} becomes {@code _}, then only
     * ASCII letters, digits and {@code _-.()} are kept; surrounding white space is gone.
     */
    static String cleanFilename(String name) {
        StringBuilder b = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '/') {
                c = '_';
            }
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || FN_ALLOWED.indexOf(c) >= 0) {
                b.append(c);
            }
        }
        return b.toString();
    }

    /** Up to {@code max} characters of the first line, control characters escaped: for messages. */
    static String preview(byte[] payload, int max) {
        String s = lenientUtf8(java.util.Arrays.copyOf(payload, Math.min(payload.length, max * 4)));
        int nl = s.indexOf('\n');
        if (nl >= 0) {
            s = s.substring(0, nl);
        }
        if (s.length() > max) {
            s = s.substring(0, max);
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < ' ' || c == 127) {
                b.append(String.format("\\x%02x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    /** A header value on one line: CR, LF and other control characters become spaces. */
    static String oneLine(String value) {
        StringBuilder b = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            b.append(c < ' ' && c != '\t' || c == 127 ? ' ' : c);
        }
        return b.toString();
    }
}

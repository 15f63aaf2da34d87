package io.nubis.runtime.internal.userdata;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.List;
import java.util.Locale;

import org.apache.james.mime4j.MimeException;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.codec.QuotedPrintableInputStream;
import org.apache.james.mime4j.parser.AbstractContentHandler;
import org.apache.james.mime4j.parser.MimeStreamParser;
import org.apache.james.mime4j.stream.BodyDescriptor;
import org.apache.james.mime4j.stream.Field;
import org.apache.james.mime4j.stream.MimeConfig;

/**
 * Splits a MIME message into its leaf parts, depth first (multipart containers are walked, not
 * returned), with headers unfolded and the transfer encoding undone. Problems become findings
 * that name the part; the parts read before a fatal problem are kept.
 */
final class MimeReader {
    /**
     * A leaf part.
     *
     * @param where       {@code <message> > MIME part 2}
     * @param contentType bare lower-case type, or null when absent or invalid
     * @param headers     all headers, unfolded
     * @param payload     content with the transfer encoding undone
     */
    record Leaf(String where, String contentType, List<Header> headers, byte[] payload) {
        String header(String name) {
            for (Header h : headers) {
                if (h.name().equalsIgnoreCase(name)) {
                    return h.value();
                }
            }
            return null;
        }
    }

    /** The leaves and what went wrong. */
    record Result(List<Leaf> leaves, List<Finding> findings) {
    }

    private MimeReader() {
    }

    /** Whether a blob is MIME for the reference: {@code mime-version:} within its first 4096 bytes. */
    static boolean looksLikeMime(byte[] blob) {
        String head = new String(blob, 0, Math.min(blob.length, 4096), StandardCharsets.ISO_8859_1)
                .toLowerCase(Locale.ROOT);
        return head.contains("mime-version:");
    }

    static Result read(byte[] message, String where, UserDataLimits limits) {
        Handler h = new Handler(where, limits);
        MimeConfig config = new MimeConfig.Builder()
                .setMaxLineLen(-1)
                .setMaxHeaderLen(256 * 1024)
                .setMaxHeaderCount(1000)
                .setMaxContentLen(-1)
                .setStrictParsing(false)
                .build();
        MimeStreamParser parser = new MimeStreamParser(config);
        parser.setContentDecoding(false);
        parser.setContentHandler(h);
        h.parser = parser;
        try {
            parser.parse(new ByteArrayInputStream(message));
        } catch (MimeException | IOException | RuntimeException e) {
            h.findings.add(Finding.error(h.currentWhere(), "malformed MIME message: " + e.getMessage()
                    + "; parts after this point are ignored"));
        }
        return new Result(h.leaves, h.findings);
    }

    /** One entity (message or body part) being read. */
    private static final class Entity {
        final String where;
        final List<Header> headers = new ArrayList<>();

        Entity(String where) {
            this.where = where;
        }
    }

    /** One multipart container being read. */
    private static final class Multipart {
        final String where;
        final String type;
        int parts;

        Multipart(String where, String type) {
            this.where = where;
            this.type = type;
        }
    }

    private static final class Handler extends AbstractContentHandler {
        private final String root;
        private final UserDataLimits limits;
        private final Deque<Entity> entities = new ArrayDeque<>();
        private final Deque<Multipart> multiparts = new ArrayDeque<>();
        final List<Leaf> leaves = new ArrayList<>();
        final List<Finding> findings = new ArrayList<>();
        MimeStreamParser parser;
        private boolean stopped;
        private boolean depthReported;

        Handler(String root, UserDataLimits limits) {
            this.root = root;
            this.limits = limits;
        }

        String currentWhere() {
            return entities.isEmpty() ? root : entities.peek().where;
        }

        @Override
        public void startMessage() {
            entities.push(new Entity(entities.isEmpty() ? root : currentWhere() + " > message"));
        }

        @Override
        public void endMessage() {
            entities.pop();
        }

        @Override
        public void startBodyPart() {
            Multipart mp = multiparts.peek();
            mp.parts++;
            entities.push(new Entity(mp.where + " > MIME part " + mp.parts));
        }

        @Override
        public void endBodyPart() {
            entities.pop();
        }

        @Override
        public void field(Field field) {
            String value = field.getBody() == null ? "" : field.getBody().replaceAll("\r?\n[ \t]+", " ").strip();
            entities.peek().headers.add(new Header(field.getName(), value));
        }

        @Override
        public void startMultipart(BodyDescriptor bd) {
            Entity e = entities.peek();
            multiparts.push(new Multipart(e.where, ContentTypes.normalize(header(e, "Content-Type"))));
            if (multiparts.size() > limits.maxMimeDepth() && !depthReported) {
                depthReported = true;
                findings.add(Finding.error(e.where, "multipart messages nested deeper than "
                        + limits.maxMimeDepth() + " levels: the deeper parts are ignored"));
            }
        }

        @Override
        public void endMultipart() {
            Multipart mp = multiparts.pop();
            if (mp.parts == 0 && !stopped) {
                findings.add(Finding.error(mp.where, "multipart message (" + mp.type
                        + ") has no parts: its boundary does not occur in the body"));
            }
        }

        @Override
        public void body(BodyDescriptor bd, InputStream is) throws IOException {
            Entity e = entities.peek();
            if (stopped) {
                return;
            }
            if (multiparts.size() > limits.maxMimeDepth()) {
                return;
            }
            String type = ContentTypes.normalize(header(e, "Content-Type"));
            if (type != null && type.startsWith("multipart/")) {
                findings.add(Finding.error(e.where, "declares " + type
                        + " without a usable boundary parameter: the part is ignored"));
                return;
            }
            if (leaves.size() >= limits.maxParts()) {
                stopped = true;
                findings.add(Finding.error(e.where, "more than " + limits.maxParts()
                        + " MIME parts: this and later parts are ignored"));
                parser.stop();
                return;
            }
            byte[] raw = readBounded(is, limits.maxPartBytes() * 2 + 1024);
            if (raw == null) {
                findings.add(Finding.error(e.where, "larger than " + limits.maxPartBytes() + " bytes: ignored"));
                return;
            }
            byte[] payload = decodeTransfer(e, raw);
            if (payload == null) {
                return;
            }
            leaves.add(new Leaf(e.where, type, List.copyOf(e.headers), payload));
        }

        private byte[] decodeTransfer(Entity e, byte[] raw) {
            String cte = header(e, "Content-Transfer-Encoding");
            String enc = cte == null ? "" : cte.strip().toLowerCase(Locale.ROOT);
            switch (enc) {
                case "", "7bit", "8bit", "binary":
                    return raw;
                case "base64":
                    byte[] decoded = base64(raw);
                    if (decoded == null) {
                        findings.add(Finding.error(e.where, "content is not valid base64: the part is ignored"));
                    }
                    return decoded;
                case "quoted-printable":
                    try (InputStream in = new QuotedPrintableInputStream(new ByteArrayInputStream(raw),
                            DecodeMonitor.SILENT)) {
                        return in.readAllBytes();
                    } catch (IOException ex) {
                        findings.add(Finding.error(e.where, "content is not valid quoted-printable: "
                                + ex.getMessage() + "; the part is ignored"));
                        return null;
                    }
                default:
                    findings.add(Finding.warning(e.where, "unknown Content-Transfer-Encoding '" + cte
                            + "': content used as it is"));
                    return raw;
            }
        }

        private static String header(Entity e, String name) {
            for (Header h : e.headers) {
                if (h.name().equalsIgnoreCase(name)) {
                    return h.value();
                }
            }
            return null;
        }
    }

    /**
     * Lenient base64 as Python's email package decodes it: characters outside the alphabet are
     * skipped and missing padding is added; null if the data still cannot be decoded.
     */
    static byte[] base64(byte[] raw) {
        StringBuilder b = new StringBuilder(raw.length);
        for (byte x : raw) {
            char c = (char) (x & 0xff);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/') {
                b.append(c);
            } else if (c == '=') {
                break;
            }
        }
        if (b.length() % 4 == 1) {
            return null;
        }
        while (b.length() % 4 != 0) {
            b.append('=');
        }
        try {
            return Base64.getDecoder().decode(b.toString());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Reads at most {@code max} bytes; null if there are more. */
    private static byte[] readBounded(InputStream is, long max) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[16 * 1024];
        long total = 0;
        int n;
        while ((n = is.read(buf)) > 0) {
            total += n;
            if (total > max) {
                is.transferTo(java.io.OutputStream.nullOutputStream());
                return null;
            }
            out.write(buf, 0, n);
        }
        return out.toByteArray();
    }
}

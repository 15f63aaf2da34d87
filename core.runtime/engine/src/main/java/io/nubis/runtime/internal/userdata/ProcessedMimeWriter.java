package io.nubis.runtime.internal.userdata;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * Writes processed user-data as the MIME multipart message the reference stores in
 * {@code /var/lib/cloud/instance/user-data.txt.i} (and {@code vendor-data.txt.i},
 * {@code vendor-data2.txt.i}; mode 0600, it holds secrets): one part per kept part, in order,
 * with its content type, a {@code Content-Disposition} carrying the file name, and its other
 * headers ({@code Launch-Index}, {@code Merge-Type}...); the outer message counts the parts in
 * {@code Number-Attachments}.
 *
 * <p>Differences from the reference's text, none of which changes what a MIME parser reads back:
 * the boundary is derived from the content (reproducible) instead of random; payloads are written
 * decoded, and those that are not UTF-8 text are base64-encoded; header values are kept on one line.
 */
public final class ProcessedMimeWriter {
    private ProcessedMimeWriter() {
    }

    /** The message text. */
    public static String render(ProcessedUserData data) {
        return render(data.parts());
    }

    /** The message text for parts. */
    public static String render(List<UserDataPart> parts) {
        String boundary = boundary(parts);
        StringBuilder b = new StringBuilder();
        b.append("Content-Type: multipart/mixed; boundary=\"").append(boundary).append("\"\n");
        b.append("MIME-Version: 1.0\n");
        b.append("Number-Attachments: ").append(parts.size()).append("\n\n");
        boolean first = true;
        for (UserDataPart p : parts) {
            b.append(first ? "" : "\n").append("--").append(boundary).append('\n');
            first = false;
            String text = Text.strictUtf8(p.payload());
            boolean base64 = text == null || text.contains("\r");
            b.append("Content-Type: ").append(p.contentType()).append('\n');
            b.append("MIME-Version: 1.0\n");
            if (base64) {
                b.append("Content-Transfer-Encoding: base64\n");
            }
            b.append("Content-Disposition: attachment; filename=\"").append(PartCollector.quote(p.filename()))
                    .append("\"\n");
            for (Header h : p.headers()) {
                String name = h.name().toLowerCase(Locale.ROOT);
                if (name.equals("content-type") || name.equals("mime-version") || name.equals("content-disposition")
                        || name.equals("content-transfer-encoding")) {
                    continue;
                }
                b.append(Text.oneLine(h.name()).replace(":", "")).append(": ").append(Text.oneLine(h.value()))
                        .append('\n');
            }
            b.append('\n');
            if (base64) {
                b.append(Base64.getMimeEncoder(76, new byte[] {'\n'}).encodeToString(p.payload()));
            } else {
                b.append(text);
            }
        }
        if (parts.isEmpty()) {
            b.append("--").append(boundary).append("--\n");
        } else {
            b.append("\n--").append(boundary).append("--\n");
        }
        return b.toString();
    }

    /** A boundary that no payload contains, the same for the same parts. */
    static String boundary(List<UserDataPart> parts) {
        try {
            for (int attempt = 0;; attempt++) {
                MessageDigest sha = MessageDigest.getInstance("SHA-256");
                sha.update((byte) attempt);
                for (UserDataPart p : parts) {
                    sha.update(p.contentType().getBytes(StandardCharsets.UTF_8));
                    sha.update(p.payload());
                }
                byte[] d = sha.digest();
                long n = 0;
                for (int i = 0; i < 8; i++) {
                    n = (n << 8) | (d[i] & 0xff);
                }
                String digits = String.format("%019d", n & Long.MAX_VALUE);
                String candidate = "===============" + digits + "==";
                boolean clash = false;
                for (UserDataPart p : parts) {
                    if (new String(p.payload(), StandardCharsets.ISO_8859_1).contains(candidate)) {
                        clash = true;
                        break;
                    }
                }
                if (!clash) {
                    return candidate;
                }
            }
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}

package io.nubis.runtime.internal.userdata;

import java.util.List;

/**
 * One part of processed user-data, as the reference keeps it in its accumulated MIME message
 * (and writes it to {@code user-data.txt.i}): includes followed, archives exploded, gzip undone,
 * content type sniffed, a default file name and a {@code Launch-Index} given.
 *
 * @param number      1-based position among the kept parts
 * @param label       {@code user-data part 2 (text/cloud-config)}
 * @param origin      how the part was reached ({@code user-data > #include https://x})
 * @param contentType bare, lower-case content type ({@code text/x-shellscript})
 * @param filename    the part's file name, {@code part-00N} when it had none
 * @param headers     other headers kept (Launch-Index, Merge-Type, archive extras...); never
 *                    Content-Type, Content-Transfer-Encoding, MIME-Version or Content-Disposition
 * @param payload     decoded content
 */
public record UserDataPart(int number, String label, String origin, String contentType, String filename,
        List<Header> headers, byte[] payload) {

    /** The first header with this name (case-insensitive), or null. */
    public String header(String name) {
        for (Header h : headers) {
            if (h.name().equalsIgnoreCase(name)) {
                return h.value();
            }
        }
        return null;
    }

    /** The {@code Launch-Index} header as a number, or null if absent or not a number. */
    public Integer launchIndex() {
        return LaunchIndex.parse(header("Launch-Index"));
    }

    @Override
    public String toString() {
        return label + " " + filename + " (" + payload.length + " bytes)";
    }
}

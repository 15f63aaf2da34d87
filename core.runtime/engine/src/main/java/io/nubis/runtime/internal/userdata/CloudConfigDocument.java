package io.nubis.runtime.internal.userdata;

/**
 * A cloud-config document, in part order, for the merger to parse and merge.
 *
 * @param label       provenance: {@code user-data part 2 (text/cloud-config)}
 * @param filename    the part's file name
 * @param contentType {@code text/cloud-config}, {@code text/cloud-config-jsonp}, or
 *                    {@code text/jinja2} when it was rendered from a template
 * @param text        the document text (not parsed here)
 * @param mergeType   the part's {@code Merge-Type} / {@code X-Merge-Type} header, or null; the
 *                    document's own {@code merge_how}/{@code merge_type} keys come on top
 * @param jsonPatch   true for {@code #cloud-config-jsonp}: a JSON patch to apply to what was
 *                    merged so far instead of a document to merge
 */
public record CloudConfigDocument(String label, String filename, String contentType, String text, String mergeType,
        boolean jsonPatch) {

    /** No content: user-data may hold secrets. */
    @Override
    public String toString() {
        return label + (jsonPatch ? " (JSON patch)" : "") + (mergeType == null ? "" : " Merge-Type: " + mergeType);
    }
}

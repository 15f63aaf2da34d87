package io.nubis.runtime.internal.userdata;

/**
 * A {@code #part-handler} part: Python code the reference imports and calls for custom content
 * types. Nubis does not run Python; the part is kept for reporting only.
 *
 * @param label    provenance
 * @param filename the part's file name
 * @param content  the handler's source
 */
public record PartHandlerPart(String label, String filename, byte[] content) {
    @Override
    public String toString() {
        return label + " " + filename + " (" + content.length + " bytes)";
    }
}

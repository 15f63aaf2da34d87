package io.nubis.runtime.internal.userdata;

/**
 * A boothook: written to {@code /var/lib/cloud/instance/boothooks/<name>} (0700) and run at
 * once, every boot, with {@code INSTANCE_ID} in the environment.
 *
 * @param label       provenance
 * @param name        file name, cleaned like a script's
 * @param contentType the part's content type
 * @param content     the script: CRLF turned into LF, the {@code #cloud-boothook} line prefix
 *                    removed and leading white space stripped, as the reference writes it
 */
public record BoothookPart(String label, String name, String contentType, byte[] content) {
    @Override
    public String toString() {
        return label + " -> " + name + " (" + content.length + " bytes)";
    }
}

package io.nubis.runtime.internal.userdata;

/**
 * A script to write (mode 0700) and run later.
 *
 * @param label       provenance
 * @param name        file name: the part's file name cleaned as the reference does (only
 *                    letters, digits and {@code _-.()}, {@code /} becoming {@code _}), or
 *                    {@code part-00N}
 * @param contentType the part's content type
 * @param kind        where it goes and when it runs
 * @param content     script bytes, CRLF turned into LF as the reference does
 */
public record ScriptPart(String label, String name, String contentType, Kind kind, byte[] content) {
    /** Where a script goes. */
    public enum Kind {
        /** {@code #!} or {@code text/x-shellscript}: the instance's scripts directory, run once per instance. */
        PART,
        /** {@code text/x-shellscript-per-boot}: {@code /var/lib/cloud/scripts/per-boot}. */
        PER_BOOT,
        /** {@code text/x-shellscript-per-instance}: {@code /var/lib/cloud/scripts/per-instance}. */
        PER_INSTANCE,
        /** {@code text/x-shellscript-per-once}: {@code /var/lib/cloud/scripts/per-once}. */
        PER_ONCE;

        /**
         * The directory the reference writes such scripts to: {@code /var/lib/cloud/instance/scripts}
         * for user-data, {@code .../scripts/vendor} for vendor-data (run with the vendor prefix),
         * {@code /var/lib/cloud/scripts/per-*} for the frequency types.
         */
        public String directory(UserDataKind source) {
            return switch (this) {
                case PART -> source == UserDataKind.USER_DATA ? "/var/lib/cloud/instance/scripts"
                        : "/var/lib/cloud/instance/scripts/vendor";
                case PER_BOOT -> "/var/lib/cloud/scripts/per-boot";
                case PER_INSTANCE -> "/var/lib/cloud/scripts/per-instance";
                case PER_ONCE -> "/var/lib/cloud/scripts/per-once";
            };
        }
    }

    /** The directory this script goes to ({@link Kind#directory(UserDataKind)}). */
    public String directory(UserDataKind source) {
        return kind.directory(source);
    }

    @Override
    public String toString() {
        return label + " -> " + name + " (" + kind + ", " + content.length + " bytes)";
    }
}

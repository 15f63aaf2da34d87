package io.nubis.runtime.internal.query;

/**
 * The options of {@code query}.
 *
 * @param instanceData host path of the instance-data file, or null for the default
 * @param userData     host path of the user-data file, or null for the default
 * @param vendorData   host path of the vendor-data file, or null for the default
 * @param varname      dot-separated key path, or null
 * @param listKeys     list the keys at {@code varname} (or the top level)
 * @param all          dump all instance data
 * @param format       a Jinja template to render, or null
 */
public record QueryRequest(String instanceData, String userData, String vendorData, String varname,
        boolean listKeys, boolean all, String format) {

    /** True if the request asks for something. */
    public boolean asksForSomething() {
        return listKeys || all || (varname != null && !varname.isEmpty()) || (format != null && !format.isEmpty());
    }
}

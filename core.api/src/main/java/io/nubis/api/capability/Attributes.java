package io.nubis.api.capability;

/**
 * Attribute names used both in capabilities and in the matching service properties.
 * List-valued attributes are {@code List<String>} in capabilities and {@code String[]} in
 * service properties.
 */
public final class Attributes {
    /** Stage a module or datasource runs in; see {@code io.nubis.api.module.Stage#id()}. */
    public static final String STAGE = "stage";
    /** Module frequency; see {@code io.nubis.api.module.Frequency#id()}. */
    public static final String FREQUENCY = "frequency";
    /** Boolean: the module converges to the same state when re-run, so update mode may run it. */
    public static final String IDEMPOTENT = "idempotent";
    /** Boolean: the module implements {@code ConfigModule.prepare}, so the engine offers it the early call. */
    public static final String PREPARES = "prepares";
    /** Top-level cloud-config keys that activate a module; empty means it always runs. */
    public static final String KEYS = "keys";
    /** Distro names a module supports; {@code all} means every distro. */
    public static final String DISTROS = "distros";
    /** Modules that must run before this one when both run in the same stage. */
    public static final String AFTER = "after";
    /** Modules that must run after this one when both run in the same stage. */
    public static final String BEFORE = "before";
    /** Shared system resources a module reads or changes; empty means any, so it runs alone. See {@code io.nubis.api.module.Resources}. */
    public static final String TOUCHES = "touches";
    /** Bundle resource holding the module's JSON-Schema fragment. */
    public static final String SCHEMA = "schema";
    /** Distro family ({@code debian}, {@code suse}, {@code alpine}, {@code freebsd}). */
    public static final String FAMILY = "family";
    /** Distro variant as cloud-init names it in {@code system_info.variant}. */
    public static final String VARIANT = "variant";
    /** Datasource detection: files or directories whose presence suggests the datasource. */
    public static final String DETECT_FILES = "detect.files";
    /** Datasource detection: filesystem labels ({@code cidata}). */
    public static final String DETECT_LABELS = "detect.labels";
    /** Datasource detection: {@code field=glob} against /sys/class/dmi/id/field. */
    public static final String DETECT_DMI = "detect.dmi";
    /** Datasource detection: globs matched against each kernel command line word. */
    public static final String DETECT_CMDLINE = "detect.cmdline";
    /** Datasource detection: if true the datasource is always a candidate (None, NoCloud with config). */
    public static final String DETECT_ALWAYS = "detect.always";
    /** Datasource: update events of the network scope it supports ({@code hotplug}...). */
    public static final String UPDATE_EVENTS = "update.events";
    /** Datasource: the supported update events enabled unless the {@code updates} config says otherwise. */
    public static final String UPDATE_EVENTS_DEFAULT = "update.events.default";
    /** Layout: whether the OS clears the run directory at boot; "true" or "false" in the capability (OSGi has no Boolean attribute type), Boolean in the service property. */
    public static final String EPHEMERAL_RUN = "ephemeral.run";

    /** Network renderer: commands that must all be found in the target's sbin and bin directories for it to be available. */
    public static final String PROBE_COMMANDS = "probe.commands";
    /** Network renderer: target files that must all exist for it to be available. */
    public static final String PROBE_FILES = "probe.files";

    private Attributes() {
    }
}

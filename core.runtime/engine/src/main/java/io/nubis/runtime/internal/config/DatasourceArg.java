package io.nubis.runtime.internal.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The datasource chosen on the kernel command line: {@code ds=nocloud;s=http://10.0.0.2/;h=host;i=iid}
 * (or the deprecated {@code ci.ds=} / {@code ci.datasource=}). The short keys {@code s}, {@code h} and
 * {@code i} are given their long names {@code seedfrom}, {@code local-hostname} and {@code instance-id};
 * a key without {@code =} has a null value.
 *
 * @param key      the parameter it was read from: {@code ds}, {@code ci.ds} or {@code ci.datasource}
 * @param name     the datasource name as written ({@code nocloud}, {@code nocloud-net}, {@code ec2} ...)
 * @param settings the {@code ;key=value} settings after the name, long names, in order
 */
public record DatasourceArg(String key, String name, Map<String, String> settings) {
    /** Copies the settings. */
    public DatasourceArg {
        settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
    }

    /** Whether this names the datasource {@code dsname}, case-insensitively. */
    public boolean names(String dsname) {
        return name.toLowerCase(Locale.ROOT).equals(dsname.toLowerCase(Locale.ROOT));
    }

    /** True for the deprecated spellings {@code ci.ds=} and {@code ci.datasource=}. */
    public boolean deprecatedSpelling() {
        return !"ds".equals(key);
    }

    /** {@code s=} / {@code seedfrom=}: where NoCloud fetches its seed. */
    public Optional<String> seedFrom() {
        return Optional.ofNullable(settings.get("seedfrom"));
    }

    /** {@code h=} / {@code local-hostname=}. */
    public Optional<String> localHostname() {
        return Optional.ofNullable(settings.get("local-hostname"));
    }

    /** {@code i=} / {@code instance-id=}. */
    public Optional<String> instanceId() {
        return Optional.ofNullable(settings.get("instance-id"));
    }

    /** {@code dsmode=}, only if given explicitly. */
    public Optional<String> dsmode() {
        return Optional.ofNullable(settings.get("dsmode"));
    }
}

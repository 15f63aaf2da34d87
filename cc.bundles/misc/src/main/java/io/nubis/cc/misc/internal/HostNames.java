package io.nubis.cc.misc.internal;

import java.io.IOException;
import java.util.Map;
import java.util.regex.Pattern;

import io.nubis.api.module.ModuleContext;

/**
 * The instance's short hostname and FQDN the way the reference's datasource derives them: from
 * the metadata's local hostname ({@code v1.local_hostname}, or {@code local-hostname} in
 * {@code ds.meta_data}), an IPv4 address becoming {@code ip-a-b-c-d}; else the target's
 * {@code /etc/hostname}; else {@code localhost}. Without a domain the FQDN is the short name.
 *
 * @param hostname short name
 * @param fqdn     fully qualified name
 */
record HostNames(String hostname, String fqdn) {
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    static HostNames of(ModuleContext ctx) {
        String local = null;
        Map<String, Object> data = ctx.instanceData();
        if (data.get("v1") instanceof Map<?, ?> v1 && v1.get("local_hostname") instanceof String s && !s.isBlank()) {
            local = s.trim();
        } else if (data.get("ds") instanceof Map<?, ?> ds && ds.get("meta_data") instanceof Map<?, ?> md
                && md.get("local-hostname") instanceof String s && !s.isBlank()) {
            local = s.trim();
        }
        if (local == null) {
            try {
                local = ctx.target().readString("/etc/hostname").map(String::trim).filter(s -> !s.isEmpty()).orElse("localhost");
            } catch (IOException e) {
                local = "localhost";
            }
        }
        if (IPV4.matcher(local).matches()) {
            local = "ip-" + local.replace('.', '-');
        }
        int dot = local.indexOf('.');
        return dot > 0 ? new HostNames(local.substring(0, dot), local) : new HostNames(local, local);
    }
}

package io.nubis.cc.hostname.internal;

import java.util.Map;
import java.util.regex.Pattern;

import io.nubis.api.config.Values;
import io.nubis.api.module.ModuleContext;
import io.nubis.api.module.ModuleException;

/**
 * The reference's {@code util.get_hostname_fqdn}: {@code fqdn} wins (hostname defaults to its
 * first label), then a dotted {@code hostname}, then the metadata's {@code local-hostname}
 * (an IPv4 address becomes {@code ip-a-b-c-d}; a missing one falls back to the machine's current
 * name, then to {@code localhost}, flagged as the default). Every name is validated; the error
 * names the key or the metadata it came from.
 *
 * @param hostname  short name
 * @param fqdn      fully qualified name (the short name if no domain is known)
 * @param isDefault true if nothing gave a name and {@code localhost} was made up
 */
record Names(String hostname, String fqdn, boolean isDefault) {
    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9_]([A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?");
    private static final Pattern IPV4 = Pattern.compile("(25[0-5]|2[0-4]\\d|1?\\d?\\d)(\\.(25[0-5]|2[0-4]\\d|1?\\d?\\d)){3}");

    /** The name to write: the FQDN when preferred and known, else the short name. */
    String select(boolean preferFqdn) {
        return preferFqdn && fqdn != null && !fqdn.isEmpty() ? fqdn : hostname;
    }

    static Names resolve(ModuleContext ctx, CurrentHostname current) throws ModuleException {
        Map<String, Object> cfg = ctx.config().asMap();
        String hostnameCfg = cfg.get("hostname") == null ? null : Values.asString("hostname", cfg.get("hostname"));
        if (hostnameCfg != null) {
            validate("hostname", hostnameCfg);
        }
        Names n;
        if (cfg.get("fqdn") != null) {
            String fqdn = Values.asString("fqdn", cfg.get("fqdn"));
            validate("fqdn", fqdn);
            if (hostnameCfg != null) {
                validate("hostname", hostnameCfg);
            }
            String host = hostnameCfg != null ? hostnameCfg : fqdn.split("\\.", -1)[0];
            n = new Names(host, fqdn, false);
        } else if (hostnameCfg != null && hostnameCfg.indexOf('.') > 0) {
            validate("hostname", hostnameCfg);
            n = new Names(hostnameCfg.substring(0, hostnameCfg.indexOf('.')), hostnameCfg, false);
        } else {
            Names fromDs = fromMetadata(ctx, current);
            if (hostnameCfg != null) {
                validate("hostname", hostnameCfg);
                n = new Names(hostnameCfg, fromDs.fqdn(), false);
            } else {
                n = fromDs;
            }
        }
        return n;
    }

    /** The datasource's idea of the names, like {@code DataSource.get_hostname}. */
    private static Names fromMetadata(ModuleContext ctx, CurrentHostname current) throws ModuleException {
        String local = localHostname(ctx.instanceData());
        String[] toks;
        boolean isDefault = false;
        if (local == null || local.isEmpty()) {
            String now = current.get(ctx);
            String fromHosts = now == null ? null : HostsFile.canonicalFor(current.hostsText(ctx), now);
            if (fromHosts != null && fromHosts.indexOf('.') > 0) {
                toks = fromHosts.split("\\.");
            } else if (now != null && now.indexOf('.') > 0) {
                toks = now.split("\\.");
            } else if (now != null && !now.isEmpty()) {
                toks = new String[] {now, "localdomain"};
            } else {
                toks = new String[] {"localhost", "localdomain"};
                isDefault = true;
            }
        } else {
            validate("metadata local-hostname", IPV4.matcher(local).matches() ? "ip-" + local.replace('.', '-') : local);
            toks = IPV4.matcher(local).matches() ? new String[] {"ip-" + local.replace('.', '-')} : local.split("\\.");
        }
        String host = toks[0];
        String domain = toks.length > 1 ? String.join(".", java.util.Arrays.copyOfRange(toks, 1, toks.length)) : "localdomain";
        String fqdn = domain.equals("localdomain") ? host : host + "." + domain;
        return new Names(host, fqdn, isDefault);
    }

    /** {@code ds.meta_data.local-hostname}, else the {@code v1} key. */
    static String localHostname(Map<String, Object> data) {
        if (data.get("ds") instanceof Map<?, ?> ds && ds.get("meta_data") instanceof Map<?, ?> md) {
            for (String k : new String[] {"local-hostname", "local_hostname"}) {
                if (md.get(k) instanceof String s && !s.isBlank()) {
                    return s.strip();
                }
            }
        }
        if (data.get("v1") instanceof Map<?, ?> v1) {
            for (String k : new String[] {"local_hostname", "local-hostname"}) {
                if (v1.get(k) instanceof String s && !s.isBlank()) {
                    return s.strip();
                }
            }
        }
        return null;
    }

    /**
     * Checks a host name: at most 253 characters, dot-separated labels of 1 to 63 letters,
     * digits, hyphens and underscores, not starting or ending with a hyphen.
     */
    static void validate(String key, String name) throws ModuleException {
        String why = null;
        if (name == null || name.isEmpty()) {
            why = "it is empty";
        } else if (name.length() > 253) {
            why = "longer than 253 characters";
        } else {
            for (String label : name.split("\\.", -1)) {
                if (!LABEL.matcher(label).matches()) {
                    why = label.isEmpty() ? "empty label" : "bad label '" + label + "'";
                    break;
                }
            }
        }
        if (why != null) {
            throw new ModuleException(key + ": '" + name + "' is not a valid host name (" + why
                    + "; labels are 1-63 letters, digits, '-' or '_')");
        }
    }
}

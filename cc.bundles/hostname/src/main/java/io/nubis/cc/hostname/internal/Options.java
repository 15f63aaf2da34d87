package io.nubis.cc.hostname.internal;

import io.nubis.api.module.ModuleContext;

/**
 * The top-level options shared by the hostname modules: {@code preserve_hostname},
 * {@code prefer_fqdn_over_hostname} (default: the distro's {@code hostname_conf.prefer_fqdn}) and
 * {@code create_hostname_file} (default true).
 */
record Options(boolean preserve, boolean preferFqdn, boolean createFile) {
    static Options of(ModuleContext ctx, SystemFacts facts) {
        return new Options(ctx.config().bool("preserve_hostname", false),
                ctx.config().bool("prefer_fqdn_over_hostname", facts.preferFqdn()),
                ctx.config().bool("create_hostname_file", true));
    }
}

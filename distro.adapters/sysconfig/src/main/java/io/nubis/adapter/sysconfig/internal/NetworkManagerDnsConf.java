package io.nubis.adapter.sysconfig.internal;

import io.nubis.api.net.NetworkState;

/**
 * The NetworkManager drop-in the reference writes beside sysconfig files when the config has
 * global name servers: it stops NetworkManager from rewriting the resolv.conf written here.
 */
final class NetworkManagerDnsConf {
    private NetworkManagerDnsConf() {
    }

    /** The drop-in's text, or null if the state has no global name servers. */
    static String of(NetworkState state) {
        if (state.dns().nameservers().isEmpty()) {
            return null;
        }
        return ShellVars.HEADER + "\n[main]\ndns = none\n";
    }
}

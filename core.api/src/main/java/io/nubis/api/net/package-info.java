/**
 * Network configuration as one model: network-config version 1 and version 2 are both read into
 * a {@link io.nubis.api.net.NetworkState}, which {@link io.nubis.api.net.NetworkRenderer}
 * adapters turn into the files of one network stack (ENI, netplan, systemd-networkd, sysconfig,
 * NetworkManager, FreeBSD rc.conf) and bring up.
 */
@Export
@Version("1.0.0")
package io.nubis.api.net;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;

/**
 * Helpers the network renderer bundles share: global routes assigned to the interfaces that reach
 * their gateway, Python's {@code str()} and truth of config values, IPv4 netmasks, udev
 * persistent-net rules and the reference's generated-file header.
 */
@Export
@Version("1.0.0")
package io.nubis.api.net.support;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;

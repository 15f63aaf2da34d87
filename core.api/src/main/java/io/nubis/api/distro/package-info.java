/** Distro profiles and the adapters they require: init system, privilege rules, device manager, package manager, user tools and filesystem layout. */
@Export
@Version("1.1.0")
package io.nubis.api.distro;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;

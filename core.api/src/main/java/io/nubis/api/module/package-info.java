/** Config modules: the units of work that converge a machine from the merged cloud-config. */
@Export
@Version("1.2.0")
package io.nubis.api.module;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;

/** Capability namespaces and attribute names shared by the bnd resolver, plug-in service properties and the runtime's planner. */
@Export
@Version("1.3.0")
package io.nubis.api.capability;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;

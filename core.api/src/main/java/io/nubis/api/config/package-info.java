/** Read-only view of merged cloud-config with typed access, key paths in errors, and provenance. */
@Export
@Version("1.0.0")
package io.nubis.api.config;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;

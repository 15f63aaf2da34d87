/** Datasources: where instance metadata, user-data and vendor-data come from. */
@Export
@Version("1.1.0")
package io.nubis.api.datasource;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;

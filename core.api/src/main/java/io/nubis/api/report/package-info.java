/** Reporting events (start/finish with results) and the handlers that deliver them. */
@Export
@Version("1.0.0")
package io.nubis.api.report;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;

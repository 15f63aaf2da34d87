/** The one way to run external commands: timeouts, environment, stdin, captured output, run-as-user and a recording plan mode. */
@Export
@Version("1.0.0")
package io.nubis.api.exec;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;

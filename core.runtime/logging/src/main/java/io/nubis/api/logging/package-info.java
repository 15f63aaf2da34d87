/**
 * Configuration of the agent's log output: the log file, the console threshold, the file's
 * minimum level and listeners for warnings and errors. Loggers themselves are plain SLF4J.
 */
@Export
@Version("1.0.0")
package io.nubis.api.logging;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;

/** File access relative to a target root that nothing escapes, symlinks included. */
@Export
@Version("1.0.0")
package io.nubis.api.target;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;

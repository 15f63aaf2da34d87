/** Template rendering (Jinja, as cloud-init renders user-data and config templates). */
@Export
@Version("1.0.0")
package io.nubis.api.template;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;

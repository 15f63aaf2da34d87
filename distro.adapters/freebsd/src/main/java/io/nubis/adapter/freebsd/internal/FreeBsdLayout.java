package io.nubis.adapter.freebsd.internal;

import org.osgi.annotation.bundle.Capability;
import org.osgi.service.component.annotations.Component;

import io.nubis.api.capability.Attributes;
import io.nubis.api.capability.Namespaces;
import io.nubis.api.distro.FilesystemLayout;

/**
 * The FreeBSD layout: the reference's {@code run_dir: /var/run/cloud-init/}, configuration
 * under the ports prefix. /var/run is a disk directory here, so the run directory is not
 * trusted to be empty at boot: the runtime clears it itself.
 */
@Capability(namespace = Namespaces.LAYOUT, name = FreeBsdLayout.NAME, attribute = Attributes.EPHEMERAL_RUN + "=false")
@Component(property = {Namespaces.LAYOUT + "=" + FreeBsdLayout.NAME, Attributes.EPHEMERAL_RUN + ":Boolean=false"})
public class FreeBsdLayout implements FilesystemLayout {
    static final String NAME = "freebsd";

    @Override
    public String runDir() {
        return "/var/run/cloud-init";
    }

    @Override
    public boolean ephemeralRun() {
        return false;
    }

    @Override
    public String cloudDir() {
        return "/var/lib/cloud";
    }

    @Override
    public String configDir() {
        return "/usr/local/etc/cloud";
    }

    @Override
    public String logFile() {
        return "/var/log/cloud-init.log";
    }

    @Override
    public String outputLogFile() {
        return "/var/log/cloud-init-output.log";
    }

    @Override
    public String libexecDir() {
        return "/usr/local/libexec/nubis";
    }
}

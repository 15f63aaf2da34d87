package io.nubis.adapter.linuxfhs.internal;

import org.osgi.annotation.bundle.Capability;
import org.osgi.service.component.annotations.Component;

import io.nubis.api.capability.Attributes;
import io.nubis.api.capability.Namespaces;
import io.nubis.api.distro.FilesystemLayout;

/** The Linux layout the reference uses: /run/cloud-init (tmpfs, empty at boot), /var/lib/cloud, /etc/cloud. */
@Capability(namespace = Namespaces.LAYOUT, name = LinuxFhsLayout.NAME, attribute = Attributes.EPHEMERAL_RUN + "=true")
@Component(property = {Namespaces.LAYOUT + "=" + LinuxFhsLayout.NAME, Attributes.EPHEMERAL_RUN + ":Boolean=true"})
public class LinuxFhsLayout implements FilesystemLayout {
    static final String NAME = "linux-fhs";

    @Override
    public String runDir() {
        return "/run/cloud-init";
    }

    @Override
    public boolean ephemeralRun() {
        return true;
    }

    @Override
    public String cloudDir() {
        return "/var/lib/cloud";
    }

    @Override
    public String configDir() {
        return "/etc/cloud";
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
        return "/usr/lib/nubis";
    }
}

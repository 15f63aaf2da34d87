package io.nubis.testkit;

import io.nubis.api.distro.DeviceManager;
import io.nubis.api.distro.Distro;
import io.nubis.api.distro.DistroProfile;
import io.nubis.api.distro.FilesystemLayout;
import io.nubis.api.distro.InitSystem;
import io.nubis.api.distro.PackageManager;
import io.nubis.api.distro.PrivilegeRules;
import io.nubis.api.distro.UserManager;

/** A distro made of the adapters a test supplied; asking for a missing one fails clearly. */
final class TestDistro implements Distro {
    DistroProfile profile;
    InitSystem initSystem;
    PrivilegeRules privilege;
    DeviceManager devices;
    PackageManager packages;
    UserManager users;
    FilesystemLayout layout = new FhsLayout();

    private static <T> T given(T adapter, String type, String method) {
        if (adapter == null) {
            throw new IllegalStateException("the test gave no " + type + " to TestModuleContext (use builder."
                    + method + "(...))");
        }
        return adapter;
    }

    @Override
    public DistroProfile profile() {
        return given(profile, "DistroProfile", "profile");
    }

    @Override
    public InitSystem initSystem() {
        return given(initSystem, "InitSystem", "initSystem");
    }

    @Override
    public PrivilegeRules privilege() {
        return given(privilege, "PrivilegeRules", "privilege");
    }

    @Override
    public DeviceManager devices() {
        return given(devices, "DeviceManager", "devices");
    }

    @Override
    public PackageManager packages() {
        return given(packages, "PackageManager", "packages");
    }

    @Override
    public UserManager users() {
        return given(users, "UserManager", "users");
    }

    @Override
    public FilesystemLayout layout() {
        return given(layout, "FilesystemLayout", "layout");
    }

    /** The Linux FHS layout the reference uses on every Linux distro. */
    static final class FhsLayout implements FilesystemLayout {
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
}

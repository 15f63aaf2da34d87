package io.nubis.cc.packages.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.nubis.adapter.apk.internal.ApkPackages;
import io.nubis.adapter.apt.internal.AptPackages;
import io.nubis.adapter.bsdrc.internal.BsdRcInit;
import io.nubis.adapter.openrc.internal.OpenRcInit;
import io.nubis.adapter.pkg.internal.PkgPackages;
import io.nubis.adapter.systemd.internal.SystemdInit;
import io.nubis.adapter.zypper.internal.ZypperPackages;
import io.nubis.api.config.ConfigException;
import io.nubis.api.distro.InitSystem;
import io.nubis.api.distro.PackageManager;
import io.nubis.api.exec.Command;
import io.nubis.api.module.ModuleException;
import io.nubis.testkit.RecordingRunner;
import io.nubis.testkit.TempTarget;
import io.nubis.testkit.TestModuleContext;

class PackageUpdateUpgradeInstallModuleTest {
    private static final String APT = "apt-get --option=Dpkg::Options::=--force-confold "
            + "--option=Dpkg::options::=--force-unsafe-io --assume-yes --quiet";
    private static final String SEM = "/var/lib/cloud/instances/iid-test/sem/update_sources";

    @TempDir
    Path dir;

    private TestModuleContext ctx(TempTarget t, RecordingRunner r, String yaml, PackageManager pm, InitSystem init) {
        return TestModuleContext.builder("package_update_upgrade_install").config(yaml).target(t).runner(r)
                .packages(pm).initSystem(init).build();
    }

    @Test
    void debianUpdatesUpgradesInstallsPinnedAndRecordsTheSemaphore() throws Exception {
        TempTarget t = TempTarget.in(dir);
        RecordingRunner r = new RecordingRunner(t);
        new PackageUpdateUpgradeInstallModule().run(ctx(t, r,
                "package_update: true\npackage_upgrade: true\npackages: [curl, [nginx, 1.24.0-1], [jq]]\n",
                new AptPackages(), new SystemdInit()));
        assertEquals(List.of(APT + " update", APT + " dist-upgrade", APT + " install curl nginx=1.24.0-1 jq"),
                r.commandLines());
        assertEquals(Map.of("DEBIAN_FRONTEND", "noninteractive"), r.commands().get(2).env());
        assertTrue(t.text(SEM).matches("\\d+: \\d+\\.\\d+\n"), t.text(SEM));
    }

    @Test
    void theIndexIsRefreshedOncePerInstance() throws Exception {
        TempTarget t = TempTarget.in(dir).file(SEM, "1: 2.0\n");
        RecordingRunner r = new RecordingRunner(t);
        new PackageUpdateUpgradeInstallModule().run(ctx(t, r, "apt_update: true\npackages: [htop]\n",
                new AptPackages(), new SystemdInit()));
        assertEquals(List.of(APT + " install htop"), r.commandLines());
        assertEquals("1: 2.0\n", t.text(SEM));
    }

    @Test
    void installAloneStillRefreshesFirstAsTheReferenceDistrosDo() throws Exception {
        TempTarget t = TempTarget.in(dir);
        RecordingRunner r = new RecordingRunner(t);
        new PackageUpdateUpgradeInstallModule().run(ctx(t, r, "packages: [vim]\n", new ZypperPackages(), new SystemdInit()));
        assertEquals(List.of("zypper --non-interactive refresh",
                "zypper --non-interactive install --auto-agree-with-licenses vim"), r.commandLines());
    }

    @Test
    void suseZypperPins() throws Exception {
        TempTarget t = TempTarget.in(dir);
        RecordingRunner r = new RecordingRunner(t);
        new PackageUpdateUpgradeInstallModule().run(ctx(t, r,
                "package_upgrade: true\npackages: [[vim, 9.1.0]]\n", new ZypperPackages(), new SystemdInit()));
        assertEquals(List.of("zypper --non-interactive refresh", "zypper --non-interactive update",
                "zypper --non-interactive install --auto-agree-with-licenses vim=9.1.0"), r.commandLines());
    }

    @Test
    void alpineApk() throws Exception {
        TempTarget t = TempTarget.in(dir);
        RecordingRunner r = new RecordingRunner(t);
        new PackageUpdateUpgradeInstallModule().run(ctx(t, r,
                "package_update: true\npackage_upgrade: true\npackages: [bash, [curl, 8.5.0-r0]]\n",
                new ApkPackages(), new OpenRcInit()));
        assertEquals(List.of("apk --quiet update", "apk --quiet upgrade --update-cache --available",
                "apk --quiet add bash curl=8.5.0-r0"), r.commandLines());
    }

    @Test
    void freebsdPkgWithDashPins() throws Exception {
        TempTarget t = TempTarget.in(dir);
        RecordingRunner r = new RecordingRunner(t);
        new PackageUpdateUpgradeInstallModule().run(ctx(t, r,
                "package_update: true\npackages: [[py311-pip, 23.3.2], sudo]\n", new PkgPackages(), new BsdRcInit()));
        assertEquals(List.of("pkg update", "pkg install -y py311-pip-23.3.2 sudo"), r.commandLines());
        assertEquals("yes", r.commands().get(1).env().get("ASSUME_ALWAYS_YES"));
    }

    @Test
    void rebootsWhenAskedAndTheMarkerSaysSo() throws Exception {
        TempTarget t = TempTarget.in(dir).file("/var/run/reboot-required", "*** System restart required ***\n");
        RecordingRunner r = new RecordingRunner(t);
        new PackageUpdateUpgradeInstallModule().run(ctx(t, r,
                "package_upgrade: true\npackage_reboot_if_required: true\n", new AptPackages(), new SystemdInit()));
        assertEquals(List.of(APT + " update", APT + " dist-upgrade", "shutdown -r now"), r.commandLines());
    }

    @Test
    void alpineRebootThroughOpenRc() throws Exception {
        TempTarget t = TempTarget.in(dir).file("/proc/sys/kernel/osrelease", "6.6.1-0-virt\n").dir("/lib/modules/6.6.2-0-virt");
        RecordingRunner r = new RecordingRunner(t);
        new PackageUpdateUpgradeInstallModule().run(ctx(t, r,
                "package_upgrade: true\napt_reboot_if_required: true\n", new ApkPackages(), new OpenRcInit()));
        assertEquals(List.of("apk --quiet update", "apk --quiet upgrade --update-cache --available", "reboot -d 0"),
                r.commandLines());
    }

    @Test
    void noRebootWithoutTheMarkerOrWithoutTheFlag() throws Exception {
        TempTarget t = TempTarget.in(dir);
        RecordingRunner r = new RecordingRunner(t);
        new PackageUpdateUpgradeInstallModule().run(ctx(t, r,
                "package_upgrade: true\npackage_reboot_if_required: true\n", new AptPackages(), new SystemdInit()));
        assertFalse(r.commandLines().contains("shutdown -r now"));
        t.file("/var/run/reboot-required", "");
        t.delete(SEM);
        r.clear();
        new PackageUpdateUpgradeInstallModule().run(ctx(t, r, "package_upgrade: true\n", new AptPackages(), new SystemdInit()));
        assertEquals(List.of(APT + " update", APT + " dist-upgrade"), r.commandLines());
    }

    @Test
    void mappingEntriesForTheNativeManager() throws Exception {
        TempTarget t = TempTarget.in(dir);
        RecordingRunner r = new RecordingRunner(t);
        new PackageUpdateUpgradeInstallModule().run(ctx(t, r,
                "system_info: {package_managers: [apt, snap]}\npackages: [git, {apt: [[tmux, '3.4-1']]}]\n",
                new AptPackages(), new SystemdInit()));
        assertEquals(List.of(APT + " update", APT + " install git tmux=3.4-1"), r.commandLines());
    }

    @Test
    void aManagerWithoutAdapterIsAnErrorNamingIt() {
        TempTarget t = TempTarget.in(dir);
        RecordingRunner r = new RecordingRunner(t);
        ModuleException e = assertThrows(ModuleException.class, () -> new PackageUpdateUpgradeInstallModule().run(ctx(t, r,
                "system_info: {package_managers: [apt, snap]}\npackages: [{snap: [certbot]}]\n",
                new AptPackages(), new SystemdInit())));
        assertTrue(e.getMessage().contains("'snap'"), e.getMessage());
        assertEquals(List.of(), r.commandLines());
    }

    @Test
    void unknownManagerAndWrongTypesNameTheKey() {
        TempTarget t = TempTarget.in(dir);
        RecordingRunner r = new RecordingRunner(t);
        ConfigException unknown = assertThrows(ConfigException.class, () -> new PackageUpdateUpgradeInstallModule().run(
                ctx(t, r, "system_info: {package_managers: [apt]}\npackages: [a, {yum: [b]}]\n", new AptPackages(), null)));
        assertEquals("packages[1].yum", unknown.keyPath());
        ConfigException noDicts = assertThrows(ConfigException.class, () -> new PackageUpdateUpgradeInstallModule().run(
                ctx(t, r, "packages: [{apk: [b]}]\n", new ApkPackages(), null)));
        assertEquals("packages[0]", noDicts.keyPath());
        ConfigException tuple = assertThrows(ConfigException.class, () -> new PackageUpdateUpgradeInstallModule().run(
                ctx(t, r, "packages: [ok, [a, '1', extra]]\n", new AptPackages(), null)));
        assertEquals("packages[1]", tuple.keyPath());
        ConfigException flag = assertThrows(ConfigException.class, () -> new PackageUpdateUpgradeInstallModule().run(
                ctx(t, r, "package_update: maybe\n", new AptPackages(), null)));
        assertEquals("package_update", flag.keyPath());
        assertEquals(List.of(), r.commandLines());
    }

    @Test
    void optionLikeNamesAreRejectedByTheAdapterNamingPackages() {
        TempTarget t = TempTarget.in(dir).file(SEM, "1: 1\n");
        RecordingRunner r = new RecordingRunner(t);
        ModuleException e = assertThrows(ModuleException.class, () -> new PackageUpdateUpgradeInstallModule().run(
                ctx(t, r, "packages: ['--allow-unauthenticated']\n", new AptPackages(), null)));
        assertTrue(e.getMessage().startsWith("packages: invalid package name"), e.getMessage());
        assertEquals(List.of(), r.commandLines());
    }

    @Test
    void aFailedUpdateDoesNotStopTheInstallButFailsTheModuleAndLeavesNoSemaphore() {
        TempTarget t = TempTarget.in(dir);
        RecordingRunner r = new RecordingRunner(t).on(java.util.regex.Pattern.compile("quiet update$"),
                RecordingRunner.result(100, "", "E: network down"));
        ModuleException e = assertThrows(ModuleException.class, () -> new PackageUpdateUpgradeInstallModule().run(
                ctx(t, r, "package_update: true\npackages: [curl]\n", new AptPackages(), null)));
        assertTrue(e.getMessage().contains("Package update failed"), e.getMessage());
        assertEquals(List.of(APT + " update", APT + " install curl"), r.commandLines());
        assertFalse(t.exists(SEM));
    }

    @Test
    void nothingRequestedRunsNothing() throws Exception {
        TempTarget t = TempTarget.in(dir);
        RecordingRunner r = new RecordingRunner(t);
        new PackageUpdateUpgradeInstallModule().run(ctx(t, r, "package_update: false\npackages: []\n", new AptPackages(), null));
        assertEquals(List.<Command>of(), r.commands());
    }

    @Test
    void planModeRecordsTheCommandsButNoSemaphore() throws Exception {
        TempTarget t = TempTarget.in(dir);
        RecordingRunner r = new RecordingRunner(t).planMode(true);
        new PackageUpdateUpgradeInstallModule().run(ctx(t, r, "package_update: true\n", new AptPackages(), null));
        assertEquals(List.of(APT + " update"), r.commandLines());
        assertFalse(t.exists(SEM));
    }
}

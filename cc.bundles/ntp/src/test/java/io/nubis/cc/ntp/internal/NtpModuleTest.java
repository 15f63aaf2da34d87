package io.nubis.cc.ntp.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.nubis.adapter.apk.internal.ApkPackages;
import io.nubis.adapter.apt.internal.AptPackages;
import io.nubis.adapter.bsdrc.internal.BsdRcInit;
import io.nubis.adapter.openrc.internal.OpenRcInit;
import io.nubis.adapter.pkg.internal.PkgPackages;
import io.nubis.adapter.systemd.internal.SystemdInit;
import io.nubis.adapter.zypper.internal.ZypperPackages;
import io.nubis.api.config.ConfigException;
import io.nubis.api.module.ModuleException;
import io.nubis.jinja.internal.JinjavaRenderer;
import io.nubis.testkit.Profiles;
import io.nubis.testkit.RecordingRunner;
import io.nubis.testkit.TempTarget;
import io.nubis.testkit.TestModuleContext;
import io.nubis.testkit.TreeSnapshot;

class NtpModuleTest {
    private static final JinjavaRenderer JINJA = new JinjavaRenderer();

    @TempDir
    Path dir;

    private static TestModuleContext.Builder builder(String distro, TempTarget t, RecordingRunner r, String yaml) {
        TestModuleContext.Builder b = TestModuleContext.builder("ntp").config(Profiles.config(Profiles.named(distro), yaml))
                .target(t).runner(r).profile(Profiles.named(distro));
        switch (distro) {
            case "alpine" -> b.initSystem(new OpenRcInit()).packages(new ApkPackages());
            case "freebsd" -> b.initSystem(new BsdRcInit()).packages(new PkgPackages());
            case "suse" -> b.initSystem(new SystemdInit()).packages(new ZypperPackages());
            default -> b.initSystem(new SystemdInit()).packages(new AptPackages());
        }
        return b;
    }

    private static void run(String distro, TempTarget t, RecordingRunner r, String yaml) throws Exception {
        new NtpModule(JINJA).run(builder(distro, t, r, yaml).build());
    }

    @Test
    void debianInstallsChronyWhenNothingIsInstalled() throws Exception {
        TempTarget t = TempTarget.in(dir);
        RecordingRunner r = new RecordingRunner(t);
        run("debian", t, r, "ntp: {servers: [ntp.example.com], allow: [10.0.0.0/8]}\n");
        assertEquals("# chrony configuration written by Nubis (ntp module) from cloud-config.\n"
                + "# See chrony.conf(5) for the directives.\n"
                + "server ntp.example.com iburst\n"
                + "allow 10.0.0.0/8\n"
                + "keyfile /etc/chrony/chrony.keys\n"
                + "driftfile /var/lib/chrony/chrony.drift\n"
                + "logdir /var/log/chrony\n"
                + "# Ignore estimates worse than 100 ppm, keep the RTC in sync, step the clock in the first\n"
                + "# three updates if it is off by more than a second.\n"
                + "maxupdateskew 100.0\nrtcsync\nmakestep 1 3\n", t.text("/etc/chrony/chrony.conf"));
        assertEquals(0644, t.mode("/etc/chrony/chrony.conf"));
        List<String> cmds = r.commandLines();
        assertEquals(3, cmds.size(), cmds.toString());
        assertTrue(cmds.get(0).startsWith("apt-get ") && cmds.get(0).endsWith(" install chrony"), cmds.get(0));
        assertEquals(List.of("systemctl enable chrony", "systemctl restart chrony"), cmds.subList(1, 3));
    }

    @Test
    void ubuntuPicksInstalledTimesyncdWithDefaultPools() throws Exception {
        TempTarget t = TempTarget.in(dir).executable("/lib/systemd/systemd-timesyncd");
        RecordingRunner r = new RecordingRunner(t);
        run("ubuntu", t, r, "ntp: {}\n");
        assertEquals("# systemd-timesyncd drop-in written by Nubis (ntp module) from cloud-config.\n[Time]\n"
                + "NTP=0.ubuntu.pool.ntp.org 1.ubuntu.pool.ntp.org 2.ubuntu.pool.ntp.org 3.ubuntu.pool.ntp.org\n",
                t.text("/etc/systemd/timesyncd.conf.d/cloud-init.conf"));
        assertEquals(List.of("systemctl enable systemd-timesyncd", "systemctl restart systemd-timesyncd"), r.commandLines());
    }

    @Test
    void ubuntuPrefersAnInstalledChronyOverTimesyncd() throws Exception {
        TempTarget t = TempTarget.in(dir).executable("/lib/systemd/systemd-timesyncd", "/usr/sbin/chronyd");
        RecordingRunner r = new RecordingRunner(t);
        run("ubuntu", t, r, "ntp: {pools: [pool.example.org], servers: [192.0.2.1]}\n");
        assertTrue(t.text("/etc/chrony/chrony.conf").contains("pool pool.example.org iburst\nserver 192.0.2.1 iburst\n"));
        assertEquals(List.of("systemctl enable chrony", "systemctl restart chrony"), r.commandLines());
    }

    @Test
    void suseUsesChronydAndTheOpensusePools() throws Exception {
        TempTarget t = TempTarget.in(dir).executable("/usr/sbin/chronyd").file("/etc/chrony.conf", "pool distro.pool\n");
        RecordingRunner r = new RecordingRunner(t);
        run("suse", t, r, "ntp: {enabled: true}\n");
        String conf = t.text("/etc/chrony.conf");
        assertTrue(conf.contains("pool 0.opensuse.pool.ntp.org iburst\npool 1.opensuse.pool.ntp.org iburst\n"), conf);
        assertTrue(conf.contains("keyfile /etc/chrony.keys\ndriftfile /var/lib/chrony/drift\n"), conf);
        assertEquals("pool distro.pool\n", t.text("/etc/chrony.conf.dist"));
        assertEquals(List.of("systemctl enable chronyd", "systemctl restart chronyd"), r.commandLines());
    }

    @Test
    void alpineBusyboxNtpdWritesServerLinesWithoutIburst() throws Exception {
        TempTarget t = TempTarget.in(dir).executable("/usr/sbin/ntpd");
        RecordingRunner r = new RecordingRunner(t);
        run("alpine", t, r, "ntp: {ntp_client: ntp, peers: [peer.example]}\n");
        assertEquals("# ntpd configuration written by Nubis (ntp module) from cloud-config.\n"
                + "server 0.pool.ntp.org\nserver 1.pool.ntp.org\nserver 2.pool.ntp.org\nserver 3.pool.ntp.org\n"
                + "peer peer.example\n", t.text("/etc/ntp.conf"));
        assertEquals(List.of("rc-update --nocolor add ntpd default", "rc-service --nocolor ntpd restart"), r.commandLines());
    }

    @Test
    void alpineDefaultsToChronyAndInstallsIt() throws Exception {
        TempTarget t = TempTarget.in(dir);
        RecordingRunner r = new RecordingRunner(t);
        run("alpine", t, r, "ntp:\n");
        assertTrue(t.text("/etc/chrony/chrony.conf").contains("pool 0.pool.ntp.org iburst\n"));
        assertFalse(t.text("/etc/chrony/chrony.conf").contains("logdir"));
        assertEquals(List.of("apk --quiet add chrony", "rc-update --nocolor add chronyd default",
                "rc-service --nocolor chronyd restart"), r.commandLines());
    }

    @Test
    void freebsdUsesBaseNtpd() throws Exception {
        TempTarget t = TempTarget.in(dir).executable("/usr/sbin/ntpd");
        RecordingRunner r = new RecordingRunner(t);
        run("freebsd", t, r, "ntp: {servers: [time.example.org], allow: [192.0.2.0]}\n");
        String conf = t.text("/etc/ntp.conf");
        assertTrue(conf.startsWith("# ntpd configuration written by Nubis (ntp module) from cloud-config.\n"
                + "driftfile /var/db/ntpd.drift\n"), conf);
        assertTrue(conf.endsWith("server time.example.org iburst\nrestrict 192.0.2.0 kod notrap nomodify nopeer noquery\n"), conf);
        assertEquals(List.of("sysrc ntpd_enable=YES", "service ntpd onerestart"), r.commandLines());
    }

    @Test
    void freebsdOpenntpd() throws Exception {
        TempTarget t = TempTarget.in(dir);
        RecordingRunner r = new RecordingRunner(t);
        run("freebsd", t, r, "ntp: {ntp_client: openntpd, pools: [pool.ntp.org]}\n");
        assertEquals("# OpenNTPD configuration written by Nubis (ntp module) from cloud-config.\nservers pool.ntp.org\n",
                t.text("/usr/local/etc/ntp.conf"));
        assertEquals(List.of("pkg install openntpd", "sysrc openntpd_enable=YES", "service openntpd onerestart"),
                r.commandLines().stream().map(c -> c.replace("pkg install -y", "pkg install")).toList());
    }

    @Test
    void userConfigAndTemplateOverrideTheDefinition() throws Exception {
        TempTarget t = TempTarget.in(dir).executable("/usr/sbin/chronyd");
        RecordingRunner r = new RecordingRunner(t);
        run("debian", t, r, "ntp:\n  servers: [a.example]\n  config:\n    confpath: /etc/chrony.custom\n"
                + "    service_name: mychrony\n    template: |\n      ## template:jinja\n"
                + "      {% for s in servers %}server {{ s }} via {{ service_name }}\n      {% endfor %}\n");
        assertEquals("server a.example via mychrony\n", t.text("/etc/chrony.custom"));
        assertEquals(List.of("systemctl enable mychrony", "systemctl restart mychrony"), r.commandLines());
    }

    @Test
    void templatesDirOverridesTheBuiltInTemplate() throws Exception {
        TempTarget t = TempTarget.in(dir).executable("/usr/sbin/chronyd")
                .file("/etc/cloud/templates/chrony.conf.debian.tmpl", "## template:jinja\nsite {{ pools|join(',') }}\n");
        run("debian", t, new RecordingRunner(t), "ntp: {pools: [p1, p2]}\n");
        assertEquals("site p1,p2\n", t.text("/etc/chrony/chrony.conf"));
    }

    @Test
    void customClientNeedsAFullConfig() throws Exception {
        TempTarget t = TempTarget.in(dir).executable("/usr/bin/mytime");
        RecordingRunner r = new RecordingRunner(t);
        run("debian", t, r, "ntp:\n  ntp_client: mytime\n  config: {check_exe: mytime, confpath: /etc/mytime.conf,"
                + " packages: [], service_name: mytime, template: 'x {{ pools[0] }}'}\n");
        assertEquals("x 0.debian.pool.ntp.org", t.text("/etc/mytime.conf"));
        assertEquals(List.of("systemctl enable mytime", "systemctl restart mytime"), r.commandLines());
    }

    @Test
    void unknownClientIsAClearError() {
        TempTarget t = TempTarget.in(dir);
        RecordingRunner r = new RecordingRunner(t);
        ConfigException e = assertThrows(ConfigException.class, () -> run("alpine", t, r, "ntp: {ntp_client: xntpd}\n"));
        assertEquals("ntp.ntp_client", e.keyPath());
        assertTrue(e.getMessage().contains("unknown NTP client 'xntpd' for this distro (known: chrony, ntp)"), e.getMessage());
        ConfigException partial = assertThrows(ConfigException.class,
                () -> run("alpine", t, r, "ntp: {ntp_client: xntpd, config: {confpath: /etc/x.conf}}\n"));
        assertTrue(partial.getMessage().contains("lacks check_exe"), partial.getMessage());
        assertEquals(List.of(), r.commandLines());
        assertFalse(t.exists("/etc/x.conf"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ntp: {servers: ['a.example\\nserver evil']}", "ntp: {pools: ['a b']}",
            "ntp: {allow: ['-x']}", "ntp: {peers: ['x;reboot']}"})
    void hostileHostsAreRejected(String yaml) {
        TempTarget t = TempTarget.in(dir);
        RecordingRunner r = new RecordingRunner(t);
        ConfigException e = assertThrows(ConfigException.class, () -> run("debian", t, r, yaml + "\n"));
        assertTrue(e.keyPath().matches("ntp\\.(servers|pools|allow|peers)\\[0]"), e.keyPath());
        assertFalse(t.exists("/etc/chrony/chrony.conf"));
    }

    @Test
    void wrongTypesNameTheKey() {
        TempTarget t = TempTarget.in(dir);
        RecordingRunner r = new RecordingRunner(t);
        assertEquals("ntp", assertThrows(ConfigException.class, () -> run("debian", t, r, "ntp: [a]\n")).keyPath());
        assertEquals("ntp.servers", assertThrows(ConfigException.class,
                () -> run("debian", t, r, "ntp: {servers: {a: b}}\n")).keyPath());
        assertEquals("ntp.enabled", assertThrows(ConfigException.class,
                () -> run("debian", t, r, "ntp: {enabled: maybe}\n")).keyPath());
        assertEquals("ntp.config.confpath", assertThrows(ConfigException.class,
                () -> run("debian", t, r, "ntp: {config: {confpath: etc/chrony.conf}}\n")).keyPath());
        assertEquals("ntp.config.packages[0]", assertThrows(ConfigException.class,
                () -> run("debian", t, r, "ntp: {config: {packages: ['-oDpkg::x']}}\n")).keyPath());
    }

    @Test
    void hostileServiceNameIsRejectedByTheAdapter() {
        TempTarget t = TempTarget.in(dir).executable("/usr/sbin/chronyd");
        RecordingRunner r = new RecordingRunner(t);
        ModuleException e = assertThrows(ModuleException.class,
                () -> run("debian", t, r, "ntp: {config: {service_name: '--now; reboot'}}\n"));
        assertTrue(e.getMessage().startsWith("ntp.config.service_name: "), e.getMessage());
    }

    @Test
    void disabledSkips() throws Exception {
        TempTarget t = TempTarget.in(dir);
        RecordingRunner r = new RecordingRunner(t);
        run("debian", t, r, "ntp: {enabled: false, servers: [a]}\n");
        assertEquals(List.of(), r.commandLines());
        assertFalse(t.exists("/etc/chrony/chrony.conf"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"debian", "ubuntu", "suse", "alpine", "freebsd"})
    void secondRunChangesNothing(String distro) throws Exception {
        TempTarget t = TempTarget.in(dir).executable("/usr/sbin/chronyd", "/usr/sbin/ntpd")
                .file("/etc/chrony/chrony.conf", "distro\n").file("/etc/chrony.conf", "distro\n");
        String yaml = "ntp: {servers: [a.example], pools: [p.example]}\n";
        run(distro, t, new RecordingRunner(t), yaml);
        Map<String, String> before = TreeSnapshot.of(dir);
        RecordingRunner r = new RecordingRunner(t);
        new NtpModule(JINJA).run(builder(distro, t, r, yaml).updateMode(true).build());
        assertEquals(before, TreeSnapshot.of(dir));
        assertEquals(List.of(), r.commandLines());
    }
}

package io.nubis.distro.freebsd.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.yaml.snakeyaml.Yaml;

import io.nubis.testkit.ProfileDeclarations;

class FreeBsdProfileTest {
    private final FreeBsdProfile profile = new FreeBsdProfile();

    @Test
    void identity() {
        assertEquals("freebsd", profile.name());
        assertEquals("freebsd", profile.family());
        assertEquals("freebsd", profile.variant());
    }

    @Test
    void serviceNames() {
        assertEquals("sshd", profile.serviceName("ssh"));
        assertEquals("cron", profile.serviceName("cron"));
        assertEquals("chronyd", profile.serviceName("chrony"));
        assertEquals("ntpd", profile.serviceName("ntp"));
        assertEquals("rsyslogd", profile.serviceName("rsyslog"));
        assertEquals("nginx", profile.serviceName("nginx"));
        assertEquals(5, profile.serviceNames().size());
    }

    @Test
    void defaultsAreReadOnce() {
        assertSame(profile.defaultConfig(), profile.defaultConfig());
    }

    @Test
    void defaultsParseWithTheTopLevelKeys() {
        Map<String, Object> cfg = load();
        assertTrue(cfg.keySet().containsAll(List.of("users", "disable_root", "preserve_hostname", "datasource_list",
                "cloud_init_modules", "cloud_config_modules", "cloud_final_modules", "system_info")), cfg.keySet().toString());
        assertEquals(List.of("default"), cfg.get("users"));
        assertEquals(false, cfg.get("disable_root"));
        assertEquals(false, cfg.get("preserve_hostname"));
        List<?> ds = (List<?>) cfg.get("datasource_list");
        assertEquals("NoCloud", ds.get(0));
        assertEquals("None", ds.get(ds.size() - 1));
        assertEquals(31, ds.size());
        assertTrue(profile.defaultConfig().contains("\ndatasource_list: [NoCloud, "), "one line for ds-identify");
    }

    @Test
    void systemInfo() {
        Map<?, ?> sys = (Map<?, ?>) load().get("system_info");
        assertEquals("freebsd", sys.get("distro"));
        assertEquals(List.of("pkg"), sys.get("package_managers"));
        assertEquals(Map.of("partition_resizer", "gpart", "block_devices", "geom"), sys.get("disks"));
        assertEquals("sshd", sys.get("ssh_svcname"));
        assertEquals(profile.serviceName("ssh"), sys.get("ssh_svcname"));
        Map<?, ?> user = (Map<?, ?>) sys.get("default_user");
        assertEquals("freebsd", user.get("name"));
        assertEquals(true, user.get("lock_passwd"));
        assertEquals("FreeBSD", user.get("gecos"));
        assertEquals(List.of("wheel"), user.get("groups"));
        assertEquals(List.of("ALL=(ALL) NOPASSWD:ALL"), user.get("sudo"));
        assertEquals(List.of("permit nopass freebsd"), user.get("doas"));
        assertEquals("/bin/tcsh", user.get("shell"));
        Map<?, ?> paths = (Map<?, ?>) sys.get("paths");
        assertEquals("/var/run/cloud-init/", paths.get("run_dir"));
        assertEquals(List.of("freebsd"), ((Map<?, ?>) sys.get("network")).get("renderers"));
    }

    @Test
    void moduleLists() {
        Map<String, Object> cfg = load();
        assertEquals(List.of("seed_random", "bootcmd", "write_files", "growpart", "resizefs", "set_hostname",
                "update_hostname", "update_etc_hosts", "ca_certs", "rsyslog", "users_groups",
                "ssh"), cfg.get("cloud_init_modules"));
        assertEquals(List.of("ssh_import_id", "keyboard", "locale", "set_passwords", "ntp", "timezone",
                "disable_ec2_metadata", "runcmd"), cfg.get("cloud_config_modules"));
        assertEquals(List.of("package_update_upgrade_install", "write_files_deferred", "puppet", "chef",
                "ansible", "mcollective", "salt_minion", "reset_rmc", "scripts_vendor",
                "scripts_per_once", "scripts_per_boot", "scripts_per_instance", "scripts_user",
                "ssh_authkey_fingerprints", "keys_to_console", "install_hotplug", "phone_home",
                "final_message", "power_state_change"), cfg.get("cloud_final_modules"));
    }

    /** bnd runs before the tests: check what the resolver and SCR will read. */
    @Test
    void bundleMetadata() throws IOException {
        ProfileDeclarations.check(FreeBsdProfile.class, "freebsd", "freebsd", "freebsd", "bsdrc", "sudo", "devd", "pkg", "pw", "freebsd");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> load() {
        return (Map<String, Object>) new Yaml().load(profile.defaultConfig());
    }
}

package io.nubis.distro.alpine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.yaml.snakeyaml.Yaml;

import io.nubis.testkit.ProfileDeclarations;

class AlpineProfileTest {
    private final AlpineProfile profile = new AlpineProfile();

    @Test
    void identity() {
        assertEquals("alpine", profile.name());
        assertEquals("alpine", profile.family());
        assertEquals("alpine", profile.variant());
    }

    @Test
    void serviceNames() {
        assertEquals("sshd", profile.serviceName("ssh"));
        assertEquals("crond", profile.serviceName("cron"));
        assertEquals("chronyd", profile.serviceName("chrony"));
        assertEquals("ntpd", profile.serviceName("ntp"));
        assertEquals("rsyslog", profile.serviceName("rsyslog"));
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
        assertEquals(true, cfg.get("disable_root"));
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
        assertEquals("alpine", sys.get("distro"));
        assertEquals(List.of("apk"), sys.get("package_managers"));
        assertEquals(Map.of("partition_resizer", "growpart", "block_devices", "sysfs"), sys.get("disks"));
        assertEquals("sshd", sys.get("ssh_svcname"));
        assertEquals(profile.serviceName("ssh"), sys.get("ssh_svcname"));
        Map<?, ?> user = (Map<?, ?>) sys.get("default_user");
        assertEquals("alpine", user.get("name"));
        assertEquals(true, user.get("lock_passwd"));
        assertEquals("alpine Cloud User", user.get("gecos"));
        assertEquals(List.of("adm", "wheel"), user.get("groups"));
        assertEquals(List.of("ALL=(ALL) NOPASSWD:ALL"), user.get("sudo"));
        assertEquals(List.of("permit nopass alpine"), user.get("doas"));
        assertEquals("/bin/ash", user.get("shell"));
        Map<?, ?> paths = (Map<?, ?>) sys.get("paths");
        assertEquals("/var/lib/cloud/", paths.get("cloud_dir"));
        assertEquals("/etc/cloud/templates/", paths.get("templates_dir"));
        assertEquals(List.of("eni"), ((Map<?, ?>) sys.get("network")).get("renderers"));
    }

    @Test
    void moduleLists() {
        Map<String, Object> cfg = load();
        assertEquals(List.of("seed_random", "bootcmd", "write_files", "growpart", "resizefs", "disk_setup",
                "mounts", "set_hostname", "update_hostname", "update_etc_hosts", "resolv_conf",
                "ca_certs", "rsyslog", "users_groups", "ssh"), cfg.get("cloud_init_modules"));
        assertEquals(List.of("ssh_import_id", "keyboard", "locale", "set_passwords", "apk_configure", "ntp",
                "timezone", "disable_ec2_metadata", "runcmd"), cfg.get("cloud_config_modules"));
        assertEquals(List.of("package_update_upgrade_install", "write_files_deferred", "puppet", "chef",
                "ansible", "mcollective", "salt_minion", "scripts_vendor", "scripts_per_once",
                "scripts_per_boot", "scripts_per_instance", "scripts_user",
                "ssh_authkey_fingerprints", "keys_to_console", "install_hotplug", "phone_home",
                "final_message", "power_state_change"), cfg.get("cloud_final_modules"));
    }

    /** bnd runs before the tests: check what the resolver and SCR will read. */
    @Test
    void bundleMetadata() throws IOException {
        ProfileDeclarations.check(AlpineProfile.class, "alpine", "alpine", "alpine", "openrc", "doas", "mdev", "apk", "busybox", "linux-fhs");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> load() {
        return (Map<String, Object>) new Yaml().load(profile.defaultConfig());
    }
}

package io.nubis.distro.ubuntu.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.yaml.snakeyaml.Yaml;

import io.nubis.testkit.ProfileDeclarations;

class UbuntuProfileTest {
    private final UbuntuProfile profile = new UbuntuProfile();

    @Test
    void identity() {
        assertEquals("ubuntu", profile.name());
        assertEquals("debian", profile.family());
        assertEquals("ubuntu", profile.variant());
    }

    @Test
    void serviceNames() {
        assertEquals("ssh", profile.serviceName("ssh"));
        assertEquals("cron", profile.serviceName("cron"));
        assertEquals("chrony", profile.serviceName("chrony"));
        assertEquals("ntp", profile.serviceName("ntp"));
        assertEquals("systemd-timesyncd", profile.serviceName("timesyncd"));
        assertEquals("rsyslog", profile.serviceName("rsyslog"));
        assertEquals("nginx", profile.serviceName("nginx"));
        assertEquals(6, profile.serviceNames().size());
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
        assertEquals("ubuntu", sys.get("distro"));
        assertEquals(List.of("apt", "snap"), sys.get("package_managers"));
        assertEquals(Map.of("partition_resizer", "growpart", "block_devices", "sysfs"), sys.get("disks"));
        assertEquals("ssh", sys.get("ssh_svcname"));
        assertEquals(profile.serviceName("ssh"), sys.get("ssh_svcname"));
        Map<?, ?> user = (Map<?, ?>) sys.get("default_user");
        assertEquals("ubuntu", user.get("name"));
        assertEquals(true, user.get("lock_passwd"));
        assertEquals("Ubuntu", user.get("gecos"));
        assertEquals(List.of("adm", "cdrom", "dip", "lxd", "sudo"), user.get("groups"));
        assertEquals(List.of("ALL=(ALL) NOPASSWD:ALL"), user.get("sudo"));
        assertEquals(null, user.get("doas"));
        assertEquals("/bin/bash", user.get("shell"));
        Map<?, ?> paths = (Map<?, ?>) sys.get("paths");
        assertEquals("/var/lib/cloud/", paths.get("cloud_dir"));
        assertEquals("/etc/cloud/templates/", paths.get("templates_dir"));
        assertEquals(List.of("netplan", "eni", "sysconfig"), ((Map<?, ?>) sys.get("network")).get("renderers"));
    }

    @Test
    void moduleLists() {
        Map<String, Object> cfg = load();
        assertEquals(List.of("seed_random", "bootcmd", "write_files", "growpart", "resizefs", "disk_setup",
                "mounts", "set_hostname", "update_hostname", "update_etc_hosts", "ca_certs",
                "rsyslog", "users_groups", "ssh"), cfg.get("cloud_init_modules"));
        assertEquals(List.of("wireguard", "snap", "ubuntu_autoinstall", "ssh_import_id", "keyboard", "locale",
                "set_passwords", "grub_dpkg", "apt_pipelining", "apt_configure", "ubuntu_pro",
                "ntp", "timezone", "disable_ec2_metadata", "runcmd", "byobu"), cfg.get("cloud_config_modules"));
        assertEquals(List.of("package_update_upgrade_install", "fan", "landscape", "lxd", "ubuntu_drivers",
                "write_files_deferred", "puppet", "chef", "ansible", "mcollective",
                "salt_minion", "reset_rmc", "scripts_vendor", "scripts_per_once",
                "scripts_per_boot", "scripts_per_instance", "scripts_user",
                "ssh_authkey_fingerprints", "keys_to_console", "install_hotplug", "phone_home",
                "final_message", "power_state_change"), cfg.get("cloud_final_modules"));
    }

    /** bnd runs before the tests: check what the resolver and SCR will read. */
    @Test
    void bundleMetadata() throws IOException {
        ProfileDeclarations.check(UbuntuProfile.class, "ubuntu", "debian", "ubuntu", "systemd", "sudo", "udev", "apt", "shadow", "linux-fhs");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> load() {
        return (Map<String, Object>) new Yaml().load(profile.defaultConfig());
    }
}

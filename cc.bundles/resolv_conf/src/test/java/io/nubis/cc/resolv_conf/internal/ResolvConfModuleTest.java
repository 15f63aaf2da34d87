package io.nubis.cc.resolv_conf.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.nubis.api.config.ConfigException;
import io.nubis.testkit.Profiles;
import io.nubis.testkit.TempTarget;
import io.nubis.testkit.TestModuleContext;
import io.nubis.testkit.TreeSnapshot;

class ResolvConfModuleTest {
    private static final String CFG = "manage_resolv_conf: true\nresolv_conf:\n"
            + "  nameservers: [8.8.8.8, '2001:4860:4860::8888']\n  searchdomains: [foo.example, bar.example]\n"
            + "  domain: example.com\n  sortlist: [10.0.0.1/255.0.0.0, 10.0.0.2]\n"
            + "  options: {rotate: true, debug: false, timeout: 1, attempts: 2}\n";

    @TempDir
    Path dir;

    private void run(String distro, TempTarget t, String yaml) throws Exception {
        new ResolvConfModule().run(TestModuleContext.builder("resolv_conf")
                .config(Profiles.config(Profiles.named(distro), yaml)).target(t).build());
    }

    @ParameterizedTest
    @ValueSource(strings = {"alpine", "suse"})
    void writesResolvConf(String distro) throws Exception {
        TempTarget t = TempTarget.in(dir).file("/etc/resolv.conf", "nameserver 1.1.1.1\n");
        run(distro, t, CFG);
        assertEquals("# Written by Nubis (resolv_conf module) because manage_resolv_conf is true.\n"
                + "nameserver 8.8.8.8\nnameserver 2001:4860:4860::8888\n"
                + "search foo.example bar.example\ndomain example.com\nsortlist 10.0.0.1/255.0.0.0 10.0.0.2\n"
                + "options rotate timeout:1 attempts:2\n", t.text("/etc/resolv.conf"));
        assertEquals(0644, t.mode("/etc/resolv.conf"));
        Map<String, String> before = TreeSnapshot.of(dir);
        run(distro, t, CFG);
        assertEquals(before, TreeSnapshot.of(dir));
    }

    @Test
    void skipsWhenFalseOrWithoutParameters() throws Exception {
        TempTarget t = TempTarget.in(dir);
        run("alpine", t, "manage_resolv_conf: false\nresolv_conf: {nameservers: [1.1.1.1]}\n");
        run("alpine", t, "manage_resolv_conf: true\n");
        assertFalse(t.exists("/etc/resolv.conf"));
    }

    @Test
    void injectionAndWrongTypesAreRejected() {
        TempTarget t = TempTarget.in(dir);
        assertEquals("resolv_conf.nameservers[0]", assertThrows(ConfigException.class,
                () -> run("alpine", t, "manage_resolv_conf: true\nresolv_conf: {nameservers: [\"1.1.1.1\\nnameserver 6.6.6.6\"]}\n")).keyPath());
        assertEquals("resolv_conf.domain", assertThrows(ConfigException.class,
                () -> run("alpine", t, "manage_resolv_conf: true\nresolv_conf: {domain: [a]}\n")).keyPath());
        assertEquals("resolv_conf.options", assertThrows(ConfigException.class,
                () -> run("alpine", t, "manage_resolv_conf: true\nresolv_conf: {options: [rotate]}\n")).keyPath());
        assertEquals("resolv_conf.options.bad key", assertThrows(ConfigException.class,
                () -> run("alpine", t, "manage_resolv_conf: true\nresolv_conf: {options: {'bad key': 1}}\n")).keyPath());
        assertFalse(t.exists("/etc/resolv.conf"));
    }
}

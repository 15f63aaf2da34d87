package io.nubis.runtime.internal.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KernelCmdlineTest {

    @Test
    void ccSectionsAreJoinedDecodedAndUnescaped() {
        KernelCmdline c = KernelCmdline.parse(
                "root=/dev/sda1 ro cc: ssh_import_id: [smoser, bob]\\nruncmd: [ [ ls, -l ], echo hi ] end_cc quiet "
                        + "cc:locale: %22C.UTF-8%22 end_cc cc:   timezone: UTC");
        assertEquals(Optional.of("ssh_import_id: [smoser, bob]\nruncmd: [ [ ls, -l ], echo hi ] \n"
                + "locale: \"C.UTF-8\" \ntimezone: UTC"), c.cloudConfigText());
    }

    @Test
    void ccNeedsToStartAWord() {
        assertEquals(Optional.empty(), KernelCmdline.parse("xcc: a: 1 end_cc").cloudConfigText());
        assertEquals(Optional.of("a: 1 "), KernelCmdline.parse("cc: a: 1 end_cc").cloudConfigText());
        assertEquals(Optional.empty(), KernelCmdline.parse("").cloudConfigText());
    }

    @Test
    void unquoteIsLikePython() {
        assertEquals("a b+c%zz%", KernelCmdline.unquote("a%20b+c%zz%"));
        assertEquals("é", KernelCmdline.unquote("%C3%A9"));
        assertEquals("\uFFFDx", KernelCmdline.unquote("%C3x"));
    }

    @Test
    void nocloudWithSettings() {
        DatasourceArg ds = KernelCmdline.parse("ro ds=nocloud;s=http://10.0.0.2:8000/seed/;h=host1;i=iid-1;dsmode=net;flag;")
                .datasource().orElseThrow();
        assertEquals("ds", ds.key());
        assertEquals("nocloud", ds.name());
        assertTrue(ds.names("NoCloud"));
        assertFalse(ds.deprecatedSpelling());
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("seedfrom", "http://10.0.0.2:8000/seed/");
        expected.put("local-hostname", "host1");
        expected.put("instance-id", "iid-1");
        expected.put("dsmode", "net");
        expected.put("flag", null);
        assertEquals(expected, ds.settings());
        assertEquals(Optional.of("http://10.0.0.2:8000/seed/"), ds.seedFrom());
        assertEquals(Optional.of("host1"), ds.localHostname());
        assertEquals(Optional.of("iid-1"), ds.instanceId());
        assertEquals(Optional.of("net"), ds.dsmode());
    }

    @Test
    void plainDsAndDeprecatedSpellings() {
        assertEquals("ec2", KernelCmdline.parse("ds=ec2").datasource().orElseThrow().name());
        DatasourceArg ci = KernelCmdline.parse("ci.ds=nocloud-net;s=file:///seed/").datasource().orElseThrow();
        assertEquals("ci.ds", ci.key());
        assertEquals("nocloud-net", ci.name());
        assertTrue(ci.deprecatedSpelling());
        assertEquals(Optional.of("file:///seed/"), ci.seedFrom());
        assertEquals("ci.datasource", KernelCmdline.parse("ci.datasource=gce").datasource().orElseThrow().key());
        assertEquals("nocloud", KernelCmdline.parse("ci.ds=gce ds=nocloud").datasource().orElseThrow().name(),
                "ds= is preferred");
        assertEquals("a", KernelCmdline.parse("ds=a ds=b").datasource().orElseThrow().name(), "first ds= counts");
        assertEquals(Optional.empty(), KernelCmdline.parse("xds=nocloud ds= ds=;s=x").datasource());
    }

    @Test
    void networkConfigLastWordWins() {
        assertEquals(Optional.of("b"), KernelCmdline.parse("network-config=a network-config=b").networkConfigValue());
        assertEquals(Optional.empty(), KernelCmdline.parse("network-config=").networkConfigValue());
    }

    @Test
    void disabled() {
        assertTrue(KernelCmdline.parse("quiet cloud-init=disabled").disablesCloudInit());
        assertFalse(KernelCmdline.parse("cloud-init=enabled").disablesCloudInit());
    }

    @Test
    void fromHostPrefersTheDebugVariable(@TempDir Path dir) throws IOException {
        Path proc = dir.resolve("cmdline");
        Files.write(proc, "ro ds=nocloud\n".getBytes(StandardCharsets.UTF_8));
        assertEquals("ro ds=nocloud", KernelCmdline.fromHost(Map.of(), proc).raw());
        assertEquals("ds=ec2", KernelCmdline.fromHost(Map.of(KernelCmdline.DEBUG_ENV, "ds=ec2"), proc).raw());
        assertEquals("", KernelCmdline.fromHost(Map.of(), dir.resolve("missing")).raw());
    }
}

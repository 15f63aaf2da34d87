package io.nubis.runtime.internal.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.nubis.api.target.FileAttributes;
import io.nubis.runtime.internal.yaml.Yaml;
import io.nubis.runtime.internal.yaml.YamlLimits;

class SystemConfigLoaderTest {
    private static final String DEFAULTS_LABEL = "built-in defaults (debian)";

    @TempDir
    Path dir;
    TempDirTarget target;

    @BeforeEach
    void setUp() throws IOException {
        target = new TempDirTarget(dir);
    }

    private SystemConfig load(String defaults, String cmdline) {
        return new SystemConfigLoader(target, ConfigLayout.LINUX)
                .defaults(DEFAULTS_LABEL, defaults)
                .kernelCmdline(KernelCmdline.parse(cmdline))
                .load();
    }

    private static Map<String, Object> y(String text) {
        return Yaml.loadMapping(text, "expected");
    }

    @Test
    void precedenceFollowsTheReference() throws IOException {
        target.file("/etc/cloud/cloud.cfg", "k1: cloud.cfg\nk2: cloud.cfg\nk3: cloud.cfg\nk4: cloud.cfg\nk5: cloud.cfg\n")
                .file("/etc/cloud/cloud.cfg.d/10_a.cfg", "k1: '10'\nk2: '10'\nk3: '10'\nk4: '10'\n")
                .file("/etc/cloud/cloud.cfg.d/20_b.cfg", "k1: '20'\nk2: '20'\nk3: '20'\n")
                .file("/run/cloud-init/cloud.cfg", "k1: run\nk2: run\n");
        SystemConfig sc = load("k1: d\nk2: d\nk3: d\nk4: d\nk5: d\nk6: d\n", "ro cc: k1: cc end_cc");
        assertEquals(y("k1: cc\nk2: run\nk3: '20'\nk4: '10'\nk5: cloud.cfg\nk6: d\n"), sc.config().asMap());
        assertEquals("kernel command line (cc:)", sc.config().sourceOf("k1").orElseThrow());
        assertEquals("/run/cloud-init/cloud.cfg", sc.config().sourceOf("k2").orElseThrow());
        assertEquals("/etc/cloud/cloud.cfg.d/20_b.cfg", sc.config().sourceOf("k3").orElseThrow());
        assertEquals("/etc/cloud/cloud.cfg.d/10_a.cfg", sc.config().sourceOf("k4").orElseThrow());
        assertEquals("/etc/cloud/cloud.cfg", sc.config().sourceOf("k5").orElseThrow());
        assertEquals(DEFAULTS_LABEL, sc.config().sourceOf("k6").orElseThrow());
        assertEquals(List.of("kernel command line (cc:)", "/run/cloud-init/cloud.cfg", "/etc/cloud/cloud.cfg.d/20_b.cfg",
                "/etc/cloud/cloud.cfg.d/10_a.cfg", "/etc/cloud/cloud.cfg", DEFAULTS_LABEL), sc.sources());
        assertEquals(List.of(), sc.findings());
    }

    @Test
    void nestedMappingsMergeAcrossFilesWithProvenance() throws IOException {
        target.file("/etc/cloud/cloud.cfg", "system_info:\n  default_user: {name: admin}\n")
                .file("/etc/cloud/cloud.cfg.d/50-ntp.cfg", "ntp:\n  servers: [ntp.example.org]\n");
        SystemConfig sc = load("ntp: {enabled: true, servers: [pool]}\n"
                + "system_info:\n  default_user: {name: debian, shell: /bin/bash}\n  distro: debian\n", "");
        assertEquals(y("""
                ntp: {servers: [ntp.example.org], enabled: true}
                system_info:
                  default_user: {name: admin, shell: /bin/bash}
                  distro: debian
                """), sc.config().asMap());
        assertEquals("""
                ntp                             /etc/cloud/cloud.cfg.d/50-ntp.cfg, built-in defaults (debian)
                ntp.enabled                     built-in defaults (debian)
                ntp.servers                     /etc/cloud/cloud.cfg.d/50-ntp.cfg
                system_info                     /etc/cloud/cloud.cfg, built-in defaults (debian)
                system_info.default_user        /etc/cloud/cloud.cfg, built-in defaults (debian)
                system_info.default_user.name   /etc/cloud/cloud.cfg
                system_info.default_user.shell  built-in defaults (debian)
                system_info.distro              built-in defaults (debian)
                """, sc.config().explain());
    }

    @Test
    void dropInMergeHowActsAmongDropInsOnly() throws IOException {
        target.file("/etc/cloud/cloud.cfg.d/20.cfg", "runcmd: [b]\n")
                .file("/etc/cloud/cloud.cfg.d/10.cfg", "runcmd: [a]\nmerge_how: 'dict(recurse_array)+list(append)'\n");
        SystemConfig sc = load(null, "");
        // 20 has priority; 10 appends its list to what is already there
        assertEquals(List.of("b", "a"), sc.config().asMap().get("runcmd"));
        assertEquals(List.of("/etc/cloud/cloud.cfg.d/20.cfg", "/etc/cloud/cloud.cfg.d/10.cfg"),
                sc.config().sourcesOf("runcmd"));
        // the drop-ins are merged among themselves first, so the spec does not reach the command line
        assertEquals(List.of("c"), load(null, "cc: runcmd: [c] end_cc").config().asMap().get("runcmd"));
        assertTrue(!sc.config().asMap().containsKey("merge_how"));
    }

    @Test
    void brokenFileIsReportedWithPositionAndSkipped() throws IOException {
        target.file("/etc/cloud/cloud.cfg", "a: cfg\nb: cfg\n")
                .file("/etc/cloud/cloud.cfg.d/30-bad.cfg", "a: bad\nlist: [1, 2\nb: bad\n")
                .file("/etc/cloud/cloud.cfg.d/40-good.cfg", "b: good\n");
        SystemConfig sc = load(null, "");
        assertEquals(y("b: good\na: cfg\n"), sc.config().asMap());
        assertEquals(1, sc.findings().size());
        Finding f = sc.findings().get(0);
        assertEquals(Finding.Severity.ERROR, f.severity());
        assertEquals("/etc/cloud/cloud.cfg.d/30-bad.cfg", f.source());
        assertEquals(3, f.line());
        assertEquals(2, f.column());
        assertTrue(f.toString().startsWith("/etc/cloud/cloud.cfg.d/30-bad.cfg, line 3, column 2: "), f.toString());
        assertTrue(f.message().endsWith("; file skipped"), f.message());
        assertEquals(List.of("/etc/cloud/cloud.cfg.d/40-good.cfg", "/etc/cloud/cloud.cfg"), sc.sources());
    }

    @Test
    void nonMappingFileIsSkipped() throws IOException {
        target.file("/etc/cloud/cloud.cfg", "- a\n- b\n").file("/etc/cloud/cloud.cfg.d/x.cfg", "c: 1\n");
        SystemConfig sc = load(null, "");
        assertEquals(Map.of("c", 1), sc.config().asMap());
        assertEquals(List.of("/etc/cloud/cloud.cfg, line 1, column 1: top level must be a mapping, got a list; file skipped"),
                sc.findings().stream().map(Finding::toString).toList());
    }

    @Test
    void onlyCfgFilesAreRead() throws IOException {
        target.file("/etc/cloud/cloud.cfg.d/README", "a: readme\n")
                .file("/etc/cloud/cloud.cfg.d/05_x.cfg.dpkg-old", "a: old\n")
                .file("/etc/cloud/cloud.cfg.d/dir.cfg/inner.cfg", "a: inner\n")
                .file("/etc/cloud/cloud.cfg.d/empty.cfg", "")
                .file("/etc/cloud/cloud.cfg.d/.hidden.cfg", "b: hidden\n")
                .file("/etc/cloud/cloud.cfg.d/90_real.cfg", "a: real\n");
        target.symlink("/etc/cloud/cloud.cfg.d/99-dangling.cfg", "/nowhere.cfg");
        SystemConfig sc = load(null, "");
        assertEquals(y("a: real\nb: hidden\n"), sc.config().asMap());
        assertEquals(List.of(), sc.findings());
    }

    @Test
    void symlinkedDropInIsReadInsideTheTarget() throws IOException {
        target.file("/usr/share/nubis/ds.cfg", "datasource_list: [NoCloud, None]\n");
        target.symlink("/etc/cloud/cloud.cfg.d/90_ds.cfg", "/usr/share/nubis/ds.cfg");
        assertEquals(List.of("NoCloud", "None"), load(null, "").config().asMap().get("datasource_list"));
    }

    @Test
    void confDRedirectsTheDropInDirectory() throws IOException {
        target.file("/etc/cloud/cloud.cfg", "conf_d: /etc/nubis/conf.d\na: cfg\n")
                .file("/etc/nubis/conf.d/10.cfg", "a: redirected\n")
                .file("/etc/cloud/cloud.cfg.d/10.cfg", "b: default-dir\n");
        SystemConfig sc = load(null, "");
        assertEquals(y("a: redirected\nconf_d: /etc/nubis/conf.d\n"), sc.config().asMap());
        assertEquals("/etc/nubis/conf.d/10.cfg", sc.config().sourceOf("a").orElseThrow());

        target.file("/etc/cloud/cloud.cfg", "conf_d: null\na: cfg\n");
        assertEquals(y("a: cfg\nconf_d: null\n"), load(null, "").config().asMap());

        target.file("/etc/cloud/cloud.cfg", "conf_d: '  '\na: cfg\n");
        assertEquals(y("a: cfg\nconf_d: '  '\n"), load(null, "").config().asMap());

        target.file("/etc/cloud/cloud.cfg", "conf_d: 5\na: cfg\n");
        SystemConfig bad = load(null, "");
        assertEquals("default-dir", bad.config().asMap().get("b"));
        assertEquals(List.of("/etc/cloud/cloud.cfg: conf_d: expected a directory path, got a number; "
                + "using /etc/cloud/cloud.cfg.d"), bad.findings().stream().map(Finding::toString).toList());
    }

    @Test
    void freeBsdLayout() throws IOException {
        target.file("/usr/local/etc/cloud/cloud.cfg", "a: cfg\nb: cfg\n")
                .file("/usr/local/etc/cloud/cloud.cfg.d/10.cfg", "b: d\n")
                .file("/var/run/cloud-init/cloud.cfg", "c: run\n")
                .file("/etc/cloud/cloud.cfg", "a: linux\n");
        SystemConfig sc = new SystemConfigLoader(target, ConfigLayout.FREEBSD).load();
        assertEquals(y("c: run\nb: d\na: cfg\n"), sc.config().asMap());
        assertEquals("/var/run/cloud-init/cloud.cfg", sc.config().sourceOf("c").orElseThrow());
    }

    @Test
    void nothingAtAll() {
        SystemConfig sc = new SystemConfigLoader(target, ConfigLayout.LINUX).load();
        assertEquals(Map.of(), sc.config().asMap());
        assertEquals(List.of(), sc.findings());
        assertEquals(List.of(), sc.sources());
        assertEquals(Optional.empty(), sc.networkConfig());
        assertEquals(Optional.empty(), sc.datasource());
    }

    @Test
    void badMergeSpecInADropInSkipsThatFile() throws IOException {
        target.file("/etc/cloud/cloud.cfg.d/10.cfg", "a: 1\nmerge_how: 'list(apend)'\n")
                .file("/etc/cloud/cloud.cfg.d/20.cfg", "b: 2\n");
        SystemConfig sc = load(null, "");
        assertEquals(Map.of("b", 2), sc.config().asMap());
        assertEquals(List.of("/etc/cloud/cloud.cfg.d/10.cfg: merge_how: unknown option 'apend' for merger list "
                + "(known: append, no_replace, prepend, recurse_array, recurse_dict, recurse_list, recurse_str, replace); "
                + "file skipped"), sc.findings().stream().map(Finding::toString).toList());
        assertEquals(List.of("/etc/cloud/cloud.cfg.d/20.cfg"), sc.sources());
    }

    @Test
    void invalidUtf8AndOversizedAndDirectoryFilesAreSkipped() throws IOException {
        target.write("/etc/cloud/cloud.cfg.d/10.cfg", new byte[] {'a', ':', ' ', (byte) 0xff, '\n'}, FileAttributes.PUBLIC);
        target.file("/etc/cloud/cloud.cfg.d/20.cfg", "b: " + "x".repeat(200) + "\n");
        target.mkdirs("/etc/cloud/cloud.cfg", 0755);
        target.file("/etc/cloud/cloud.cfg.d/30.cfg", "c: 1\n");
        SystemConfig sc = new SystemConfigLoader(target, ConfigLayout.LINUX)
                .limits(new YamlLimits(100, 10, 10, 1000)).load();
        assertEquals(Map.of("c", 1), sc.config().asMap());
        assertEquals(List.of(
                "/etc/cloud/cloud.cfg: is a directory, not a config file; skipped",
                "/etc/cloud/cloud.cfg.d/20.cfg: file is 204 bytes, more than the limit of 100; skipped",
                "/etc/cloud/cloud.cfg.d/10.cfg: not valid UTF-8; skipped"),
                sc.findings().stream().map(Finding::toString).toList());
    }

    @Test
    void brokenDefaultsAndCmdlineAreReported() {
        SystemConfig sc = load("a: [1\n", "cc: b: [2 end_cc");
        assertEquals(Map.of(), sc.config().asMap());
        assertEquals(2, sc.findings().size());
        assertEquals("kernel command line (cc:)", sc.findings().get(0).source());
        assertTrue(sc.findings().get(0).message().endsWith("; cc: ignored"));
        assertEquals(DEFAULTS_LABEL, sc.findings().get(1).source());
        assertEquals(2, sc.findings().get(1).line());
    }

    @Test
    void jinjaFilesAreRenderedWhenARendererIsGiven() throws IOException {
        target.file("/etc/cloud/cloud.cfg.d/10.cfg", "## template: jinja\nregion: {{ v1.region }}\n")
                .file("/etc/cloud/cloud.cfg.d/20.cfg", "## template: jinja\nzone: {% bad %}\n")
                .file("/etc/cloud/cloud.cfg.d/30.cfg", "plain: yes\n")
                .file("/run/cloud-init/cloud.cfg", "## template: jinja\nrun: {{ x }}\n");
        List<String> rendered = new java.util.ArrayList<>();
        SystemConfig sc = new SystemConfigLoader(target, ConfigLayout.LINUX).template((text, path) -> {
            rendered.add(path);
            if (text.contains("{%")) {
                throw new IllegalStateException("unexpected '%}'");
            }
            return text.replace("{{ v1.region }}", "eu-west-1");
        }).load();
        assertEquals(y("region: eu-west-1\nplain: true\n"), sc.config().asMap());
        assertEquals(List.of("/etc/cloud/cloud.cfg.d/20.cfg", "/etc/cloud/cloud.cfg.d/10.cfg"), rendered);
        // the runtime cloud.cfg is never a template: "{{ x }}" stays, and is not valid as YAML
        assertEquals(List.of("/etc/cloud/cloud.cfg.d/20.cfg: template cannot be rendered: unexpected '%}'; skipped",
                "/run/cloud-init/cloud.cfg, line 2, column 7: found unhashable key (while constructing a mapping); "
                        + "file skipped"),
                sc.findings().stream().map(Finding::toString).toList());
        // without a renderer the header is a comment and the text is parsed as it is
        target.file("/etc/cloud/cloud.cfg.d/20.cfg", "## template: jinja\nzone: a\n");
        assertEquals("a", new SystemConfigLoader(target, ConfigLayout.LINUX).load().config().asMap().get("zone"));
    }

    @Test
    void networkConfigFromTheCommandLine() throws IOException {
        String v2 = "version: 2\nethernets:\n  eth0: {dhcp4: true}\n";
        String plain = Base64.getEncoder().encodeToString(v2.getBytes(StandardCharsets.UTF_8));
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(v2.getBytes(StandardCharsets.UTF_8));
        }
        String gzipped = Base64.getEncoder().encodeToString(gz.toByteArray());
        Map<String, Object> expected = y(v2);
        assertEquals(Optional.of(expected), load(null, "network-config=" + plain).networkConfig());
        assertEquals(Optional.of(expected), load(null, "network-config=" + gzipped).networkConfig());
        assertEquals(Optional.of(expected), load(null, "network-config=" + plain.replace("=", "")).networkConfig(),
                "padding is optional");
        assertEquals(Optional.of(Map.of("config", "disabled")), load(null, "network-config=disabled").networkConfig());

        SystemConfig empty = load(null, "network-config=%%%");
        assertEquals(Optional.empty(), empty.networkConfig());
        assertEquals(List.of("kernel command line (network-config=): decodes to nothing; ignored"),
                empty.findings().stream().map(Finding::toString).toList());
        SystemConfig bad = load(null, "network-config=a");
        assertEquals(Optional.empty(), bad.networkConfig());
        assertEquals(1, bad.findings().size());
        assertEquals(Finding.Severity.ERROR, bad.findings().get(0).severity());
        assertTrue(bad.findings().get(0).toString().startsWith("kernel command line (network-config=): not valid base64 ("),
                bad.findings().get(0).toString());
        SystemConfig list = load(null, "network-config=" + Base64.getEncoder().encodeToString("- a\n".getBytes()));
        assertEquals(Optional.empty(), list.networkConfig());
        assertEquals("kernel command line (network-config=), line 1, column 1: top level must be a mapping, got a list; ignored",
                list.findings().get(0).toString());
    }

    @Test
    void datasourceFromTheCommandLine() {
        SystemConfig sc = load(null, "ds=nocloud;s=http://10.1.1.1/;h=web1");
        DatasourceArg ds = sc.datasource().orElseThrow();
        assertEquals("nocloud", ds.name());
        assertEquals(Optional.of("http://10.1.1.1/"), ds.seedFrom());
        assertEquals(Optional.of("web1"), ds.localHostname());
    }

    @Test
    void filesOnTheHostOutsideTheTargetAreNotRead() throws IOException {
        Path outside = Files.createTempFile("nubis-outside", ".cfg");
        try {
            Files.writeString(outside, "secret: 1\n");
            target.symlink("/etc/cloud/cloud.cfg", outside.toString());
            SystemConfig sc = load(null, "");
            assertEquals(Map.of(), sc.config().asMap());
        } finally {
            Files.deleteIfExists(outside);
        }
    }
}

package io.nubis.cc.misc.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.nubis.api.config.ConfigException;
import io.nubis.testkit.Profiles;
import io.nubis.testkit.RecordingRunner;
import io.nubis.testkit.TempTarget;
import io.nubis.testkit.TestModuleContext;
import io.nubis.testkit.TreeSnapshot;

class CaCertsModuleTest {
    private static final String A = "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n";
    private static final String B = "-----BEGIN CERTIFICATE-----\nBBBB\n-----END CERTIFICATE-----\n";
    private static final String TWO = "ca_certs:\n  trusted:\n    - |\n      -----BEGIN CERTIFICATE-----\n      AAAA\n"
            + "      -----END CERTIFICATE-----\n    - |\n      -----BEGIN CERTIFICATE-----\n      BBBB\n      -----END CERTIFICATE-----\n";

    @TempDir
    Path dir;

    private void run(String distro, TempTarget t, RecordingRunner r, String yaml) throws Exception {
        new CaCertsModule().run(TestModuleContext.builder("ca_certs").config(Profiles.config(Profiles.named(distro), yaml))
                .target(t).runner(r).build());
    }

    @Test
    void debianWritesCertsAndUpdates() throws Exception {
        TempTarget t = TempTarget.in(dir);
        RecordingRunner r = new RecordingRunner(t);
        run("debian", t, r, TWO);
        assertEquals(A, t.text("/usr/local/share/ca-certificates/cloud-init-ca-cert-1.crt"));
        assertEquals(B, t.text("/usr/local/share/ca-certificates/cloud-init-ca-cert-2.crt"));
        assertEquals(0644, t.mode("/usr/local/share/ca-certificates/cloud-init-ca-cert-1.crt"));
        assertEquals(List.of("update-ca-certificates"), r.commandLines());
        Map<String, String> before = TreeSnapshot.of(dir);
        r.clear();
        run("debian", t, r, TWO);
        assertEquals(before, TreeSnapshot.of(dir));
        assertEquals(List.of(), r.commandLines());
    }

    @Test
    void debianRemoveDefaultsDeselectsAndAnswersDebconf() throws Exception {
        TempTarget t = TempTarget.in(dir).file("/etc/ca-certificates.conf", "# comment\nmozilla/A.crt\n!mozilla/B.crt\nmozilla/C.crt\n");
        RecordingRunner r = new RecordingRunner(t);
        run("debian", t, r, "ca_certs: {remove_defaults: true}\n");
        assertEquals("# comment\n" + CaCertsModule.HEADER + "\n!mozilla/A.crt\n!mozilla/B.crt\n!mozilla/C.crt\n",
                t.text("/etc/ca-certificates.conf"));
        assertEquals(List.of("debconf-set-selections -", "update-ca-certificates"), r.commandLines());
        assertArrayEquals("ca-certificates ca-certificates/trust_new_crts select no\n".getBytes(StandardCharsets.UTF_8),
                r.commands().get(0).stdin());
        Map<String, String> before = TreeSnapshot.of(dir);
        r.clear();
        run("debian", t, r, "ca_certs: {remove_defaults: true}\n");
        assertEquals(before, TreeSnapshot.of(dir));
        assertEquals(List.of(), r.commandLines());
    }

    @Test
    void alpineDeselectsWithoutDebconf() throws Exception {
        TempTarget t = TempTarget.in(dir).file("/etc/ca-certificates.conf", "mozilla/A.crt\n");
        RecordingRunner r = new RecordingRunner(t);
        run("alpine", t, r, "ca-certs: {remove-defaults: true}\n");
        assertEquals(CaCertsModule.HEADER + "\n!mozilla/A.crt\n", t.text("/etc/ca-certificates.conf"));
        assertEquals(List.of("update-ca-certificates"), r.commandLines());
    }

    @Test
    void suseUsesTrustAnchors() throws Exception {
        TempTarget t = TempTarget.in(dir);
        RecordingRunner r = new RecordingRunner(t);
        run("suse", t, r, TWO + "  remove_defaults: true\n");
        assertEquals(A, t.text("/etc/pki/trust/anchors/cloud-init-ca-cert-1.crt"));
        assertEquals(List.of("update-ca-certificates"), r.commandLines());
    }

    @Test
    void freebsdUsesCertctl() throws Exception {
        TempTarget t = TempTarget.in(dir);
        RecordingRunner r = new RecordingRunner(t);
        run("freebsd", t, r, TWO);
        assertEquals(B, t.text("/usr/local/share/certs/cloud-init-ca-cert-2.crt"));
        assertEquals(List.of("certctl rehash"), r.commandLines());
    }

    @Test
    void aShorterListRemovesTheLeftovers() throws Exception {
        TempTarget t = TempTarget.in(dir);
        RecordingRunner r = new RecordingRunner(t);
        run("debian", t, r, TWO);
        r.clear();
        run("debian", t, r, "ca_certs: {trusted: [\"" + B.replace("\n", "\\n") + "\"]}\n");
        assertEquals(B, t.text("/usr/local/share/ca-certificates/cloud-init-ca-cert-1.crt"));
        assertFalse(t.exists("/usr/local/share/ca-certificates/cloud-init-ca-cert-2.crt"));
        assertEquals(List.of("update-ca-certificates"), r.commandLines());
    }

    @Test
    void badInputNamesTheKey() {
        TempTarget t = TempTarget.in(dir);
        RecordingRunner r = new RecordingRunner(t);
        assertEquals("ca_certs.trusted[0]", assertThrows(ConfigException.class,
                () -> run("debian", t, r, "ca_certs: {trusted: [{a: b}]}\n")).keyPath());
        assertEquals("ca_certs.trusted[0]", assertThrows(ConfigException.class,
                () -> run("debian", t, r, "ca_certs: {trusted: ['not a cert']}\n")).keyPath());
        assertEquals("ca_certs.remove_defaults", assertThrows(ConfigException.class,
                () -> run("debian", t, r, "ca_certs: {remove_defaults: perhaps}\n")).keyPath());
        assertEquals("ca_certs", assertThrows(ConfigException.class,
                () -> run("debian", t, r, "ca_certs: [x]\n")).keyPath());
        assertEquals("system_info.ca_certs.filename", assertThrows(ConfigException.class,
                () -> run("debian", t, r, "ca_certs: {}\nsystem_info: {ca_certs: {local_path: /x, filename: ../../etc/shadow}}\n")).keyPath());
        assertEquals(List.of(), r.commandLines());
    }
}

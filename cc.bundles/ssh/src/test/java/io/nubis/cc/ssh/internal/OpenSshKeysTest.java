package io.nubis.cc.ssh.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class OpenSshKeysTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(value = HostKeyType.class, names = {"RSA", "ECDSA", "ED25519"})
    void privateKeyHasTheOpenSshLayoutAndEmbedsItsPublicKey(HostKeyType t) throws Exception {
        OpenSshKeys.KeyFiles kf = OpenSshKeys.generate(t, "root@host", new SecureRandom());
        String pem = kf.privateKey();
        assertTrue(pem.startsWith(OpenSshKeys.BEGIN + "\n"));
        assertTrue(pem.endsWith(OpenSshKeys.END + "\n"));
        for (String line : pem.split("\n")) {
            assertTrue(line.length() <= 70, line);
        }
        PublicKeyInfo pub = PublicKeyInfo.parse(kf.publicLine());
        assertArrayEquals(pub.blob(), OpenSshKeys.publicBlobOf(pem).orElseThrow());
        assertEquals("root@host", pub.comment());
        String body = pem.replace(OpenSshKeys.BEGIN, "").replace(OpenSshKeys.END, "").replaceAll("\\s", "");
        byte[] raw = Base64.getDecoder().decode(body);
        assertEquals("openssh-key-v1\0", new String(raw, 0, 15, StandardCharsets.US_ASCII));
        SshWire.Reader r = new SshWire.Reader(raw, 15);
        assertEquals("none", r.utf8());
        assertEquals("none", r.utf8());
        assertEquals(0, r.string().length);
        assertEquals(1, r.uint32());
        r.string();
        byte[] priv = r.string();
        assertTrue(r.atEnd());
        assertEquals(0, priv.length % 8);
        SshWire.Reader p = new SshWire.Reader(priv);
        assertEquals(p.uint32(), p.uint32(), "check integers");
        assertEquals(pub.type(), p.utf8());
    }

    @Test
    void sizesAndLabelsAreWhatSshKeygenReports() throws Exception {
        SecureRandom rnd = new SecureRandom();
        PublicKeyInfo rsa = PublicKeyInfo.parse(OpenSshKeys.generate(HostKeyType.RSA, "c", rnd).publicLine());
        PublicKeyInfo ec = PublicKeyInfo.parse(OpenSshKeys.generate(HostKeyType.ECDSA, "c", rnd).publicLine());
        PublicKeyInfo ed = PublicKeyInfo.parse(OpenSshKeys.generate(HostKeyType.ED25519, "c", rnd).publicLine());
        assertEquals("ssh-rsa", rsa.type());
        assertEquals(3072, rsa.bits());
        assertEquals("RSA", rsa.label());
        assertEquals("ecdsa-sha2-nistp256", ec.type());
        assertEquals(256, ec.bits());
        assertEquals("ECDSA", ec.label());
        assertEquals("ssh-ed25519", ed.type());
        assertEquals(256, ed.bits());
        assertEquals("ED25519", ed.label());
    }

    @Test
    void dsaIsLeftToSshKeygen() {
        assertThrows(java.security.GeneralSecurityException.class,
                () -> OpenSshKeys.generate(HostKeyType.DSA, "c", new SecureRandom()));
    }

    @Test
    void publicBlobOfRejectsGarbageInOpenSshArmourAndIgnoresPem() {
        assertTrue(OpenSshKeys.publicBlobOf("-----BEGIN RSA PRIVATE KEY-----\nMIIB\n-----END RSA PRIVATE KEY-----\n")
                .isEmpty());
        String bad = OpenSshKeys.BEGIN + "\n" + Base64.getEncoder().encodeToString("not a key".getBytes()) + "\n"
                + OpenSshKeys.END + "\n";
        assertThrows(IllegalArgumentException.class, () -> OpenSshKeys.publicBlobOf(bad));
    }

    /** The proof that sshd can load the keys: the host's ssh-keygen reads them back. */
    @ParameterizedTest
    @EnumSource(value = HostKeyType.class, names = {"RSA", "ECDSA", "ED25519"})
    void hostSshKeygenAcceptsTheKeysAndAgreesOnTheFingerprint(HostKeyType t) throws Exception {
        String keygen = onPath("ssh-keygen");
        assumeTrue(keygen != null, "ssh-keygen not installed");
        OpenSshKeys.KeyFiles kf = OpenSshKeys.generate(t, "root@host", new SecureRandom());
        Path priv = dir.resolve("ssh_host_" + t.id() + "_key");
        Files.writeString(priv, kf.privateKey());
        Files.setPosixFilePermissions(priv, PosixFilePermissions.fromString("rw-------"));
        Files.writeString(dir.resolve(priv.getFileName() + ".pub"), kf.publicLine());

        String derived = run(keygen, "-y", "-f", priv.toString());
        String[] want = kf.publicLine().split(" ");
        String[] got = derived.strip().split(" ");
        assertEquals(want[0], got[0]);
        assertEquals(want[1], got[1], "ssh-keygen -y derives the same public key");

        String fp = run(keygen, "-l", "-f", priv + ".pub").strip();
        assertEquals(PublicKeyInfo.parse(kf.publicLine()).fingerprintLine(), fp);
    }

    private static String onPath(String prog) {
        for (String d : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(File.pathSeparator)) {
            Path p = Path.of(d, prog);
            if (Files.isExecutable(p)) {
                return p.toString();
            }
        }
        return null;
    }

    private static String run(String... argv) throws Exception {
        Process p = new ProcessBuilder(List.of(argv)).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), String.join(" ", argv) + ": " + out);
        return out;
    }
}

package io.nubis.cc.ssh.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.nubis.api.module.ModuleException;
import io.nubis.testkit.RecordingRunner;
import io.nubis.testkit.TempTarget;
import io.nubis.testkit.TestModuleContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ssh_authkey_fingerprints and keys_to_console: exact console output, and both only print. */
class FinalModulesTest {
    private static final String BASE = "system_info:\n  default_user: {name: alice}\nusers: [default]\n";

    @TempDir
    Path dir;
    TempTarget target;
    RecordingRunner runner;

    @BeforeEach
    void setUp() {
        target = TempTarget.in(dir).file("/etc/passwd", "root:x:0:0:root:/root:/bin/sh\n").group("root", 0)
                .user("alice", 1000).user("svc", 999);
        runner = new RecordingRunner(target);
    }

    private TestModuleContext ctx(String name, String yaml) {
        return TestModuleContext.builder(name).config(BASE + yaml).target(target).runner(runner).build();
    }

    // ---- ssh_authkey_fingerprints ---------------------------------------------------------------

    @Test
    void printsTheReferenceTableForEachUser() throws Exception {
        target.file("/home/alice/.ssh/authorized_keys", "# comment\n" + Fixtures.ED + "\nfrom=\"10.0.0.1\" "
                + Fixtures.RSA + "\n");
        TestModuleContext c = ctx("ssh_authkey_fingerprints", "users: [default, bob, {name: svc, system: true}]\n");
        target.user("bob", 1002);
        new SshAuthkeyFingerprintsModule().run(c);
        assertEquals(List.of(
                "ci-info: no authorized SSH keys fingerprints found for user bob.",
                "ci-info: +++++++++++++++++++++++++++++++++++++++Authorized keys from /home/alice/.ssh/authorized_keys "
                        + "for user alice+++++++++++++++++++++++++++++++++++++++",
                "ci-info: +-------------+-------------------------------------------------------------------------------"
                        + "------------------+-----------------+--------------+",
                "ci-info: |   Keytype   |                                       Fingerprint (sha256)                      "
                        + "                |     Options     |   Comment    |",
                "ci-info: +-------------+-------------------------------------------------------------------------------"
                        + "------------------+-----------------+--------------+",
                "ci-info: | ssh-ed25519 | d5:89:24:35:c9:59:eb:9f:76:87:10:9c:18:5d:82:29:e3:24:c9:13:81:cc:9b:a5:67:90:"
                        + "6f:27:f4:cb:cb:3d |        -        | root@fixture |",
                "ci-info: |   ssh-rsa   | fa:29:0b:d6:c2:5c:1a:30:06:66:df:0d:97:29:64:46:59:ba:ff:db:f0:29:44:f9:1d:51:"
                        + "bb:77:27:69:a2:07 | from=\"10.0.0.1\" | alice@laptop |",
                "ci-info: +-------------+-------------------------------------------------------------------------------"
                        + "------------------+-----------------+--------------+"),
                c.consoleLines());
    }

    @Test
    void authkeyHashPicksTheDigest() throws Exception {
        target.file("/home/alice/.ssh/authorized_keys", Fixtures.ED + "\n");
        TestModuleContext c = ctx("ssh_authkey_fingerprints", "authkey_hash: md5\n");
        new SshAuthkeyFingerprintsModule().run(c);
        assertEquals(List.of(
                "ci-info: +++++++++++Authorized keys from /home/alice/.ssh/authorized_keys for user alice+++++++++++",
                "ci-info: +-------------+-------------------------------------------------+---------+--------------+",
                "ci-info: |   Keytype   |                Fingerprint (md5)                | Options |   Comment    |",
                "ci-info: +-------------+-------------------------------------------------+---------+--------------+",
                "ci-info: | ssh-ed25519 | 9e:74:39:f2:72:a3:77:f1:64:9f:ca:28:19:35:67:e6 |    -    | root@fixture |",
                "ci-info: +-------------+-------------------------------------------------+---------+--------------+"),
                c.consoleLines());
    }

    @Test
    void disabledOrBadHash() throws Exception {
        TestModuleContext c = ctx("ssh_authkey_fingerprints", "no_ssh_fingerprints: true\n");
        new SshAuthkeyFingerprintsModule().run(c);
        assertEquals(List.of(), c.consoleLines());
        ModuleException e = assertThrows(ModuleException.class,
                () -> new SshAuthkeyFingerprintsModule().run(ctx("ssh_authkey_fingerprints", "authkey_hash: rot13\n")));
        assertEquals("authkey_hash: unknown hash 'rot13'", e.getMessage());
    }

    @Test
    void fingerprintsAreIdempotentAndCreateNothing() throws Exception {
        target.file("/home/alice/.ssh/authorized_keys", Fixtures.ED + "\n");
        assertOnlyPrints(() -> new SshAuthkeyFingerprintsModule().run(ctx("ssh_authkey_fingerprints", "users: [default, root]\n")));
    }

    // ---- keys_to_console ----------------------------------------------------------------------

    private void seedHostKeys() {
        target.file("/etc/ssh/ssh_host_ed25519_key.pub", Fixtures.ED + "\n")
                .file("/etc/ssh/ssh_host_ecdsa_key.pub", Fixtures.EC + "\n")
                .file("/etc/ssh/ssh_host_rsa_key.pub", Fixtures.RSA + "\n")
                .file("/etc/ssh/ssh_host_rsa_key", "SECRET", 0600)
                .file("/etc/ssh/ssh_host_rsa_key-cert.pub", "ssh-rsa-cert-v01@openssh.com AAAA cert\n");
    }

    @Test
    void printsFingerprintsAndKeysLikeTheHelperScript() throws Exception {
        seedHostKeys();
        TestModuleContext c = ctx("keys_to_console", "");
        new KeysToConsoleModule().run(c);
        assertEquals(List.of("ec2: ",
                "ec2: #############################################################",
                "ec2: -----BEGIN SSH HOST KEY FINGERPRINTS-----",
                "ec2: " + Fixtures.EC_FP,
                "ec2: " + Fixtures.ED_FP,
                "ec2: " + Fixtures.RSA_FP,
                "ec2: -----END SSH HOST KEY FINGERPRINTS-----",
                "ec2: #############################################################",
                "-----BEGIN SSH HOST KEY KEYS-----",
                Fixtures.EC, Fixtures.ED, Fixtures.RSA,
                "-----END SSH HOST KEY KEYS-----"), c.consoleLines());
        assertEquals(List.of(), runner.commandLines());
    }

    @Test
    void blacklistsAndSwitch() throws Exception {
        seedHostKeys();
        TestModuleContext c = ctx("keys_to_console", "ssh_fp_console_blacklist: [ssh-rsa]\n"
                + "ssh_key_console_blacklist: [ecdsa-sha2-nistp256, ssh-ed25519]\n");
        new KeysToConsoleModule().run(c);
        assertEquals(List.of("ec2: ",
                "ec2: #############################################################",
                "ec2: -----BEGIN SSH HOST KEY FINGERPRINTS-----",
                "ec2: " + Fixtures.EC_FP,
                "ec2: " + Fixtures.ED_FP,
                "ec2: -----END SSH HOST KEY FINGERPRINTS-----",
                "ec2: #############################################################",
                "-----BEGIN SSH HOST KEY KEYS-----",
                Fixtures.RSA,
                "-----END SSH HOST KEY KEYS-----"), c.consoleLines());
        TestModuleContext off = ctx("keys_to_console", "ssh: {emit_keys_to_console: false}\n");
        new KeysToConsoleModule().run(off);
        assertEquals(List.of(), off.consoleLines());
    }

    @Test
    void defaultKeyBlacklistIsSshDssAndBadKeysAreReported() throws Exception {
        java.math.BigInteger big = java.math.BigInteger.ONE.shiftLeft(1023);
        byte[] dss = new SshWire.Writer().string("ssh-dss").mpint(big).mpint(big).mpint(big).mpint(big).bytes();
        String dssLine = "ssh-dss " + java.util.Base64.getEncoder().encodeToString(dss) + " root@x";
        target.file("/etc/ssh/ssh_host_dsa_key.pub", dssLine + "\n")
                .file("/etc/ssh/ssh_host_bad_key.pub", "garbage\n");
        TestModuleContext c = ctx("keys_to_console", "");
        ModuleException e = assertThrows(ModuleException.class, () -> new KeysToConsoleModule().run(c));
        assertEquals("/etc/ssh/ssh_host_bad_key.pub: not a public key (not a public key line)", e.getMessage());
        assertEquals(List.of("ec2: ",
                "ec2: #############################################################",
                "ec2: -----BEGIN SSH HOST KEY FINGERPRINTS-----",
                "ec2: 1024 " + PublicKeyInfo.parse(dssLine).sha256() + " root@x (DSA)",
                "ec2: -----END SSH HOST KEY FINGERPRINTS-----",
                "ec2: #############################################################",
                "-----BEGIN SSH HOST KEY KEYS-----",
                "garbage",
                "-----END SSH HOST KEY KEYS-----"), c.consoleLines(), "the ssh-dss key (not its fingerprint) is left out by default");
        io.nubis.api.config.ConfigException ce = assertThrows(io.nubis.api.config.ConfigException.class,
                () -> new KeysToConsoleModule().run(ctx("keys_to_console", "ssh: [1]\n")));
        assertEquals("ssh: expected a mapping, got a list", ce.getMessage());
    }

    @Test
    void keysToConsoleIsIdempotent() throws Exception {
        seedHostKeys();
        assertOnlyPrints(() -> new KeysToConsoleModule().run(ctx("keys_to_console", "")));
    }

    // ---- idempotency ----------------------------------------------------------------------------

    private interface Run {
        void run() throws Exception;
    }

    /** Runs twice; the file tree (paths, contents, modes) never changes and no command runs. */
    private void assertOnlyPrints(Run r) throws Exception {
        Map<String, String> before = snapshot();
        r.run();
        Map<String, String> first = snapshot();
        r.run();
        assertEquals(before, first);
        assertEquals(first, snapshot());
        assertEquals(List.of(), runner.commandLines());
    }

    private Map<String, String> snapshot() throws IOException {
        Map<String, String> m = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            List<Path> all = new ArrayList<>(s.toList());
            for (Path p : all) {
                String key = dir.relativize(p) + " " + Integer.toOctalString(target.mode("/" + dir.relativize(p)));
                m.put(key, Files.isRegularFile(p) ? Files.readString(p) : "<dir>");
            }
        }
        return m;
    }
}

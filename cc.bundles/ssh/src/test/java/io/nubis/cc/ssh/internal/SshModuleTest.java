package io.nubis.cc.ssh.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nubis.adapter.openrc.internal.OpenRcInit;
import io.nubis.adapter.systemd.internal.SystemdInit;
import io.nubis.api.exec.Command;
import io.nubis.api.module.ModuleException;
import io.nubis.api.target.FileAttributes;
import io.nubis.testkit.RecordingRunner;
import io.nubis.testkit.TempTarget;
import io.nubis.testkit.TestModuleContext;
import java.io.IOException;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SshModuleTest {
    private static final String BASE = "system_info:\n  default_user: {name: alice}\nusers: [default]\n";
    private static final String ROOT_OPTS = "no-port-forwarding,no-agent-forwarding,no-X11-forwarding,"
            + "command=\"echo 'Please login as the user \\\"alice\\\" rather than the user \\\"root\\\".';"
            + "echo;sleep 10;exit 142\"";

    @TempDir
    java.nio.file.Path dir;
    TempTarget target;
    RecordingRunner runner;

    @BeforeEach
    void setUp() {
        target = TempTarget.in(dir).file("/etc/passwd", "root:x:0:0:root:/root:/bin/sh\n").group("root", 0)
                .user("alice", 1000)
                .file("/etc/ssh/sshd_config", "Port 22\n", 0600);
        runner = new RecordingRunner(target);
    }

    private TestModuleContext ctx(String yaml) {
        return TestModuleContext.builder("ssh").config(BASE + yaml).target(target).runner(runner)
                .profile(Fixtures.profile("ssh")).initSystem(new SystemdInit()).build();
    }

    private int mode(String p) throws IOException {
        return target.mode(p);
    }

    // ---- host keys ----------------------------------------------------------------------------

    @Test
    void deletesImageKeysAndGeneratesTheDefaultTypesInProcessWithoutCommands() throws Exception {
        target.file("/etc/ssh/ssh_host_rsa_key", "old").file("/etc/ssh/ssh_host_rsa_key.pub", "old")
                .file("/etc/ssh/ssh_host_dsa_key", "old").file("/etc/ssh/ssh_host_ecdsa_key-cert.pub", "old")
                .file("/etc/ssh/moduli", "keep");
        TestModuleContext c = ctx("");
        new SshModule().run(c);

        assertEquals(List.of("moduli", "ssh_host_ecdsa_key", "ssh_host_ecdsa_key.pub", "ssh_host_ed25519_key",
                "ssh_host_ed25519_key.pub", "ssh_host_rsa_key", "ssh_host_rsa_key.pub", "sshd_config"),
                target.list("/etc/ssh"));
        assertEquals("keep", target.text("/etc/ssh/moduli"));
        for (String t : List.of("rsa", "ecdsa", "ed25519")) {
            String priv = "/etc/ssh/ssh_host_" + t + "_key";
            assertEquals(0600, mode(priv), priv);
            assertEquals(0644, mode(priv + ".pub"));
            assertEquals(Optional.of("0:0"), target.owner(priv));
            assertTrue(target.text(priv).startsWith("-----BEGIN OPENSSH PRIVATE KEY-----\n"));
            assertTrue(target.text(priv + ".pub").endsWith(" root@localhost\n"), "no /etc/hostname: root@localhost");
        }
        assertTrue(target.text("/etc/ssh/ssh_host_rsa_key.pub").startsWith("ssh-rsa "));
        assertTrue(target.text("/etc/ssh/ssh_host_ecdsa_key.pub").startsWith("ecdsa-sha2-nistp256 "));
        assertTrue(target.text("/etc/ssh/ssh_host_ed25519_key.pub").startsWith("ssh-ed25519 "));
        assertEquals(List.of(), runner.commandLines(), "no ssh-keygen, no restart (sshd_config unchanged)");
        assertTrue(c.consoleLines().contains("Generating public/private ed25519 key pair."));
        assertTrue(c.consoleLines().contains("Your identification has been saved in /etc/ssh/ssh_host_rsa_key"));
    }

    @Test
    void keepsExistingKeysWhenNotDeletingAndUsesTheHostnameInTheComment() throws Exception {
        target.file("/etc/ssh/ssh_host_ed25519_key", "mine").file("/etc/hostname", "web1\n");
        TestModuleContext c = ctx("ssh_deletekeys: false\nssh_genkeytypes: [ed25519, ecdsa]\nssh_quiet_keygen: true\n");
        new SshModule().run(c);
        assertEquals("mine", target.text("/etc/ssh/ssh_host_ed25519_key"));
        assertFalse(target.exists("/etc/ssh/ssh_host_ed25519_key.pub"));
        assertTrue(target.text("/etc/ssh/ssh_host_ecdsa_key.pub").endsWith(" root@web1\n"));
        assertFalse(target.exists("/etc/ssh/ssh_host_rsa_key"));
        assertEquals(List.of(), c.consoleLines(), "ssh_quiet_keygen");
    }

    @Test
    void dsaGoesToSshKeygenWithTheExactCommand() throws Exception {
        runner.on("ssh-keygen", k -> { // creates the files ssh-keygen would
            String f = k.argv().get(k.argv().indexOf("-f") + 1);
            target.writeString(f, "PRIVATE", FileAttributes.mode(0644));
            target.writeString(f + ".pub", "ssh-dss AAAA root@x\n", FileAttributes.mode(0600));
            return RecordingRunner.result(0, "Generating public/private dsa key pair.\n", "");
        });
        TestModuleContext c = TestModuleContext.builder("ssh").config(BASE + "ssh_genkeytypes: [dsa]\n")
                .target(target).runner(runner).profile(Fixtures.profile("ssh")).initSystem(new SystemdInit()).build();
        new SshModule().run(c);
        Command cmd = runner.commands().get(0);
        assertEquals(List.of("ssh-keygen", "-t", "dsa", "-N", "", "-f", "/etc/ssh/ssh_host_dsa_key"), cmd.argv());
        assertEquals(Map.of("LANG", "C"), cmd.env());
        assertEquals(1, runner.commands().size());
        assertEquals(0600, mode("/etc/ssh/ssh_host_dsa_key"));
        assertEquals(0644, mode("/etc/ssh/ssh_host_dsa_key.pub"));
        assertEquals(List.of("Generating public/private dsa key pair."), c.consoleLines());
    }

    @Test
    void sshKeygenNotKnowingTheTypeIsReportedNamingIt() {
        runner.onFailure("ssh-keygen", 1, "unknown key type dsa\n");
        ModuleException e = assertThrows(ModuleException.class,
                () -> new SshModule().run(ctx("ssh_genkeytypes: [dsa, ed25519]\n")));
        assertEquals("ssh_genkeytypes: dsa: ssh-keygen does not know key type 'dsa'", e.getMessage());
        assertTrue(target.exists("/etc/ssh/ssh_host_ed25519_key"), "the other type is still generated");
    }

    @Test
    void unknownKeyTypeIsAnErrorNamingTheEntryAndTheRestIsDone() {
        ModuleException e = assertThrows(ModuleException.class,
                () -> new SshModule().run(ctx("ssh_genkeytypes: [ed25519, dsa2, ../../x]\nssh_authorized_keys: ['"
                        + Fixtures.ED + "']\n")));
        assertEquals("ssh_genkeytypes[1]: unknown host key type 'dsa2' (expected rsa, ecdsa, ed25519 or dsa); "
                + "ssh_genkeytypes[2]: unknown host key type '../../x' (expected rsa, ecdsa, ed25519 or dsa)",
                e.getMessage());
        assertTrue(target.exists("/etc/ssh/ssh_host_ed25519_key"));
        assertEquals(Fixtures.ED + "\n", target.text("/home/alice/.ssh/authorized_keys"));
        assertEquals(List.of(), runner.commandLines());
    }

    @Test
    void wrongTypesAreErrorsNamingTheKey() {
        ModuleException e = assertThrows(ModuleException.class,
                () -> new SshModule().run(ctx("ssh_genkeytypes: {rsa: 1}\n")));
        assertEquals("ssh_genkeytypes: expected a list, got a mapping", e.getMessage());
        e = assertThrows(ModuleException.class, () -> new SshModule().run(ctx("ssh_keys: [a]\n")));
        assertEquals("ssh_keys: expected a mapping, got a list", e.getMessage());
        e = assertThrows(ModuleException.class, () -> new SshModule().run(ctx("ssh_authorized_keys: {a: b}\n")));
        assertEquals("ssh_authorized_keys: expected a list, got a mapping", e.getMessage());
        e = assertThrows(ModuleException.class, () -> new SshModule().run(ctx("disable_root: [x]\nssh_keys: {}\n")));
        assertEquals("disable_root: expected a boolean, got a list", e.getMessage());
    }

    @Test
    void oldSshdWithSshKeysGroupGetsGroupReadablePrivateKeys() throws Exception {
        target.group("ssh_keys", 998).executable("/usr/sbin/sshd");
        runner.onFailure("sshd", 1, "unknown option -- V\nOpenSSH_8.4p1 Debian-5+deb11u3, OpenSSL 1.1.1w  11 Sep 2023\n"
                + "usage: sshd [-46DdeiqTt]\n");
        new SshModule().run(ctx("ssh_genkeytypes: [ed25519]\n"));
        assertEquals(List.of("/usr/sbin/sshd -V"), runner.commandLines());
        assertEquals(0640, mode("/etc/ssh/ssh_host_ed25519_key"));
        assertEquals(Optional.of("0:ssh_keys"), target.owner("/etc/ssh/ssh_host_ed25519_key"));
    }

    @Test
    void newSshdWithSshKeysGroupKeepsPrivateKeys0600() throws Exception {
        target.group("ssh_keys", 998).executable("/usr/sbin/sshd");
        runner.onOutput("sshd", "").on(Pattern.compile("sshd -V"),
                RecordingRunner.result(0, "", "OpenSSH_9.6p1, OpenSSL 3.1.4 24 Oct 2023\n"));
        new SshModule().run(ctx("ssh_genkeytypes: [ed25519]\n"));
        assertEquals(0600, mode("/etc/ssh/ssh_host_ed25519_key"));
        assertEquals(Optional.of("0:0"), target.owner("/etc/ssh/ssh_host_ed25519_key"));
    }

    // ---- ssh_keys -----------------------------------------------------------------------------

    @Test
    void givenKeysAreWrittenAndCertificatesConfiguredAndSshdRestarted() throws Exception {
        target.file("/etc/ssh/ssh_host_ecdsa_key", "image key");
        new SshModule().run(ctx("ssh_keys:\n  ed25519_private: PRIV\n  ed25519_public: " + Fixtures.ED
                + "\n  ed25519_certificate: CERT\n  rsa_certificate: RCERT\n"));
        assertEquals("PRIV", target.text("/etc/ssh/ssh_host_ed25519_key"));
        assertEquals(0600, mode("/etc/ssh/ssh_host_ed25519_key"));
        assertEquals(Fixtures.ED, target.text("/etc/ssh/ssh_host_ed25519_key.pub"));
        assertEquals(0644, mode("/etc/ssh/ssh_host_ed25519_key.pub"));
        assertEquals("CERT", target.text("/etc/ssh/ssh_host_ed25519_key-cert.pub"));
        assertEquals(0644, mode("/etc/ssh/ssh_host_ed25519_key-cert.pub"));
        assertFalse(target.exists("/etc/ssh/ssh_host_ecdsa_key"), "image keys deleted");
        assertFalse(target.exists("/etc/ssh/ssh_host_rsa_key"), "no generation when ssh_keys is given");
        assertEquals("Port 22\nHostCertificate /etc/ssh/ssh_host_ed25519_key-cert.pub\n"
                + "HostCertificate /etc/ssh/ssh_host_rsa_key-cert.pub\n", target.text("/etc/ssh/sshd_config"));
        assertEquals(0600, mode("/etc/ssh/sshd_config"), "mode of sshd_config kept");
        assertEquals(List.of("systemctl is-active --quiet ssh", "systemctl restart ssh"), runner.commandLines());
    }

    @Test
    void missingPublicKeyIsDerivedFromAnOpenSshPrivateKeyInProcess() throws Exception {
        OpenSshKeys.KeyFiles kf = OpenSshKeys.generate(HostKeyType.ED25519, "x@y", new SecureRandom());
        String indented = kf.privateKey().replace("\n", "\n    ");
        new SshModule().run(ctx("ssh_keys:\n  ed25519_private: |\n    " + indented + "\n"));
        String[] want = kf.publicLine().split(" ");
        assertEquals(want[0] + " " + want[1] + " root@localhost\n", target.text("/etc/ssh/ssh_host_ed25519_key.pub"));
        assertEquals(List.of(), runner.commandLines());
    }

    @Test
    void missingPublicKeyOfAPemKeyIsDerivedWithSshKeygen() throws Exception {
        runner.onOutput("ssh-keygen", Fixtures.RSA + "\n");
        new SshModule().run(ctx("ssh_keys:\n  rsa_private: |\n    -----BEGIN RSA PRIVATE KEY-----\n    MIIB\n"
                + "    -----END RSA PRIVATE KEY-----\n"));
        assertEquals(List.of("ssh-keygen -y -f /etc/ssh/ssh_host_rsa_key"), runner.commandLines());
        String[] f = Fixtures.RSA.split(" ");
        assertEquals(f[0] + " " + f[1] + " root@localhost\n", target.text("/etc/ssh/ssh_host_rsa_key.pub"));
    }

    @Test
    void hostileSshKeysNamesAreRejectedNamingThem() throws Exception {
        ModuleException e = assertThrows(ModuleException.class, () -> new SshModule().run(ctx(
                "ssh_keys:\n  ../../etc/shadow_private: x\n  dsa_private: x\n  rsa_private: [1]\n  ed25519_public: "
                        + Fixtures.ED + "\n")));
        assertEquals("ssh_keys.../../etc/shadow_private: unsupported entry (expected rsa, ecdsa or ed25519 followed by "
                + "_private, _public or _certificate); ssh_keys.dsa_private: unsupported entry (expected rsa, ecdsa or "
                + "ed25519 followed by _private, _public or _certificate); ssh_keys.rsa_private: expected a string, "
                + "got a list", e.getMessage());
        assertFalse(target.exists("/etc/shadow_private"));
        assertFalse(target.exists("/etc/ssh/ssh_host_rsa_key"));
        assertEquals(Fixtures.ED, target.text("/etc/ssh/ssh_host_ed25519_key.pub"), "the valid entry is written");
    }

    // ---- ssh_pwauth ---------------------------------------------------------------------------

    @Test
    void pwauthEditsSshdConfigWithoutIncludeLeavingMatchBlocksAlone() throws Exception {
        target.file("/etc/ssh/sshd_config", "Port 22\n#PasswordAuthentication yes\npasswordauthentication=yes\n"
                + "Match User bob\n    PasswordAuthentication yes\n", 0640);
        new SshModule().run(ctx("ssh_pwauth: false\nssh_keys: {}\n"));
        assertEquals("Port 22\n#PasswordAuthentication yes\npasswordauthentication no\n"
                + "Match User bob\n    PasswordAuthentication yes\n", target.text("/etc/ssh/sshd_config"));
        assertEquals(0640, mode("/etc/ssh/sshd_config"));
        assertFalse(target.exists(SshdConfig.DROP_IN));
        assertEquals(List.of("systemctl is-active --quiet ssh", "systemctl restart ssh"), runner.commandLines());
    }

    @Test
    void pwauthAddsAGlobalLineBeforeTheFirstMatch() throws Exception {
        target.file("/etc/ssh/sshd_config", "Port 22\nMatch User bob\n  X11Forwarding no\n");
        new SshModule().run(ctx("ssh_pwauth: true\nssh_keys: {}\n"));
        assertEquals("Port 22\nPasswordAuthentication yes\nMatch User bob\n  X11Forwarding no\n",
                target.text("/etc/ssh/sshd_config"));
    }

    @Test
    void pwauthGoesToTheDropInWhenSshdConfigIncludesIt() throws Exception {
        String main = "Include /etc/ssh/sshd_config.d/*.conf\nPasswordAuthentication yes\n";
        target.file("/etc/ssh/sshd_config", main);
        new SshModule().run(ctx("ssh_pwauth: false\nssh_keys: {}\n"));
        assertEquals(main, target.text("/etc/ssh/sshd_config"));
        assertEquals("PasswordAuthentication no\n", target.text(SshdConfig.DROP_IN));
        assertEquals(0600, mode(SshdConfig.DROP_IN));
        assertEquals(List.of("systemctl is-active --quiet ssh", "systemctl restart ssh"), runner.commandLines());
    }

    @Test
    void relativeIncludeCoversTheDropInToo() throws Exception {
        target.file("/etc/ssh/sshd_config", "include sshd_config.d/[0-9]*.conf\n");
        new SshModule().run(ctx("ssh_pwauth: yes\nssh_keys: {}\n"));
        assertEquals("PasswordAuthentication yes\n", target.text(SshdConfig.DROP_IN));
    }

    @Test
    void noRestartWhenNothingChanged() throws Exception {
        target.file("/etc/ssh/sshd_config", "Include /etc/ssh/sshd_config.d/*.conf\n")
                .file(SshdConfig.DROP_IN, "PasswordAuthentication no\n", 0600);
        new SshModule().run(ctx("ssh_pwauth: false\nssh_keys: {}\n"));
        assertEquals(List.of(), runner.commandLines());
        new SshModule().run(ctx("ssh_pwauth: unchanged\nssh_keys: {}\n"));
        new SshModule().run(ctx("ssh_keys: {}\n"));
        assertEquals(List.of(), runner.commandLines());
        assertEquals("PasswordAuthentication no\n", target.text(SshdConfig.DROP_IN));
    }

    @Test
    void noRestartWhenSshdIsNotRunning() throws Exception {
        runner.on(Pattern.compile("is-active"), RecordingRunner.result(3, "", ""));
        new SshModule().run(ctx("ssh_pwauth: true\nssh_keys: {}\n"));
        assertEquals(List.of("systemctl is-active --quiet ssh"), runner.commandLines());
        assertEquals("Port 22\nPasswordAuthentication yes\n", target.text("/etc/ssh/sshd_config"));
    }

    @Test
    void openRcRestartUsesTheDistroServiceName() throws Exception {
        TestModuleContext c = TestModuleContext.builder("ssh").config(BASE + "ssh_pwauth: true\nssh_keys: {}\n")
                .target(target).runner(runner).profile(Fixtures.profile("sshd")).initSystem(new OpenRcInit()).build();
        new SshModule().run(c);
        assertEquals(List.of("rc-service --nocolor sshd status", "rc-service --nocolor sshd restart"),
                runner.commandLines());
    }

    @Test
    void badPwauthIsAnErrorNamingTheKey() {
        ModuleException e = assertThrows(ModuleException.class,
                () -> new SshModule().run(ctx("ssh_pwauth: maybe\nssh_keys: {}\n")));
        assertEquals("ssh_pwauth: expected true, false or \"unchanged\", got 'maybe'", e.getMessage());
        e = assertThrows(ModuleException.class, () -> new SshModule().run(ctx("ssh_pwauth: [1]\nssh_keys: {}\n")));
        assertEquals("ssh_pwauth: expected true, false or \"unchanged\", got a list", e.getMessage());
        assertEquals(List.of(), runner.commandLines());
    }

    // ---- authorized keys ----------------------------------------------------------------------

    @Test
    void keysGoToTheDefaultUserAndToRootWithTheDisableRootPrefix() throws Exception {
        TestModuleContext c = TestModuleContext.builder("ssh")
                .config(BASE + "ssh_keys: {}\nssh_authorized_keys:\n  - " + Fixtures.ED + "\n  - " + Fixtures.RSA + "\n")
                .instanceData(Map.of("v1", Map.of("public_ssh_keys", List.of(Fixtures.EC, Fixtures.ED))))
                .target(target).runner(runner).profile(Fixtures.profile("ssh")).initSystem(new SystemdInit()).build();
        new SshModule().run(c);
        assertEquals(Fixtures.EC + "\n" + Fixtures.ED + "\n" + Fixtures.RSA + "\n",
                target.text("/home/alice/.ssh/authorized_keys"));
        assertEquals(0600, mode("/home/alice/.ssh/authorized_keys"));
        assertEquals(0700, mode("/home/alice/.ssh"));
        assertEquals(Optional.of("alice:alice"), target.owner("/home/alice/.ssh/authorized_keys"));
        assertEquals(Optional.of("alice:alice"), target.owner("/home/alice/.ssh"));
        assertEquals(ROOT_OPTS + " " + Fixtures.EC + "\n" + ROOT_OPTS + " " + Fixtures.ED + "\n" + ROOT_OPTS + " "
                + Fixtures.RSA + "\n", target.text("/root/.ssh/authorized_keys"));
        assertEquals(Optional.of("root:root"), target.owner("/root/.ssh/authorized_keys"));
        assertEquals(0700, mode("/root/.ssh"));
    }

    @Test
    void disableRootFalseCustomOptionsAndNoMetadataKeys() throws Exception {
        TestModuleContext c = TestModuleContext.builder("ssh")
                .config(BASE + "ssh_keys: {}\nallow_public_ssh_keys: false\nssh_authorized_keys: ['" + Fixtures.ED + "']\n")
                .instanceData(Map.of("v1", Map.of("public_ssh_keys", List.of(Fixtures.EC))))
                .target(target).runner(runner).profile(Fixtures.profile("ssh")).initSystem(new SystemdInit()).build();
        new SshModule().run(c);
        assertEquals(Fixtures.ED + "\n", target.text("/home/alice/.ssh/authorized_keys"));
        new SshModule().run(ctx("ssh_keys: {}\ndisable_root: false\nssh_authorized_keys: ['" + Fixtures.ED + "']\n"));
        assertEquals(Fixtures.ED + "\n", target.text("/root/.ssh/authorized_keys"));
        new SshModule().run(ctx("ssh_keys: {}\ndisable_root_opts: 'command=\"echo use $USER not $DISABLE_USER\"'\n"
                + "ssh_authorized_keys: ['" + Fixtures.ED + "']\n"));
        assertEquals("command=\"echo use alice not root\" " + Fixtures.ED + "\n", target.text("/root/.ssh/authorized_keys"));
    }

    @Test
    void existingLinesAreKeptAndTheSameKeyIsReplacedInPlace() throws Exception {
        target.file("/home/alice/.ssh/authorized_keys", "# mine\n" + Fixtures.ED.replace("root@fixture", "old")
                + "\nnot a key\n" + Fixtures.RSA + "\n", 0644);
        new SshModule().run(ctx("ssh_keys: {}\nssh_authorized_keys: ['" + Fixtures.ED + "', '" + Fixtures.EC + "']\n"));
        assertEquals("# mine\n" + Fixtures.ED + "\nnot a key\n" + Fixtures.RSA + "\n" + Fixtures.EC + "\n",
                target.text("/home/alice/.ssh/authorized_keys"));
        assertEquals(0600, mode("/home/alice/.ssh/authorized_keys"));
    }

    @Test
    void withoutADefaultUserOnlyRootGetsKeysAndIsToldNone() throws Exception {
        new SshModule().run(ctx("users: []\nssh_keys: {}\nssh_authorized_keys: ['" + Fixtures.ED + "']\n"));
        assertFalse(target.exists("/home/alice/.ssh/authorized_keys"));
        assertEquals(ROOT_OPTS.replace("alice", "NONE") + " " + Fixtures.ED + "\n",
                target.text("/root/.ssh/authorized_keys"));
    }

    @Test
    void legacyUserKeyNamesTheDefaultUser() throws Exception {
        target.user("bob", 1001);
        new SshModule().run(ctx("user: bob\nusers: []\nssh_keys: {}\nssh_authorized_keys: ['" + Fixtures.ED + "']\n"));
        assertEquals(Fixtures.ED + "\n", target.text("/home/bob/.ssh/authorized_keys"));
        assertFalse(target.exists("/home/alice/.ssh/authorized_keys"));
    }

    @Test
    void authorizedKeysFileFromSshdConfigIsUsed() throws Exception {
        target.file("/etc/ssh/sshd_config", "AuthorizedKeysFile /etc/ssh/keys/%u .ssh/authorized_keys\n");
        new SshModule().run(ctx("ssh_keys: {}\nssh_authorized_keys: ['" + Fixtures.ED + "']\n"));
        assertEquals(Fixtures.ED + "\n", target.text("/etc/ssh/keys/alice"));
        assertEquals(0755, mode("/etc/ssh/keys"));
        assertEquals(Optional.of("alice:alice"), target.owner("/etc/ssh/keys/alice"));
        assertFalse(target.exists("/home/alice/.ssh/authorized_keys"));
    }

    @Test
    void symlinkedSshDirIsRefusedAndNothingIsWrittenThroughIt() throws Exception {
        target.dir("/home/alice").link("/home/alice/.ssh", "/etc");
        ModuleException e = assertThrows(ModuleException.class,
                () -> new SshModule().run(ctx("ssh_keys: {}\nssh_authorized_keys: ['" + Fixtures.ED + "']\n")));
        assertEquals("ssh_authorized_keys: alice: refusing to write /home/alice/.ssh/authorized_keys: a symlink, "
                + "file or directory is in the way", e.getMessage());
        assertFalse(Files.exists(dir.resolve("etc/authorized_keys")));
        assertTrue(target.exists("/root/.ssh/authorized_keys"), "root is still done");
    }

    @Test
    void missingDefaultUserIsReportedAndRootIsStillDone() throws Exception {
        ModuleException e = assertThrows(ModuleException.class, () -> new SshModule().run(ctx(
                "system_info:\n  default_user: {name: carol}\nssh_keys: {}\nssh_authorized_keys: ['" + Fixtures.ED + "']\n")));
        assertEquals("ssh_authorized_keys: user 'carol' does not exist in /etc/passwd", e.getMessage());
        assertTrue(target.text("/root/.ssh/authorized_keys").contains("login as the user \\\"carol\\\""));
    }

    @Test
    void inPlanModeAUserCreatedByARecordedCommandIsNotAnError() throws Exception {
        runner.planMode(true);
        new SshModule().run(ctx(
                "system_info:\n  default_user: {name: carol}\nssh_keys: {}\nssh_authorized_keys: ['" + Fixtures.ED + "']\n"));
        assertFalse(target.exists("/home/carol/.ssh/authorized_keys"));
        assertTrue(target.text("/root/.ssh/authorized_keys").contains("login as the user \\\"carol\\\""));
    }

    @Test
    void metadataKeysAcceptListsStringsAndMappings() {
        assertEquals(List.of("a", "b", "c", "d"), SshModule.metadataKeys(Map.of("v1", Map.of("public_ssh_keys",
                List.of("a\nb\n", Map.of("k", List.of("c")), "  d  ")))));
        assertEquals(List.of(), SshModule.metadataKeys(Map.of()));
    }
}

package io.nubis.cc.ssh.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nubis.adapter.systemd.internal.SystemdInit;
import io.nubis.api.target.FileAttributes;
import io.nubis.testkit.RecordingRunner;
import io.nubis.testkit.TempTarget;
import io.nubis.testkit.TestModuleContext;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The RSA host key made ahead of time by {@link SshModule#prepare} and taken by its run. */
class HostKeyAheadTest {
    private static final String POOL = "/run/cloud-init/" + HostKeyPool.DIR;
    private static final String AHEAD = "ssh-keygen -q -t rsa -N  -f " + POOL + "/ssh_host_rsa_key";

    @TempDir
    java.nio.file.Path dir;
    TempTarget target;
    RecordingRunner runner;

    @BeforeEach
    void setUp() {
        target = TempTarget.in(dir).file("/etc/passwd", "root:x:0:0:root:/root:/bin/sh\n").group("root", 0)
                .file("/etc/hostname", "web1\n").file("/etc/ssh/sshd_config", "Port 22\n", 0600)
                .file("/etc/ssh/ssh_host_rsa_key", "IMAGE KEY", 0600);
        runner = new RecordingRunner(target).present("ssh-keygen");
        // what ssh-keygen does: -f FILE writes FILE and FILE.pub; -c -C COMMENT rewrites the comment
        runner.on("ssh-keygen", c -> {
            List<String> a = c.argv();
            String f = a.get(a.indexOf("-f") + 1);
            if (a.contains("-c")) {
                String pub = target.readString(f + ".pub").orElseThrow();
                target.writeString(f + ".pub", pub.substring(0, pub.lastIndexOf(' ') + 1) + a.get(a.indexOf("-C") + 1) + "\n",
                        FileAttributes.mode(0644));
                return RecordingRunner.result(0, "", "");
            }
            String type = a.get(a.indexOf("-t") + 1);
            String line = switch (type) {
                case "rsa" -> Fixtures.RSA;
                case "ecdsa" -> Fixtures.EC;
                default -> Fixtures.ED;
            };
            target.writeString(f, "PRIVATE " + type + " " + f, FileAttributes.mode(0600));
            target.writeString(f + ".pub", line.substring(0, line.lastIndexOf(' ') + 1) + "root@vm\n", FileAttributes.mode(0644));
            return RecordingRunner.result(0, "", "");
        });
    }

    private TestModuleContext ctx(String yaml) {
        return TestModuleContext.builder("ssh").config(yaml).target(target).runner(runner)
                .profile(Fixtures.profile("ssh")).initSystem(new SystemdInit()).build();
    }

    @Test
    void theRunUsesTheKeyMadeAheadAndGivesItTheCommentOfNow() throws Exception {
        SshModule m = new SshModule();
        m.prepare(ctx(""));
        m.run(ctx(""));
        List<String> lines = runner.commandLines();
        assertEquals(AHEAD, lines.get(0));
        assertTrue(lines.contains("ssh-keygen -q -c -C root@web1 -P  -f /etc/ssh/ssh_host_rsa_key"), lines.toString());
        assertFalse(lines.stream().anyMatch(l -> l.contains("-t rsa -N  -f /etc/ssh/")), "no second RSA key: " + lines);
        assertEquals("PRIVATE rsa " + POOL + "/ssh_host_rsa_key", target.text("/etc/ssh/ssh_host_rsa_key"));
        assertEquals(0600, target.mode("/etc/ssh/ssh_host_rsa_key"));
        assertEquals(0644, target.mode("/etc/ssh/ssh_host_rsa_key.pub"));
        assertTrue(target.text("/etc/ssh/ssh_host_rsa_key.pub").endsWith(" root@web1\n"));
        assertTrue(target.exists("/etc/ssh/ssh_host_ed25519_key") && target.exists("/etc/ssh/ssh_host_ecdsa_key"));
        assertFalse(target.exists(POOL), "the private directory is gone");
    }

    @Test
    void theAheadDirectoryIsPrivate() throws Exception {
        runner.on("ssh-keygen", c -> {
            assertEquals(0700, target.mode(POOL));
            return RecordingRunner.result(0, "", "");
        });
        new SshModule().prepare(ctx(""));
        HostKeyPool.take(ctx("")); // waits for the generation, then removes the directory
        assertEquals(List.of(AHEAD), runner.commandLines());
        assertFalse(target.exists(POOL));
    }

    @Test
    void keysFromUserDataWinAndTheKeyMadeAheadIsDiscarded() throws Exception {
        SshModule m = new SshModule();
        m.prepare(ctx(""));
        m.run(ctx("ssh_keys:\n  rsa_private: GIVEN\n  rsa_public: " + Fixtures.RSA + "\n"));
        assertEquals("GIVEN\n", target.text("/etc/ssh/ssh_host_rsa_key").replaceAll("\n*$", "\n"));
        assertFalse(target.exists(POOL));
    }

    @Test
    void userDataWithoutRsaDiscardsIt() throws Exception {
        SshModule m = new SshModule();
        m.prepare(ctx(""));
        m.run(ctx("ssh_genkeytypes: [ed25519]\n"));
        assertFalse(target.exists("/etc/ssh/ssh_host_rsa_key"), "deleted as an image key, not replaced");
        assertTrue(target.exists("/etc/ssh/ssh_host_ed25519_key"));
        assertFalse(target.exists(POOL));
    }

    @Test
    void nothingIsPreparedInPlanModeWithoutSshKeygenOrWhenRsaIsNotAskedFor() throws Exception {
        new SshModule().prepare(TestModuleContext.builder("ssh").config("").target(target)
                .runner(new RecordingRunner(target).present("ssh-keygen").planMode(true))
                .profile(Fixtures.profile("ssh")).initSystem(new SystemdInit()).build());
        RecordingRunner none = new RecordingRunner(target);
        new SshModule().prepare(TestModuleContext.builder("ssh").config("").target(target).runner(none)
                .profile(Fixtures.profile("ssh")).initSystem(new SystemdInit()).build());
        new SshModule().prepare(ctx("ssh_genkeytypes: [ecdsa]\n"));
        new SshModule().prepare(ctx("ssh_deletekeys: false\n")); // the image's RSA key is kept
        assertFalse(target.exists(POOL));
        assertEquals(List.of(), runner.commandLines());
        assertEquals(List.of(), none.commandLines());
    }

    @Test
    void anIncompleteDirectoryFromAnEarlierProcessIsIgnored() throws Exception {
        target.file(POOL + "/ssh_host_rsa_key", "HALF", 0600); // no "ready" marker
        new SshModule().run(ctx(""));
        assertEquals("PRIVATE rsa /etc/ssh/ssh_host_rsa_key", target.text("/etc/ssh/ssh_host_rsa_key"));
        assertFalse(target.exists(POOL));
    }
}

package io.nubis.cc.users.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.nubis.adapter.shadow.internal.ShadowUsers;
import io.nubis.adapter.sudo.internal.SudoRules;
import io.nubis.api.module.ModuleException;
import io.nubis.testkit.RecordingRunner;
import io.nubis.testkit.TempTarget;
import io.nubis.testkit.TestModuleContext;

/** users_groups on Debian: shadow-utils and sudo. */
class DebianUsersTest {
    static final String DEFAULT_USER = "system_info:\n  default_user:\n    name: debian\n    lock_passwd: true\n"
            + "    gecos: Debian\n    groups: [adm, sudo]\n    sudo: [\"ALL=(ALL) NOPASSWD:ALL\"]\n    shell: /bin/bash\n";
    static final String HASH = "$6$j212wezy$7H/1LT4f9/N3wpgNunhsIqtMj62OKiS3nyNwuizouQc3u7MbYCarYeAHWYPYb2FT";
    static final String KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIBarKey bar@host";

    @TempDir
    Path dir;

    TempTarget debianRoot() {
        return TempTarget.in(dir).user("root", 0).user("sys", 3).group("users", 100).group("adm", 4)
                .group("sudo", 27).file("/etc/shadow", "root:*:19000:0:99999:7:::\nsys:*:19000:0:99999:7:::\n", 0640)
                .file("/etc/sudoers", "root ALL=(ALL:ALL) ALL\n@includedir /etc/sudoers.d\n", 0440)
                .dir("/etc/sudoers.d");
    }

    TestModuleContext ctx(String yaml, TempTarget t, RecordingRunner r) {
        return TestModuleContext.builder("users_groups").config(yaml).target(t).runner(r)
                .users(new ShadowUsers()).privilege(new SudoRules()).build();
    }

    @Test
    void createsGroupsUsersRulesAndKeysWithTheReferenceCommands() throws Exception {
        TempTarget t = debianRoot();
        RecordingRunner r = new RecordingRunner(t);
        String yaml = DEFAULT_USER + "groups:\n  - admingroup: [root, sys]\n  - cloud-users\n"
                + "users:\n  - default\n"
                + "  - name: foobar\n    gecos: Foo B. Bar\n    primary_group: foobar\n    groups: users\n"
                + "    expiredate: '2032-09-01'\n    lock_passwd: false\n    passwd: " + HASH + "\n"
                + "  - name: barfoo\n    gecos: Bar B. Foo\n    sudo: ALL=(ALL) NOPASSWD:ALL\n    groups: [users, admin]\n"
                + "    ssh_authorized_keys:\n      - " + KEY + "\n";
        new UsersGroupsModule().run(ctx(yaml, t, r));

        assertEquals(List.of(
                "groupadd admingroup",
                "usermod -a -G admingroup root",
                "usermod -a -G admingroup sys",
                "groupadd cloud-users",
                "groupadd foobar",
                "useradd foobar --expiredate 2032-09-01 --comment Foo B. Bar --groups users --gid foobar -m",
                "chpasswd -e",
                "passwd -u foobar",
                "groupadd admin",
                "useradd barfoo --comment Bar B. Foo --groups users,admin -m",
                "passwd -l barfoo",
                "useradd debian --comment Debian --groups adm,sudo --shell /bin/bash -m",
                "passwd -l debian"), r.commandLines());
        assertEquals("foobar:" + HASH + "\n", new String(r.commands().get(6).stdin(), StandardCharsets.UTF_8));
        assertTrue(r.commands().get(6).sensitive());
        assertEquals("# Created by Nubis\n\n# User rules for barfoo\nbarfoo ALL=(ALL) NOPASSWD:ALL\n"
                + "\n# User rules for debian\ndebian ALL=(ALL) NOPASSWD:ALL\n", t.text("/etc/sudoers.d/90-cloud-init-users"));
        assertEquals(0440, t.mode("/etc/sudoers.d/90-cloud-init-users"));
        assertEquals(KEY + "\n", t.text("/home/barfoo/.ssh/authorized_keys"));
        assertEquals(0600, t.mode("/home/barfoo/.ssh/authorized_keys"));
        assertEquals(0700, t.mode("/home/barfoo/.ssh"));
        assertEquals(Optional.of("barfoo:barfoo"), t.owner("/home/barfoo/.ssh/authorized_keys"));
        assertEquals(Optional.of("barfoo:barfoo"), t.owner("/home/barfoo/.ssh"));
    }

    @Test
    void existingUserIsNotRecreatedButGetsRulesKeysAndLock() throws Exception {
        TempTarget t = debianRoot().user("alice", 1000)
                .file("/etc/shadow", "alice:$6$abc$def:19000:0:99999:7:::\n", 0640)
                .file("/home/alice/.ssh/authorized_keys", "# mine\nssh-rsa AAAAold old@host\n" + KEY.replace("bar@host", "stale") + "\n", 0600);
        RecordingRunner r = new RecordingRunner(t);
        String yaml = "users:\n  - name: alice\n    groups: [newgroup]\n    sudo: [ALL=(ALL) ALL]\n"
                + "    ssh_authorized_keys: [\"" + KEY + "\", \"ssh-ed25519 AAAAnew new@host\"]\n";
        new UsersGroupsModule().run(ctx(yaml, t, r));
        assertEquals(List.of("passwd -l alice"), r.commandLines());
        assertEquals("# mine\nssh-rsa AAAAold old@host\n" + KEY + "\nssh-ed25519 AAAAnew new@host\n",
                t.text("/home/alice/.ssh/authorized_keys"));
        assertEquals(Optional.of("alice:alice"), t.owner("/home/alice/.ssh/authorized_keys"));
        assertTrue(t.text("/etc/sudoers.d/90-cloud-init-users").contains("alice ALL=(ALL) ALL\n"));
    }

    @Test
    void authorizedKeysFileFromSshdConfig() throws Exception {
        TempTarget t = debianRoot().user("alice", 1000).file("/etc/shadow", "alice:!:19000::::::\n")
                .file("/etc/ssh/sshd_config", "# comment\nAuthorizedKeysFile /etc/ssh/keys/%u .ssh/authorized_keys\n"
                        + "Match User bob\n  AuthorizedKeysFile /nowhere\n");
        RecordingRunner r = new RecordingRunner(t);
        new UsersGroupsModule().run(ctx("users:\n  - name: alice\n    ssh_authorized_keys: [\"" + KEY + "\"]\n", t, r));
        assertEquals(KEY + "\n", t.text("/etc/ssh/keys/alice"));
        assertEquals(0755, t.mode("/etc/ssh/keys"));
        assertEquals(Optional.of("alice:alice"), t.owner("/etc/ssh/keys/alice"));
        assertFalse(t.exists("/home/alice/.ssh/authorized_keys"));
        assertEquals(List.of(), r.commandLines(), "already locked: no passwd -l");
    }

    @Test
    void refusesSymlinkedKeyFile() throws Exception {
        TempTarget t = debianRoot().user("alice", 1000).file("/etc/shadow", "alice:!:19000::::::\n")
                .dir("/home/alice/.ssh").link("/home/alice/.ssh/authorized_keys", "/etc/shadow");
        RecordingRunner r = new RecordingRunner(t);
        ModuleException e = assertThrows(ModuleException.class, () -> new UsersGroupsModule()
                .run(ctx("users:\n  - name: alice\n    ssh_authorized_keys: [\"" + KEY + "\"]\n", t, r)));
        assertTrue(e.getMessage().contains("users[0] (user alice)"), e.getMessage());
        assertEquals("alice:!:19000::::::\n", t.text("/etc/shadow"));
    }

    @Test
    void redirectUserGetsCloudKeysWithTheDisableCommand() throws Exception {
        TempTarget t = debianRoot();
        RecordingRunner r = new RecordingRunner(t);
        TestModuleContext c = TestModuleContext.builder("users_groups")
                .config(DEFAULT_USER + "users:\n  - default\n  - name: root\n    ssh_redirect_user: true\n    lock_passwd: false\n")
                .instanceData(Map.of("v1", Map.of("public_ssh_keys", List.of("ssh-rsa AAAAcloud cloud@key"))))
                .target(t).runner(r).users(new ShadowUsers()).privilege(new SudoRules()).build();
        new UsersGroupsModule().run(c);
        assertEquals("no-port-forwarding,no-agent-forwarding,no-X11-forwarding,command=\"echo 'Please login as the user"
                + " \\\"debian\\\" rather than the user \\\"root\\\".';echo;sleep 10;exit 142\" ssh-rsa AAAAcloud cloud@key\n",
                t.text("/home/root/.ssh/authorized_keys"));
    }

    @Test
    void plainTextPasswordAndUnlock() throws Exception {
        TempTarget t = debianRoot();
        RecordingRunner r = new RecordingRunner(t);
        new UsersGroupsModule().run(ctx("users:\n  - name: carol\n    plain_text_passwd: s3cret\n    lock_passwd: false\n"
                + "    uid: 1234\n    shell: /bin/zsh\n    inactive: '5'\n    no_user_group: true\n    system: true\n", t, r));
        assertEquals(List.of("useradd carol --inactive 5 --no-user-group --shell /bin/zsh --system --uid 1234 -M",
                "chpasswd", "passwd -u carol"), r.commandLines());
        assertEquals("carol:s3cret\n", new String(r.commands().get(1).stdin(), StandardCharsets.UTF_8));
        assertTrue(r.commands().get(1).sensitive());
    }

    @Test
    void groupsInTheirThreeForms() throws Exception {
        TempTarget t = debianRoot().user("alice", 1000).group("devs", 500, "alice");
        RecordingRunner r = new RecordingRunner(t);
        new UsersGroupsModule().run(ctx("groups:\n  devs: alice, sys\n  ops: [root]\n", t, r));
        assertEquals(List.of("usermod -a -G devs sys", "groupadd ops", "usermod -a -G ops root"), r.commandLines());
        r.clear();
        new UsersGroupsModule().run(ctx("groups: one, two\n", t, r));
        assertEquals(List.of("groupadd one", "groupadd two"), r.commandLines());
    }
}

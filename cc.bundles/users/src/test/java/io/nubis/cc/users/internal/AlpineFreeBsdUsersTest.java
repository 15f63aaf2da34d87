package io.nubis.cc.users.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.nubis.adapter.busybox.internal.BusyboxUsers;
import io.nubis.adapter.doas.internal.DoasRules;
import io.nubis.adapter.pw.internal.PwUsers;
import io.nubis.adapter.sudo.internal.SudoRules;
import io.nubis.testkit.RecordingRunner;
import io.nubis.testkit.TempTarget;
import io.nubis.testkit.TestModuleContext;

/** users_groups on Alpine (busybox + doas) and FreeBSD (pw + sudo). */
class AlpineFreeBsdUsersTest {
    static final String KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIAlice alice@host";

    @TempDir
    Path dir;

    @Test
    void alpineUsesBusyboxAndDoasAndSkipsSudoRules() throws Exception {
        TempTarget t = TempTarget.in(dir).user("root", 0).group("adm", 4).group("wheel", 10)
                .file("/etc/shadow", "root:*:19000:0:::::\n", 0640);
        RecordingRunner r = new RecordingRunner(t);
        String yaml = "system_info:\n  default_user:\n    name: alpine\n    lock_passwd: true\n    gecos: alpine Cloud User\n"
                + "    groups: [adm, wheel]\n    doas: [permit nopass alpine]\n    sudo: [\"ALL=(ALL) NOPASSWD:ALL\"]\n"
                + "    shell: /bin/ash\n"
                + "users:\n  - default\n  - name: bob\n    groups: wheel\n    sudo: ALL=(ALL) NOPASSWD:ALL\n"
                + "    doas: [permit persist bob as root]\n    expiredate: '2030-01-02'\n    ssh_authorized_keys: [\"" + KEY + "\"]\n";
        new UsersGroupsModule().run(TestModuleContext.builder("users_groups").config(yaml).target(t).runner(r)
                .users(new BusyboxUsers()).privilege(new DoasRules()).build());
        assertEquals(List.of(
                "adduser -D bob",
                "addgroup bob wheel",
                "sed -i -E s/^(bob:[^:]*:[^:]*:[^:]*:[^:]*:[^:]*:)([^:]*):([^:]*):/\\1\\2:21916:/ /etc/shadow",
                "passwd -l bob",
                "adduser -D -g alpine Cloud User -s /bin/ash alpine",
                "addgroup alpine adm",
                "addgroup alpine wheel",
                "passwd -l alpine"), r.commandLines());
        assertEquals("# Created by Nubis\n\n# User rules for bob\npermit persist bob as root\n"
                + "\n# User rules for alpine\npermit nopass alpine\n", t.text("/etc/doas.conf"));
        assertEquals(0440, t.mode("/etc/doas.conf"));
        assertFalse(t.exists("/etc/sudoers.d/90-cloud-init-users"));
        assertFalse(t.exists("/etc/sudoers"));
        assertEquals(KEY + "\n", t.text("/home/bob/.ssh/authorized_keys"));
    }

    /** busybox adduser -D already locks the password; busybox passwd -l then says so and exits 1. */
    @Test
    void anAlreadyLockedPasswordIsNotAnError() throws Exception {
        TempTarget t = TempTarget.in(dir).user("root", 0);
        RecordingRunner r = new RecordingRunner(t).onFailure("passwd", 1, "passwd: password for carol is already locked");
        new UsersGroupsModule().run(TestModuleContext.builder("users_groups")
                .config("users:\n  - name: carol\n").target(t).runner(r)
                .users(new BusyboxUsers()).privilege(new DoasRules()).build());
        assertEquals(List.of("adduser -D carol", "passwd -l carol"), r.commandLines());
    }

    @Test
    void anotherPasswdFailureStillFailsTheModule() throws Exception {
        TempTarget t = TempTarget.in(dir).user("root", 0);
        RecordingRunner r = new RecordingRunner(t).onFailure("passwd", 1, "passwd: unknown user carol");
        org.junit.jupiter.api.Assertions.assertThrows(io.nubis.api.module.ModuleException.class,
                () -> new UsersGroupsModule().run(TestModuleContext.builder("users_groups")
                        .config("users:\n  - name: carol\n").target(t).runner(r)
                        .users(new BusyboxUsers()).privilege(new DoasRules()).build()));
    }

    @Test
    void alpineDoasRuleForAnotherUserIsAnErrorAndOthersGoOn() throws Exception {
        TempTarget t = TempTarget.in(dir).user("root", 0);
        RecordingRunner r = new RecordingRunner(t);
        String yaml = "users:\n  - name: eve\n    doas: [permit nopass root]\n  - name: dan\n    doas: [permit dan]\n";
        var e = org.junit.jupiter.api.Assertions.assertThrows(io.nubis.api.module.ModuleException.class,
                () -> new UsersGroupsModule().run(TestModuleContext.builder("users_groups").config(yaml).target(t)
                        .runner(r).users(new BusyboxUsers()).privilege(new DoasRules()).build()));
        assertTrue(e.getMessage().contains("users[0].doas:"), e.getMessage());
        assertEquals("# Created by Nubis\n\n# User rules for dan\npermit dan\n", t.text("/etc/doas.conf"));
        assertEquals(List.of("adduser -D eve", "passwd -l eve", "adduser -D dan", "passwd -l dan"), r.commandLines());
    }

    @Test
    void freeBsdUsesPwAndLocalSudoers() throws Exception {
        TempTarget t = TempTarget.in(dir).executable("/bin/freebsd-version")
                .file("/etc/passwd", "root:*:0:0:Charlie &:/root:/bin/sh\nalice:*:1001:1001:Alice:/usr/home/alice:/bin/sh\n")
                .file("/etc/group", "wheel:*:0:root\nalice:*:1001:\n")
                .file("/etc/master.passwd", "root::0:0::0:0:Charlie &:/root:/bin/sh\n"
                        + "alice:*:1001:1001::0:0:Alice:/usr/home/alice:/bin/sh\n", 0600);
        RecordingRunner r = new RecordingRunner(t);
        String yaml = "system_info:\n  default_user:\n    name: freebsd\n    lock_passwd: true\n    gecos: FreeBSD\n"
                + "    groups: [wheel]\n    doas: [permit nopass freebsd]\n    sudo: [\"ALL=(ALL) NOPASSWD:ALL\"]\n"
                + "    shell: /bin/tcsh\n"
                + "users:\n  - default\n  - name: alice\n    ssh_authorized_keys: [\"" + KEY + "\"]\n";
        new UsersGroupsModule().run(TestModuleContext.builder("users_groups").config(yaml).target(t).runner(r)
                .users(new PwUsers()).privilege(new SudoRules()).build());
        assertEquals(List.of("pw useradd freebsd -c FreeBSD -s /bin/tcsh -G wheel -m", "pw usermod freebsd -w no"),
                r.commandLines(), "alice exists with a locked ('*') password: nothing to run");
        assertEquals("# Created by Nubis\n\n# User rules for freebsd\nfreebsd ALL=(ALL) NOPASSWD:ALL\n",
                t.text("/usr/local/etc/sudoers.d/90-cloud-init-users"));
        assertTrue(t.text("/usr/local/etc/sudoers").contains("#includedir /usr/local/etc/sudoers.d\n"));
        assertFalse(t.exists("/etc/doas.conf"));
        assertEquals(KEY + "\n", t.text("/usr/home/alice/.ssh/authorized_keys"));
        assertEquals(Optional.of("alice:alice"), t.owner("/usr/home/alice/.ssh/authorized_keys"));
    }
}

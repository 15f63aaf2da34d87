package io.nubis.cc.users.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.nubis.adapter.shadow.internal.ShadowUsers;
import io.nubis.adapter.sudo.internal.SudoRules;
import io.nubis.api.module.ModuleException;
import io.nubis.testkit.RecordingRunner;
import io.nubis.testkit.TempTarget;
import io.nubis.testkit.TestModuleContext;

/** Bad users/groups input: a clear error naming the key, and the other entries still processed. */
class BadInputTest {
    @TempDir
    Path dir;

    private ModuleException fail(String yaml, RecordingRunner r, TempTarget t) {
        return assertThrows(ModuleException.class, () -> new UsersGroupsModule().run(TestModuleContext
                .builder("users_groups").config(yaml).target(t).runner(r).users(new ShadowUsers())
                .privilege(new SudoRules()).build()));
    }

    @Test
    void badEntriesAreReportedAndTheGoodOnesCreated() {
        TempTarget t = TempTarget.in(dir).user("root", 0);
        RecordingRunner r = new RecordingRunner(t);
        String yaml = "groups:\n  x: 5\n  ok: root\n"
                + "users:\n"
                + "  - name: ../evil\n"
                + "  - name: -rf\n"
                + "  - name: good\n"
                + "  - name: hosthome\n    homedir: /home/../etc\n"
                + "  - name: nopg\n    primary_group: missing\n    create_groups: false\n"
                + "  - name: sudonl\n    sudo: \"ALL=(ALL) ALL\\nevil ALL=(ALL) NOPASSWD:ALL\"\n"
                + "  - name: badgroups\n    groups: [wheel, 7]\n"
                + "  - name: reluid\n    uid: abc\n"
                + "  - name: conflict\n    no_create_home: true\n    ssh_authorized_keys: [ssh-rsa AAAA x]\n"
                + "  - 42\n";
        ModuleException e = fail(yaml, r, t);
        String m = e.getMessage();
        for (String key : List.of("groups.x:", "users[0].name: invalid user name '../evil'", "users[1].name: invalid user name '-rf'",
                "users[3].homedir:", "users[4].primary_group: group 'missing' does not exist", "users[5].sudo: sudo rule must be one non-empty line",
                "users[6].groups[1]:", "users[7].uid:", "users[8]: not creating user conflict", "users[9]: expected a user name")) {
            assertTrue(m.contains(key), "missing '" + key + "' in: " + m);
        }
        assertEquals(List.of("groupadd ok", "usermod -a -G ok root", "useradd good -m", "passwd -l good"), r.commandLines());
        assertFalse(t.exists("/etc/sudoers.d/90-cloud-init-users"));
    }

    @Test
    void usersOfTheWrongTypeNameTheKey() {
        TempTarget t = TempTarget.in(dir);
        RecordingRunner r = new RecordingRunner(t);
        ModuleException e = fail("users: 5\ngroups: [admins]\n", r, t);
        assertEquals("users_groups: 1 problem(s): users: expected a list of user names or mappings, got a number", e.getMessage());
        assertEquals(List.of("groupadd admins"), r.commandLines());
    }

    @Test
    void groupsOfTheWrongTypeNameTheKey() {
        TempTarget t = TempTarget.in(dir);
        RecordingRunner r = new RecordingRunner(t);
        ModuleException e = fail("groups: 7\n", r, t);
        assertTrue(e.getMessage().contains("groups: expected a list, a mapping or a comma-separated string, got a number"));
    }

    @Test
    void adapterRefusalsNameTheUser() {
        TempTarget t = TempTarget.in(dir);
        RecordingRunner r = new RecordingRunner(t);
        ModuleException e = fail("users:\n  - name: eve\n    gecos: \"a:b\"\n  - name: ok\n", r, t);
        assertTrue(e.getMessage().contains("users[0].gecos: gecos must not contain ':'"), e.getMessage());
        assertEquals(List.of("useradd ok -m", "passwd -l ok"), r.commandLines());
    }

    @Test
    void failingCommandIsReportedAndTheNextUserStillCreated() {
        TempTarget t = TempTarget.in(dir);
        RecordingRunner r = new RecordingRunner(t).on(java.util.regex.Pattern.compile("^useradd one"),
                RecordingRunner.result(9, "", "useradd: user 'one' already exists"));
        ModuleException e = fail("users: [one, two]\n", r, t);
        assertTrue(e.getMessage().contains("users[0] (user one)"), e.getMessage());
        assertEquals(List.of("useradd one -m", "useradd two -m", "passwd -l two"), r.commandLines());
    }
}

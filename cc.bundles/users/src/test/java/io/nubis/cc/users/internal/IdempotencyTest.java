package io.nubis.cc.users.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.nubis.adapter.shadow.internal.ShadowUsers;
import io.nubis.adapter.sudo.internal.SudoRules;
import io.nubis.testkit.TempTarget;
import io.nubis.testkit.TestModuleContext;

/** users_groups converges: a second run in update mode changes no file and runs no command. */
class IdempotencyTest {
    @TempDir
    Path dir;

    @Test
    void secondRunInUpdateModeChangesNothing() throws Exception {
        TempTarget t = TempTarget.in(dir).user("root", 0).group("adm", 4).group("sudo", 27).group("users", 100)
                .file("/etc/shadow", "root:*:19000:0:99999:7:::\n", 0640)
                .file("/etc/sudoers", "@includedir /etc/sudoers.d\n", 0440);
        ShadowSystem sys = new ShadowSystem(t);
        String yaml = DebianUsersTest.DEFAULT_USER
                + "groups:\n  - admins: [root]\n  - devs\n"
                + "users:\n  - default\n"
                + "  - name: alice\n    groups: [users, devs]\n    sudo: [\"ALL=(ALL) ALL\"]\n"
                + "    ssh_authorized_keys: [\"" + DebianUsersTest.KEY + "\"]\n"
                + "  - name: bob\n    plain_text_passwd: hunter2\n    lock_passwd: false\n"
                + "  - name: carol\n    hashed_passwd: " + DebianUsersTest.HASH + "\n    lock_passwd: false\n"
                + "  - name: dave\n    passwd: " + DebianUsersTest.HASH + "\n";
        TestModuleContext ctx = TestModuleContext.builder("users_groups").config(yaml).target(t).runner(sys)
                .users(new ShadowUsers()).privilege(new SudoRules()).updateMode(true).build();

        new UsersGroupsModule().run(ctx);
        assertTrue(sys.commandLines().size() > 10, sys.commandLines().toString());
        assertTrue(sys.commandLines().contains("passwd -u bob"));
        Map<String, String> first = snapshot();
        sys.clear();

        new UsersGroupsModule().run(ctx);
        assertEquals(List.of(), sys.commandLines());
        assertEquals(first, snapshot());
    }

    private Map<String, String> snapshot() throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.toList()) {
                String mode = Integer.toOctalString(Files.getPosixFilePermissions(p).stream()
                        .mapToInt(x -> 1 << (8 - x.ordinal())).sum());
                out.put(dir.relativize(p).toString(), mode + (Files.isRegularFile(p) ? " " + Files.readString(p) : " dir"));
            }
        }
        return out;
    }
}

package io.nubis.adapter.busybox.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.nubis.api.distro.UserSpec;
import io.nubis.api.exec.Command;

class BusyboxUsersTest {
    private final BusyboxUsers users = new BusyboxUsers();

    @Test
    void plainUser() {
        assertEquals(List.of(Command.of("adduser", "-D", "alice")), users.addUser(UserSpec.named("alice")));
    }

    @Test
    void everyOptionThenSupplementaryGroups() {
        UserSpec u = new UserSpec("alpine", "Alpine user", "/home/alpine", "users", List.of("adm", "wheel"), "/bin/ash",
                1000, false, false, false, null, null, null);
        assertEquals(List.of(
                Command.of("adduser", "-D", "-g", "Alpine user", "-h", "/home/alpine", "-G", "users", "-s", "/bin/ash",
                        "-u", "1000", "alpine"),
                Command.of("addgroup", "alpine", "adm"),
                Command.of("addgroup", "alpine", "wheel")), users.addUser(u));
    }

    @Test
    void systemUserHasNoHome() {
        UserSpec u = new UserSpec("svc", null, null, null, List.of(), null, null, true, false, false, null, null, null);
        assertEquals(List.of(Command.of("adduser", "-D", "-S", "-H", "svc")), users.addUser(u));
        UserSpec nh = new UserSpec("nh", null, null, null, List.of(), null, null, false, true, false, null, null, null);
        assertEquals(List.of(Command.of("adduser", "-D", "-H", "nh")), users.addUser(nh));
    }

    @Test
    void agingGoesIntoShadowAndTheHashThroughChpasswd() {
        UserSpec u = new UserSpec("bob", null, null, null, List.of(), null, null, false, false, false, "2030-12-31",
                "7", "$6$s$h");
        List<Command> cmds = users.addUser(u);
        assertEquals(Command.of("sed", "-i", "-E",
                "s/^(bob:[^:]*:[^:]*:[^:]*:[^:]*:[^:]*:)([^:]*):([^:]*):/\\17:22279:/", "/etc/shadow"), cmds.get(1));
        assertEquals(List.of("chpasswd", "-e"), cmds.get(2).argv());
        assertEquals("bob:$6$s$h\n", new String(cmds.get(2).stdin(), StandardCharsets.UTF_8));
        assertTrue(cmds.get(2).sensitive());
    }

    @Test
    void agingScriptsEditOnlyTheRightFields() {
        String line = "bob:!:19000:0:99999:7:::";
        assertEquals("bob:!:19000:0:99999:7:7:22279:", SedEmulation.apply(users.addUser(new UserSpec("bob", null, null,
                null, List.of(), null, null, false, false, false, "2030-12-31", "7", null)).get(1), line));
        assertEquals("bob:!:19000:0:99999:7:3:1:", SedEmulation.apply(users.addUser(new UserSpec("bob", null, null,
                null, List.of(), null, null, false, false, false, null, "3", null)).get(1), "bob:!:19000:0:99999:7::1:"));
        assertEquals("bob.x:!:19000:0:99999:7::22279:", SedEmulation.apply(users.addUser(new UserSpec("bob.x", null, null,
                null, List.of(), null, null, false, false, false, "2030-12-31", null, null)).get(1), "bob.x:!:19000:0:99999:7:::"));
        assertEquals("bobYx:!:19000:0:99999:7:::", SedEmulation.apply(users.addUser(new UserSpec("bob.x", null, null,
                null, List.of(), null, null, false, false, false, "2030-12-31", null, null)).get(1), "bobYx:!:19000:0:99999:7:::"),
                "a dot in the name must not match any character");
    }

    @Test
    void expireZeroesTheLastChangeDay() {
        Command c = users.expirePassword("alice");
        assertEquals(Command.of("sed", "-i", "-E", "s/^(alice:[^:]*):[^:]*:/\\1:0:/", "/etc/shadow"), c);
        assertEquals("alice:$6$x:0:0:99999:7:::", SedEmulation.apply(c, "alice:$6$x:19876:0:99999:7:::"));
        assertEquals("alicex:$6$x:19876:0:99999:7:::", SedEmulation.apply(c, "alicex:$6$x:19876:0:99999:7:::"));
    }

    @Test
    void groupAndPasswordCommands() {
        assertEquals(Command.of("addgroup", "devs"), users.addGroup("devs", false));
        assertEquals(Command.of("addgroup", "-S", "svc"), users.addGroup("svc", true));
        assertEquals(Command.of("addgroup", "alice", "wheel"), users.addToGroup("alice", "wheel"));
        assertEquals(Command.of("passwd", "-l", "alice"), users.lockPassword("alice"));
        assertEquals(Command.of("passwd", "-u", "alice"), users.unlockPassword("alice"));
        Command c = users.setPasswords(Map.of("alice", "pw"), false);
        assertEquals(List.of("chpasswd"), c.argv());
        assertEquals("alice:pw\n", new String(c.stdin(), StandardCharsets.UTF_8));
        assertTrue(c.sensitive());
    }

    @Test
    void badInputIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> users.addUser(UserSpec.named("a/b")));
        assertThrows(IllegalArgumentException.class, () -> users.addUser(new UserSpec("x", null, null, null, List.of(),
                null, null, false, false, false, null, "7;d", null)));
        assertThrows(IllegalArgumentException.class, () -> users.addToGroup("alice", "-S"));
    }
}

package io.nubis.adapter.pw.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.nubis.api.distro.UserSpec;
import io.nubis.api.exec.Command;

class PwUsersTest {
    private final PwUsers users = new PwUsers();

    @Test
    void plainUserGetsAHome() {
        assertEquals(List.of(Command.of("pw", "useradd", "alice", "-m")), users.addUser(UserSpec.named("alice")));
    }

    @Test
    void everyOption() {
        UserSpec u = new UserSpec("freebsd", "FreeBSD", "/home/freebsd", "staff", List.of("wheel", "operator"),
                "/bin/tcsh", 1001, false, false, false, "2030-01-05", null, null);
        assertEquals(List.of(Command.of("pw", "useradd", "freebsd", "-c", "FreeBSD", "-d", "/home/freebsd", "-s",
                "/bin/tcsh", "-g", "staff", "-G", "wheel,operator", "-u", "1001", "-e", "05-Jan-2030", "-m")),
                users.addUser(u));
    }

    @Test
    void systemOrNoHomeUsesNonexistent() {
        UserSpec sys = new UserSpec("svc", null, null, null, List.of(), null, null, true, false, false, null, null, null);
        assertEquals(List.of(Command.of("pw", "useradd", "svc", "-d", "/nonexistent")), users.addUser(sys));
        UserSpec nh = new UserSpec("nh", null, "/var/nh", null, List.of(), null, null, false, true, false, null, null, null);
        assertEquals(List.of(Command.of("pw", "useradd", "nh", "-d", "/var/nh")), users.addUser(nh));
    }

    @Test
    void hashIsSetOnStdin() {
        UserSpec u = new UserSpec("bob", null, null, null, List.of(), null, null, false, false, false, null, null, "$6$s$h");
        Command c = users.addUser(u).get(1);
        assertEquals(List.of("pw", "usermod", "bob", "-H", "0"), c.argv());
        assertEquals("$6$s$h\n", new String(c.stdin(), StandardCharsets.UTF_8));
        assertTrue(c.sensitive());
    }

    @Test
    void inactiveIsRefused() {
        UserSpec u = new UserSpec("bob", null, null, null, List.of(), null, null, false, false, false, null, "30", null);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> users.addUser(u)).getMessage().contains("inactive"));
    }

    @Test
    void groupCommands() {
        assertEquals(Command.of("pw", "groupadd", "devs"), users.addGroup("devs", false));
        assertEquals(Command.of("pw", "groupadd", "svc"), users.addGroup("svc", true));
        assertEquals(Command.of("pw", "groupmod", "wheel", "-m", "alice"), users.addToGroup("alice", "wheel"));
    }

    @Test
    void lockUnlockExpire() {
        assertEquals(Command.of("pw", "usermod", "alice", "-w", "no"), users.lockPassword("alice"));
        Command unlock = users.unlockPassword("alice");
        assertEquals(List.of("pw", "unlock", "alice"), unlock.argv());
        assertEquals(Set.of(0, 65), unlock.okCodes());
        assertEquals(Command.of("pw", "usermod", "alice", "-p", "1"), users.expirePassword("alice"));
    }

    @Test
    void onePasswordIsOnePwCall() {
        Command plain = users.setPasswords(Map.of("alice", "s3cret"), false);
        assertEquals(List.of("pw", "usermod", "alice", "-h", "0"), plain.argv());
        assertEquals("s3cret\n", new String(plain.stdin(), StandardCharsets.UTF_8));
        assertTrue(plain.sensitive());
        assertEquals(List.of("pw", "usermod", "alice", "-H", "0"), users.setPasswords(Map.of("alice", "$6$x"), true).argv());
    }

    @Test
    void severalPasswordsLoopInShell() {
        Map<String, String> pw = new LinkedHashMap<>();
        pw.put("alice", "a:b");
        pw.put("bob", "c");
        Command c = users.setPasswords(pw, true);
        assertEquals(List.of("/bin/sh", "-c", "while IFS= read -r line; do u=${line%%:*}; p=${line#*:}; "
                + "printf '%s\\n' \"$p\" | pw usermod \"$u\" -H 0 || exit 1; done"), c.argv());
        assertEquals("alice:a:b\nbob:c\n", new String(c.stdin(), StandardCharsets.UTF_8));
        assertTrue(c.sensitive());
    }

    @Test
    void badInputIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> users.setPasswords(Map.of("-x", "p"), false));
        assertThrows(IllegalArgumentException.class, () -> users.setPasswords(Map.of("x", "p\nq"), false));
        assertThrows(IllegalArgumentException.class, () -> users.addToGroup("alice", "wheel,operator"));
    }
}

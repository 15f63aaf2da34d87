package io.nubis.adapter.shadow.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

class ShadowUsersTest {
    private final ShadowUsers users = new ShadowUsers();

    @Test
    void plainUserGetsAHome() {
        assertEquals(List.of(Command.of("useradd", "alice", "-m")), users.addUser(UserSpec.named("alice")));
    }

    @Test
    void everyAttributeInTheReferencesOrder() {
        UserSpec u = new UserSpec("bob", "Bob B", "/srv/bob", "staff", List.of("adm", "sudo"), "/bin/bash", 1500,
                false, false, true, "2030-12-31", "30", null);
        assertEquals(List.of(Command.of("useradd", "bob", "--expiredate", "2030-12-31", "--comment", "Bob B",
                "--groups", "adm,sudo", "--home", "/srv/bob", "--inactive", "30", "--no-user-group", "--gid", "staff",
                "--shell", "/bin/bash", "--uid", "1500", "-m")), users.addUser(u));
    }

    @Test
    void systemAndNoCreateHomeUseCapitalM() {
        UserSpec sys = new UserSpec("svc", null, null, null, List.of(), null, null, true, false, false, null, null, null);
        assertEquals(List.of(Command.of("useradd", "svc", "--system", "-M")), users.addUser(sys));
        UserSpec nohome = new UserSpec("nh", null, null, null, List.of(), null, null, false, true, false, null, null, null);
        assertEquals(List.of(Command.of("useradd", "nh", "-M")), users.addUser(nohome));
    }

    @Test
    void passwordHashIsSetThroughChpasswdStdin() {
        UserSpec u = new UserSpec("carol", null, null, null, List.of(), null, null, false, false, false, null, null,
                "$6$salt$hash");
        List<Command> cmds = users.addUser(u);
        assertEquals(Command.of("useradd", "carol", "-m"), cmds.get(0));
        Command chpasswd = cmds.get(1);
        assertEquals(List.of("chpasswd", "-e"), chpasswd.argv());
        assertEquals("carol:$6$salt$hash\n", new String(chpasswd.stdin(), StandardCharsets.UTF_8));
        assertTrue(chpasswd.sensitive());
        assertFalse(cmds.toString().contains("$6$"), "hash must not reach display");
    }

    @Test
    void groupCommands() {
        assertEquals(Command.of("groupadd", "devs"), users.addGroup("devs", false));
        assertEquals(Command.of("groupadd", "--system", "svcgrp"), users.addGroup("svcgrp", true));
        assertEquals(Command.of("usermod", "-a", "-G", "docker", "alice"), users.addToGroup("alice", "docker"));
    }

    @Test
    void passwordStateCommands() {
        assertEquals(Command.of("passwd", "-l", "alice"), users.lockPassword("alice"));
        Command unlock = users.unlockPassword("alice");
        assertEquals(List.of("passwd", "-u", "alice"), unlock.argv());
        assertEquals(Set.of(0, 3), unlock.okCodes());
        assertEquals(Command.of("passwd", "--expire", "alice"), users.expirePassword("alice"));
    }

    @Test
    void setPasswordsFeedsChpasswdAndIsSensitive() {
        Map<String, String> pw = new LinkedHashMap<>();
        pw.put("alice", "s3cret:with colon");
        pw.put("bob", "other");
        Command plain = users.setPasswords(pw, false);
        assertEquals(List.of("chpasswd"), plain.argv());
        assertEquals("alice:s3cret:with colon\nbob:other\n", new String(plain.stdin(), StandardCharsets.UTF_8));
        assertTrue(plain.sensitive());
        assertEquals(List.of("chpasswd", "-e"), users.setPasswords(Map.of("bob", "$6$x$y"), true).argv());
    }

    @Test
    void badInputIsRejectedWithoutEchoingPasswords() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> users.setPasswords(Map.of("alice", "line1\nroot:pwned"), false));
        assertFalse(e.getMessage().contains("pwned"));
        assertThrows(IllegalArgumentException.class, () -> users.setPasswords(Map.of(), false));
        assertThrows(IllegalArgumentException.class, () -> users.addUser(UserSpec.named("-o")));
        assertThrows(IllegalArgumentException.class, () -> users.addUser(new UserSpec("x", "a:b", null, null, List.of(),
                null, null, false, false, false, null, null, null)));
        assertThrows(IllegalArgumentException.class, () -> users.addUser(new UserSpec("x", null, "rel/home", null,
                List.of(), null, null, false, false, false, null, null, null)));
        assertThrows(IllegalArgumentException.class, () -> users.addUser(new UserSpec("x", null, null, null,
                List.of(), null, null, false, false, false, "31/12/2030", null, null)));
        assertThrows(IllegalArgumentException.class, () -> users.addUser(new UserSpec("x", null, null, null,
                List.of(), null, -1, false, false, false, null, null, null)));
        assertThrows(IllegalArgumentException.class, () -> users.addToGroup("alice", "a,b"));
    }
}

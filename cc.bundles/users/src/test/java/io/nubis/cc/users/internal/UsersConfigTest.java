package io.nubis.cc.users.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import io.nubis.testkit.TempTarget;
import io.nubis.testkit.TestModuleContext;

/** Normalisation of users, user, groups and the default user, as the reference's ug_util. */
class UsersConfigTest {
    @TempDir
    Path dir;

    private UsersConfig of(String yaml) {
        return UsersConfig.of(TestModuleContext.builder("t").config(yaml).target(TempTarget.in(dir)).build().config(),
                LoggerFactory.getLogger("test"));
    }

    @Test
    void defaultUserIsMergedAndComesLast() {
        UsersConfig uc = of(DebianUsersTest.DEFAULT_USER + "users:\n  - default\n  - alice\n"
                + "  - {name: debian, groups: [docker, adm], shell: /bin/zsh, lock-passwd: false}\n");
        assertEquals(List.of("alice", "debian"), List.copyOf(uc.users().keySet()));
        UserEntry d = uc.users().get("debian");
        assertEquals("debian", uc.defaultUser());
        assertEquals("adm,docker,sudo", d.options().get("groups"));
        assertEquals("/bin/bash", d.options().get("shell"), "the distro's default user settings win, as in the reference");
        assertEquals(true, d.options().get("lock_passwd"));
        assertEquals(List.of("ALL=(ALL) NOPASSWD:ALL"), d.options().get("sudo"));
        assertEquals(true, d.isDefault());
    }

    @Test
    void stringAndMappingForms() {
        assertEquals(List.of("alice", "bob"), List.copyOf(of("users: 'bob, alice'\n").users().keySet()));
        UsersConfig m = of("users:\n  carol: {gecos: C}\n  dan: true\n  eve: false\n");
        assertEquals(List.of("carol", "dan"), List.copyOf(m.users().keySet()));
        assertEquals(Map.of("gecos", "C"), m.users().get("carol").options());
        assertEquals(List.of("x", "y"), List.copyOf(of("users: [[x, y], 'x']\n").users().keySet()));
    }

    @Test
    void oldUserKeyBecomesTheDefaultUser() {
        UsersConfig uc = of(DebianUsersTest.DEFAULT_USER + "user: admin\nusers: [bob]\n");
        assertEquals("admin", uc.defaultUser());
        assertEquals(List.of("bob", "admin"), List.copyOf(uc.users().keySet()));
        assertEquals("Debian", uc.users().get("admin").options().get("gecos"));
    }

    @Test
    void defaultWithoutDistroUserIsDropped() {
        UsersConfig uc = of("users: [default, bob]\n");
        assertNull(uc.defaultUser());
        assertEquals(List.of("bob"), List.copyOf(uc.users().keySet()));
    }

    @Test
    void duplicateUsersMergeWithTheFirstWinning() {
        UsersConfig uc = of("users:\n  - {name: a, shell: /bin/sh}\n  - {name: a, shell: /bin/zsh, gecos: A}\n");
        assertEquals(Map.of("shell", "/bin/sh", "gecos", "A"), uc.users().get("a").options());
    }

    @Test
    void groupForms() {
        UsersConfig uc = of("groups:\n  - admins: [sys, root, root]\n  - plain\n  - admins: bob\n");
        assertEquals(List.of(new GroupEntry("admins", List.of("bob", "root", "sys"), "groups[0].admins"),
                new GroupEntry("plain", List.of(), "groups[1]")), uc.groups());
        assertEquals(List.of(new GroupEntry("a", List.of(), "groups.a"), new GroupEntry("b", List.of("x", "y"), "groups.b")),
                of("groups:\n  a:\n  b: y, x\n").groups());
    }

    @Test
    void authorizedKeyLinesKeepOrReplaceOptions() {
        AuthorizedKeys.Line l = AuthorizedKeys.parse("from=\"10.0.0.1\",no-pty ssh-rsa AAAA c d", null);
        assertEquals("from=\"10.0.0.1\",no-pty", l.options());
        assertEquals("ssh-rsa AAAA c d", l.type() + " " + l.blob() + " " + l.comment());
        assertEquals("no-pty ssh-rsa AAAA c d", AuthorizedKeys.parse("from=\"x y\" ssh-rsa AAAA c d", "no-pty").render());
        assertEquals(false, AuthorizedKeys.parse("not a key", null).isKey());
        assertEquals("# c\nssh-rsa B new\n", AuthorizedKeys.merge("# c\nssh-rsa B old\n",
                List.of(AuthorizedKeys.parse("ssh-rsa B new", null), AuthorizedKeys.parse("bogus", null))));
    }
}

package io.nubis.cc.users.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.nubis.adapter.busybox.internal.BusyboxUsers;
import io.nubis.adapter.pw.internal.PwUsers;
import io.nubis.adapter.shadow.internal.ShadowUsers;
import io.nubis.api.distro.UserManager;
import io.nubis.api.module.ModuleException;
import io.nubis.testkit.RecordingRunner;
import io.nubis.testkit.TempTarget;
import io.nubis.testkit.TestModuleContext;

/** set_passwords with the real user-tool adapters. */
class SetPasswordsTest {
    static final String HASH = DebianUsersTest.HASH;
    static final String YESCRYPT = "$y$j9T$abcdefgh$0123456789abcdefghijABCDEFGHIJ";

    @TempDir
    Path dir;

    private TestModuleContext ctx(String yaml, RecordingRunner r, UserManager um, String... args) {
        return TestModuleContext.builder("set_passwords").config(yaml).target(TempTarget.in(dir)).runner(r)
                .users(um).args(args).build();
    }

    private static String stdin(RecordingRunner r, int i) {
        return new String(r.commands().get(i).stdin(), StandardCharsets.UTF_8);
    }

    @Test
    void usersTextHashAndRandomOnDebian() throws Exception {
        RecordingRunner r = new RecordingRunner();
        TestModuleContext c = ctx("chpasswd:\n  users:\n    - {name: alice, password: pw1, type: text}\n"
                + "    - {name: bob, password: '" + HASH + "'}\n    - {name: carol, type: RANDOM}\n", r, new ShadowUsers());
        new SetPasswordsModule().run(c);
        assertEquals(List.of("chpasswd", "chpasswd -e", "passwd --expire alice", "passwd --expire carol",
                "passwd --expire bob"), r.commandLines());
        String text = stdin(r, 0);
        assertTrue(text.startsWith("alice:pw1\ncarol:"), text);
        String random = text.substring("alice:pw1\ncarol:".length(), text.length() - 1);
        assertEquals(20, random.length());
        assertTrue(random.chars().allMatch(ch -> Passwords.ALPHABET.indexOf(ch) >= 0), random);
        assertEquals("bob:" + HASH + "\n", stdin(r, 1));
        assertTrue(r.commands().get(0).sensitive() && r.commands().get(1).sensitive());
        assertEquals(List.of("Set the following 'random' passwords", "", "carol:" + random), c.consoleLines());
    }

    @Test
    void deprecatedListStringWithHashesAndNoExpiry() throws Exception {
        RecordingRunner r = new RecordingRunner();
        TestModuleContext c = ctx("chpasswd:\n  expire: false\n  list: |\n    alice:plain:with:colons\n    bob:R\n"
                + "    carol:" + YESCRYPT + "\n    dave:" + HASH + "\n", r, new ShadowUsers());
        new SetPasswordsModule().run(c);
        assertEquals(List.of("chpasswd", "chpasswd -e"), r.commandLines());
        assertTrue(stdin(r, 0).startsWith("alice:plain:with:colons\nbob:"));
        assertEquals("carol:" + YESCRYPT + "\ndave:" + HASH + "\n", stdin(r, 1));
        assertEquals(3, c.consoleLines().size());
    }

    @Test
    void deprecatedListOfStrings() throws Exception {
        RecordingRunner r = new RecordingRunner();
        new SetPasswordsModule().run(ctx("chpasswd:\n  list: ['alice:pw']\n", r, new ShadowUsers()));
        assertEquals(List.of("chpasswd", "passwd --expire alice"), r.commandLines());
        assertEquals("alice:pw\n", stdin(r, 0));
    }

    @Test
    void passwordKeyIsForTheDefaultUser() throws Exception {
        RecordingRunner r = new RecordingRunner();
        String yaml = DebianUsersTest.DEFAULT_USER + "users: [default]\npassword: s3cret\nchpasswd: {expire: false}\n";
        new SetPasswordsModule().run(ctx(yaml, r, new ShadowUsers()));
        assertEquals(List.of("chpasswd"), r.commandLines());
        assertEquals("debian:s3cret\n", stdin(r, 0));
    }

    @Test
    void singleArgumentReplacesTheList() throws Exception {
        RecordingRunner r = new RecordingRunner();
        String yaml = DebianUsersTest.DEFAULT_USER + "users: [default]\nchpasswd: {expire: false, list: ['x:y']}\n";
        new SetPasswordsModule().run(ctx(yaml, r, new ShadowUsers(), "fromcli"));
        assertEquals("debian:fromcli\n", stdin(r, 0));
    }

    @Test
    void noDefaultUserMeansNothingToDo() throws Exception {
        RecordingRunner r = new RecordingRunner();
        new SetPasswordsModule().run(ctx("password: s3cret\n", r, new ShadowUsers()));
        assertEquals(List.of(), r.commandLines());
    }

    @Test
    void alpineExpiresThroughShadowEdit() throws Exception {
        RecordingRunner r = new RecordingRunner();
        new SetPasswordsModule().run(ctx("chpasswd:\n  users: [{name: alice, password: pw, type: text}]\n", r, new BusyboxUsers()));
        assertEquals(List.of("chpasswd", "sed -i -E s/^(alice:[^:]*):[^:]*:/\\1:0:/ /etc/shadow"), r.commandLines());
    }

    @Test
    void freeBsdUsesPw() throws Exception {
        RecordingRunner r = new RecordingRunner();
        new SetPasswordsModule().run(ctx("chpasswd:\n  users: [{name: alice, password: pw, type: text}]\n", r, new PwUsers()));
        assertEquals(List.of("pw usermod alice -h 0", "pw usermod alice -p 1"), r.commandLines());
        assertEquals("pw\n", stdin(r, 0));
    }

    @Test
    void badEntriesAreReportedWithoutSecretsAndOthersSet() {
        RecordingRunner r = new RecordingRunner();
        String yaml = "chpasswd:\n  expire: false\n  users:\n    - {name: ../evil, password: topsecret1, type: text}\n"
                + "    - {name: bob, password: \"two\\nlines-secret\", type: text}\n    - {name: carol, type: plain}\n"
                + "    - {name: dave}\n    - {password: nobody-secret}\n    - {name: erin, password: ok, type: text}\n"
                + "  list: [nocolon]\n";
        ModuleException e = assertThrows(ModuleException.class, () -> new SetPasswordsModule().run(ctx(yaml, r, new ShadowUsers())));
        String m = e.getMessage();
        for (String key : List.of("chpasswd.users[0]: invalid user name '../evil'", "chpasswd.users[1]: the password for bob must be a single line",
                "chpasswd.users[2].type:", "chpasswd.users[3].password: a password is required", "chpasswd.users[4].name:",
                "chpasswd.list[0]: expected user:password")) {
            assertTrue(m.contains(key), "missing '" + key + "' in " + m);
        }
        assertFalse(m.contains("secret"), m);
        assertEquals(List.of("chpasswd"), r.commandLines());
        assertEquals("erin:ok\n", stdin(r, 0));
    }

    @Test
    void failedChpasswdIsReportedAndRandomPasswordsNotPrinted() {
        RecordingRunner r = new RecordingRunner().onFailure("chpasswd", 1, "chpasswd: (user carol) pam_chauthtok() failed");
        TestModuleContext c = ctx("chpasswd:\n  users: [{name: carol, type: RANDOM}]\n", r, new ShadowUsers());
        ModuleException e = assertThrows(ModuleException.class, () -> new SetPasswordsModule().run(c));
        assertTrue(e.getMessage().contains("failed to set passwords for [carol]"), e.getMessage());
        assertEquals(List.of(), c.consoleLines());
        assertEquals(List.of("chpasswd"), r.commandLines());
    }

    @Test
    void hashDetection() {
        assertTrue(Passwords.isHash(HASH));
        assertTrue(Passwords.isHash(YESCRYPT));
        assertTrue(Passwords.isHash("$2y$10$abcdefghijklmnopqrstuv"));
        assertTrue(Passwords.isHash("$1$salt$hash"));
        assertFalse(Passwords.isHash("$6$onlyone"));
        assertFalse(Passwords.isHash("plain"));
        assertFalse(Passwords.isHash("$6$a$b:c"));
        assertEquals(55, Passwords.ALPHABET.length());
    }
}

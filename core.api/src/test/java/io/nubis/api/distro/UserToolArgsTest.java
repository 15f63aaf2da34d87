package io.nubis.api.distro;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class UserToolArgsTest {
    @Test
    void namesThatAToolWouldReadAsOptionsOrPathsAreRefused() {
        assertEquals("alice", UserToolArgs.name("user name", "alice"));
        assertEquals("machine$", UserToolArgs.name("user name", "machine$"));
        for (String bad : new String[] {"-rf", "../evil", "a:b", "", "a b", "x\n"}) {
            assertThrows(IllegalArgumentException.class, () -> UserToolArgs.name("user name", bad), bad);
        }
    }

    @Test
    void fieldsCannotBreakAPasswdLine() {
        assertThrows(IllegalArgumentException.class, () -> UserToolArgs.field("gecos", "a:b"));
        assertThrows(IllegalArgumentException.class, () -> UserToolArgs.path("home", "home/alice"));
        assertEquals("/home/alice", UserToolArgs.path("home", "/home/alice"));
    }

    @Test
    void chpasswdInputIsOneLinePerUserAndErrorsHideThePassword() {
        Map<String, String> pw = new LinkedHashMap<>();
        pw.put("alice", "s3cret");
        pw.put("bob", "$6$salt$hash");
        assertArrayEquals("alice:s3cret\nbob:$6$salt$hash\n".getBytes(StandardCharsets.UTF_8),
                UserToolArgs.chpasswdInput(pw));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> UserToolArgs.chpasswdInput(Map.of("carol", "two\nlines")));
        assertFalse(e.getMessage().contains("two"), e.getMessage());
    }
}

package io.nubis.api.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CommandTest {
    @Test
    void displayQuotesWordsAShellWouldSplitOrDrop() {
        assertEquals("ssh-keygen -t rsa -N '' -f /etc/ssh/ssh_host_rsa_key",
                Command.of("ssh-keygen", "-t", "rsa", "-N", "", "-f", "/etc/ssh/ssh_host_rsa_key").display());
        assertEquals("sh -c 'echo \"a b\"; it'\\''s'", Command.of("sh", "-c", "echo \"a b\"; it's").display());
        assertEquals("useradd --groups adm,sudo alice", Command.of("useradd", "--groups", "adm,sudo", "alice").display());
    }

    @Test
    void displayNeverShowsSensitiveArguments() {
        assertEquals("chpasswd <redacted>", Command.of("chpasswd", "-e").asSensitive().display());
    }
}

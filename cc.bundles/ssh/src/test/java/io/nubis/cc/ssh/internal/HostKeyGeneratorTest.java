package io.nubis.cc.ssh.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.nubis.api.exec.Command;
import io.nubis.api.exec.CommandResult;
import io.nubis.api.exec.CommandRunner;
import io.nubis.testkit.TempTarget;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

class HostKeyGeneratorTest {
    @TempDir
    Path dir;

    @Test
    void inPlanModeTheKeysAreRecordedOneAfterTheOtherInKeyOrder() throws Exception {
        List<String> recorded = new ArrayList<>();
        CommandRunner plan = new CommandRunner() {
            @Override
            public CommandResult run(Command command) {
                recorded.add(Thread.currentThread().getName() + ": " + command.display());
                return new CommandResult(0, new byte[0], new byte[0], false);
            }

            @Override
            public boolean planMode() {
                return true;
            }

            @Override
            public Optional<String> which(String program) {
                return Optional.of("/usr/bin/" + program);
            }
        };
        List<HostKeyGenerator.Outcome> out = new HostKeyGenerator(TempTarget.in(dir), plan,
                LoggerFactory.getLogger("test"), true).generate(List.of(HostKeyType.RSA, HostKeyType.ECDSA,
                        HostKeyType.ED25519), "root@host", false);
        String me = Thread.currentThread().getName();
        assertEquals(List.of(me + ": ssh-keygen -t rsa -N '' -f /etc/ssh/ssh_host_rsa_key",
                me + ": ssh-keygen -t ecdsa -N '' -f /etc/ssh/ssh_host_ecdsa_key",
                me + ": ssh-keygen -t ed25519 -N '' -f /etc/ssh/ssh_host_ed25519_key"), recorded);
        assertEquals(List.of(HostKeyType.RSA, HostKeyType.ECDSA, HostKeyType.ED25519),
                out.stream().map(HostKeyGenerator.Outcome::type).toList());
    }
}

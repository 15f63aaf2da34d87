package io.nubis.adapter.doas.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.nubis.api.distro.Step;
import io.nubis.api.target.FileAttributes;
import io.nubis.testkit.TempTarget;

class DoasRulesTest {
    private static final FileAttributes R440 = FileAttributes.mode(0440);

    @TempDir
    Path dir;
    private TempTarget target;
    private final DoasRules doas = new DoasRules();

    @BeforeEach
    void setUp() {
        target = TempTarget.in(dir);
    }

    @Test
    void programIsDoas() {
        assertEquals("doas", doas.program());
    }

    @Test
    void createsDoasConfWhenAbsent() throws IOException {
        List<Step> steps = doas.grant(target, "alpine", List.of("permit nopass alpine"));
        assertEquals(List.of(new Step.Write("/etc/doas.conf",
                "# Created by Nubis\n\n# User rules for alpine\npermit nopass alpine\n", R440)), steps);
    }

    @Test
    void appendsToAnExistingFile() throws IOException {
        target.file("/etc/doas.conf", "permit persist :wheel");
        List<Step> steps = doas.grant(target, "alice",
                List.of("permit nopass alice as root", "permit alice cmd /sbin/reboot args", "deny alice as bob"));
        assertEquals(List.of(new Step.Append("/etc/doas.conf", "\n\n# User rules for alice\npermit nopass alice as root\n"
                + "permit alice cmd /sbin/reboot args\ndeny alice as bob\n", R440)), steps);
    }

    @Test
    void secondGrantPlansNothing() throws IOException {
        target.apply(doas.grant(target, "alpine", List.of("permit nopass alpine")));
        assertEquals(0440, target.mode("/etc/doas.conf"));
        assertEquals(List.of(), doas.grant(target, "alpine", List.of("permit nopass alpine")));
        assertEquals(List.of(new Step.Append("/etc/doas.conf", "\n# User rules for alpine\npermit persist alpine\n", R440)),
                doas.grant(target, "alpine", List.of("permit nopass alpine", "permit persist alpine")));
    }

    @Test
    void optionsAndSetenvAreAccepted() throws IOException {
        List<Step> steps = doas.grant(target, "ec2-user", List.of("permit keepenv setenv { PATH } nopass ec2-user as root"));
        assertTrue(((Step.Write) steps.get(0)).content().endsWith("permit keepenv setenv { PATH } nopass ec2-user as root\n"));
    }

    @Test
    void freeBsdPortsReadUsrLocalEtc() throws IOException {
        target.file("/bin/freebsd-version", "#!/bin/sh\n");
        assertEquals("/usr/local/etc/doas.conf",
                ((Step.Write) doas.grant(target, "freebsd", List.of("permit nopass freebsd")).get(0)).path());
        target.file("/etc/doas.conf", "");
        assertEquals(List.of(new Step.Append("/etc/doas.conf", "\n# User rules for freebsd\npermit nopass freebsd\n", R440)),
                doas.grant(target, "freebsd", List.of("permit nopass freebsd")));
    }

    @Test
    void rulesForSomeoneElseOrMalformedAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> doas.grant(target, "alice", List.of("permit nopass alice", "permit nopass bob")));
        assertTrue(e.getMessage().contains("'bob', not for user 'alice'"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> doas.grant(target, "alice", List.of("ALL=(ALL) NOPASSWD:ALL")));
        assertThrows(IllegalArgumentException.class, () -> doas.grant(target, "alice", List.of("permit alice\npermit bob")));
        assertThrows(IllegalArgumentException.class, () -> doas.grant(target, "alice", List.of("permit :wheel")));
        assertThrows(IllegalArgumentException.class, () -> doas.grant(target, "al ice", List.of("permit al")));
    }

    @Test
    void noRulesNoSteps() throws IOException {
        assertEquals(List.of(), doas.grant(target, "alice", List.of()));
    }
}

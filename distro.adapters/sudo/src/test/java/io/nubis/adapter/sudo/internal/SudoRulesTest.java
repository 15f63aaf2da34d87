package io.nubis.adapter.sudo.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.nubis.api.distro.Step;
import io.nubis.api.target.FileAttributes;
import io.nubis.testkit.TempTarget;

class SudoRulesTest {
    private static final FileAttributes R440 = FileAttributes.mode(0440);
    private static final String NOPASSWD = "ALL=(ALL) NOPASSWD:ALL";
    private static final String DROP_IN = "/etc/sudoers.d/90-cloud-init-users";

    @TempDir
    Path dir;
    private TempTarget target;
    private final SudoRules sudo = new SudoRules();

    @BeforeEach
    void setUp() {
        target = TempTarget.in(dir);
    }

    @Test
    void programIsSudo() {
        assertEquals("sudo", sudo.program());
    }

    @Test
    void writesTheDropInWhenSudoersAlreadyIncludesIt() throws IOException {
        target.file("/etc/sudoers", "root ALL=(ALL:ALL) ALL\n@includedir /etc/sudoers.d\n");
        target.mkdirs("/etc/sudoers.d", 0750);

        List<Step> steps = sudo.grant(target, "ubuntu", List.of(NOPASSWD));

        assertEquals(List.of(new Step.Write(DROP_IN,
                "# Created by Nubis\n\n# User rules for ubuntu\nubuntu ALL=(ALL) NOPASSWD:ALL\n", R440)), steps);
    }

    @Test
    void addsIncludeDirAndDirectoryWhenMissing() throws IOException {
        target.file("/etc/sudoers", "root ALL=(ALL:ALL) ALL");

        List<Step> steps = sudo.grant(target, "alice", List.of("ALL=(ALL) ALL", "ALL=(root) NOPASSWD:/bin/ls"));

        assertEquals(List.of(
                new Step.Append("/etc/sudoers", "\n# Added by Nubis\n#includedir /etc/sudoers.d\n", R440),
                new Step.Mkdir("/etc/sudoers.d", 0750),
                new Step.Write(DROP_IN, "# Created by Nubis\n\n# User rules for alice\nalice ALL=(ALL) ALL\n"
                        + "alice ALL=(root) NOPASSWD:/bin/ls\n", R440)), steps);
    }

    @Test
    void includeWithTrailingSlashCounts() throws IOException {
        target.file("/etc/sudoers", "#includedir /etc/sudoers.d/\n");
        target.mkdirs("/etc/sudoers.d", 0750);
        assertEquals(1, sudo.grant(target, "alice", List.of(NOPASSWD)).size());
    }

    @Test
    void createsSudoersFromTheVendorFileWhenAbsent() throws IOException {
        target.file("/usr/etc/sudoers", "Defaults always_set_home\nroot ALL=(ALL) ALL");

        List<Step> steps = sudo.grant(target, "suse", List.of(NOPASSWD));

        assertEquals(new Step.Write("/etc/sudoers", "Defaults always_set_home\nroot ALL=(ALL) ALL\n"
                + "# See sudoers(5) for more information on \"#include\" directives:\n\n"
                + "# Added by Nubis\n#includedir /etc/sudoers.d\n", R440), steps.get(0));
    }

    @Test
    void vendorFileThatIncludesTheDirectoryIsEnough() throws IOException {
        target.file("/usr/etc/sudoers", "@includedir /etc/sudoers.d\n");
        List<Step> steps = sudo.grant(target, "suse", List.of(NOPASSWD));
        assertEquals(List.of(new Step.Mkdir("/etc/sudoers.d", 0750), new Step.Write(DROP_IN,
                "# Created by Nubis\n\n# User rules for suse\nsuse ALL=(ALL) NOPASSWD:ALL\n", R440)), steps);
    }

    @Test
    void noSudoersAtAllGetsOneWithTheInclude() throws IOException {
        List<Step> steps = sudo.grant(target, "debian", List.of(NOPASSWD));
        assertEquals(new Step.Write("/etc/sudoers", "# See sudoers(5) for more information on \"#include\" directives:"
                + "\n\n# Added by Nubis\n#includedir /etc/sudoers.d\n", R440), steps.get(0));
    }

    @Test
    void freeBsdUsesUsrLocalEtc() throws IOException {
        target.file("/bin/freebsd-version", "#!/bin/sh\n");
        target.file("/usr/local/etc/sudoers", "root ALL=(ALL:ALL) ALL\n#includedir /usr/local/etc/sudoers.d\n");

        List<Step> steps = sudo.grant(target, "freebsd", List.of(NOPASSWD));

        assertEquals(List.of(new Step.Mkdir("/usr/local/etc/sudoers.d", 0750),
                new Step.Write("/usr/local/etc/sudoers.d/90-cloud-init-users",
                        "# Created by Nubis\n\n# User rules for freebsd\nfreebsd ALL=(ALL) NOPASSWD:ALL\n", R440)), steps);
    }

    @Test
    void secondGrantPlansNothingAndModesAreRight() throws IOException {
        target.file("/etc/sudoers", "root ALL=(ALL:ALL) ALL\n");
        target.apply(sudo.grant(target, "alice", List.of(NOPASSWD)));

        assertEquals(List.of(), sudo.grant(target, "alice", List.of(NOPASSWD)));
        assertEquals(0440, target.mode(DROP_IN));
        assertEquals(0750, target.mode("/etc/sudoers.d"));
        assertEquals("root ALL=(ALL:ALL) ALL\n\n# Added by Nubis\n#includedir /etc/sudoers.d\n", target.text("/etc/sudoers"));
    }

    @Test
    void onlyMissingRulesAndNewUsersAreAppended() throws IOException {
        target.file("/etc/sudoers", "#includedir /etc/sudoers.d\n");
        target.apply(sudo.grant(target, "alice", List.of(NOPASSWD)));

        assertEquals(List.of(new Step.Append(DROP_IN, "\n# User rules for alice\nalice ALL=(ALL) ALL\n", R440)),
                sudo.grant(target, "alice", List.of(NOPASSWD, "ALL=(ALL) ALL")));
        target.apply(sudo.grant(target, "bob", List.of(NOPASSWD, NOPASSWD)));
        assertEquals("# Created by Nubis\n\n# User rules for alice\nalice ALL=(ALL) NOPASSWD:ALL\n"
                + "\n# User rules for bob\nbob ALL=(ALL) NOPASSWD:ALL\n", target.text(DROP_IN));
    }

    @Test
    void noRulesNoSteps() throws IOException {
        assertEquals(List.of(), sudo.grant(target, "alice", List.of()));
        assertEquals(List.of(), sudo.grant(target, "alice", null));
    }

    @Test
    void rulesAndNamesCannotInjectLines() {
        assertThrows(IllegalArgumentException.class, () -> sudo.grant(target, "alice", List.of("ALL=(ALL) ALL\nbob ALL=(ALL) ALL")));
        assertThrows(IllegalArgumentException.class, () -> sudo.grant(target, "alice bob", List.of(NOPASSWD)));
        assertThrows(IllegalArgumentException.class, () -> sudo.grant(target, "-alice", List.of(NOPASSWD)));
        assertThrows(IllegalArgumentException.class, () -> sudo.grant(target, "alice", List.of(" ")));
    }
}

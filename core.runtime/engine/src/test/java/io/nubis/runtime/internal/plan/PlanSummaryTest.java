package io.nubis.runtime.internal.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.nubis.api.target.FileAttributes;
import io.nubis.runtime.internal.exec.PlannedCommand;
import io.nubis.runtime.internal.target.ChrootTarget;

class PlanSummaryTest {
    @TempDir
    Path dir;

    @Test
    void tracksCreatedChangedAndDeletedPaths() throws Exception {
        ChrootTarget inner = new ChrootTarget(dir, false);
        inner.writeString("/etc/hostname", "old\n", FileAttributes.PUBLIC);
        inner.writeString("/etc/same", "x", FileAttributes.PUBLIC);
        inner.writeString("/etc/gone", "x", FileAttributes.PUBLIC);
        TrackingTarget t = new TrackingTarget(inner);
        t.writeString("/etc/hostname", "new\n", FileAttributes.PUBLIC);
        t.writeString("/etc/same", "x", FileAttributes.PUBLIC);
        t.writeString("/etc/motd", "hi", FileAttributes.PUBLIC);
        t.delete("/etc/gone");
        t.writeString("/tmp/x", "1", null);
        t.delete("/tmp/x");
        t.mkdirs("/var/lib/cloud/sem", 0755);
        t.symlink("/var/lib/cloud/instance", "/var/lib/cloud/instances/i");
        t.append("/var/log/cloud-init-output.log", "line\n".getBytes(), FileAttributes.mode(0640));
        assertEquals(Map.ofEntries(Map.entry("/etc/hostname", TrackingTarget.Change.CHANGED),
                Map.entry("/etc/motd", TrackingTarget.Change.CREATED), Map.entry("/etc/gone", TrackingTarget.Change.DELETED),
                Map.entry("/tmp", TrackingTarget.Change.CREATED), Map.entry("/var", TrackingTarget.Change.CREATED),
                Map.entry("/var/lib", TrackingTarget.Change.CREATED), Map.entry("/var/lib/cloud", TrackingTarget.Change.CREATED),
                Map.entry("/var/lib/cloud/sem", TrackingTarget.Change.CREATED),
                Map.entry("/var/lib/cloud/instance", TrackingTarget.Change.CREATED),
                Map.entry("/var/log", TrackingTarget.Change.CREATED),
                Map.entry("/var/log/cloud-init-output.log", TrackingTarget.Change.CREATED)), t.changes());

        String s = PlanSummary.render("/sandbox", t.changes(),
                List.of(new PlannedCommand("useradd -m alice", false, null), new PlannedCommand("chpasswd <redacted>", true, "root")),
                List.of("/var/lib/cloud", "/var/log/cloud-init-output.log"));
        assertEquals("Plan for /sandbox: files were written only under it; commands were recorded, not run.\n\n"
                + "System files created or changed (7):\n"
                + "  deleted  /etc/gone\n  changed  /etc/hostname\n  created  /etc/motd\n  created  /tmp\n"
                + "  created  /var\n  created  /var/lib\n  created  /var/log\n\n"
                + "Agent state and logs created or changed (4):\n"
                + "  created  /var/lib/cloud\n  created  /var/lib/cloud/instance\n  created  /var/lib/cloud/sem\n"
                + "  created  /var/log/cloud-init-output.log\n\n"
                + "Commands that would have run (2):\n  useradd -m alice\n  chpasswd <redacted> (as root)\n", s);
    }
}

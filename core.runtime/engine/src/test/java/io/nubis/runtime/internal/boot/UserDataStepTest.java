package io.nubis.runtime.internal.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.nubis.api.exec.Command;

class UserDataStepTest {
    static final String USER = "Content-Type: multipart/mixed; boundary=\"B\"\nMIME-Version: 1.0\n\n"
            + "--B\nContent-Type: text/cloud-boothook\nContent-Disposition: attachment; filename=\"hook.sh\"\n\n"
            + "#cloud-boothook\n#!/bin/sh\necho booted\n\n"
            + "--B\nContent-Type: text/cloud-config\n\n#cloud-config\nntp: {servers: [user.example]}\nbootcmd: [u]\n\n"
            + "--B\nContent-Type: text/x-shellscript-per-boot\nContent-Disposition: attachment; filename=\"every.sh\"\n\n"
            + "#!/bin/sh\ntrue\n\n--B--\n";
    static final String VENDOR = "Content-Type: multipart/mixed; boundary=\"V\"\nMIME-Version: 1.0\n\n"
            + "--V\nContent-Type: text/cloud-config\n\n#cloud-config\nntp: {servers: [vendor.example], pools: [p]}\n"
            + "timezone: UTC\n\n"
            + "--V\nContent-Type: text/x-shellscript\nContent-Disposition: attachment; filename=\"v.sh\"\n\n"
            + "#!/bin/sh\necho vendor\n\n--V--\n";

    @TempDir
    Path dir;

    @Test
    void boothooksRunAtConsumeTimeAndVendorDataMergesBelowUserData() throws Exception {
        BootFixture f = new BootFixture(dir).seed("instance-id: iid-3\n", USER)
                .file("/var/lib/cloud/seed/nocloud/vendor-data", VENDOR);
        f.runner.result("/var/lib/cloud/instances/iid-3/boothooks/hook.sh", 0, "booted\n");
        assertEquals(0, f.allStages());

        String hook = "/var/lib/cloud/instances/iid-3/boothooks/hook.sh";
        assertEquals("#!/bin/sh\necho booted\n", f.text(hook));
        assertEquals(0700, f.mode(hook));
        Command run = f.runner.commands.get(0);
        assertEquals(List.of(hook), run.argv());
        assertEquals(Map.of("INSTANCE_ID", "iid-3"), run.env());
        assertTrue(f.text("/var/log/cloud-init-output.log").contains("\nbooted\n"));

        assertEquals(0700, f.mode("/var/lib/cloud/scripts/per-boot/every.sh"));
        assertEquals("#!/bin/sh\necho vendor\n", f.text("/var/lib/cloud/instances/iid-3/scripts/vendor/v.sh"));
        assertEquals(0600, f.mode("/var/lib/cloud/instances/iid-3/vendor-data.txt"));
        assertTrue(f.text("/var/lib/cloud/instances/iid-3/vendor-cloud-config.txt").contains("timezone: UTC"));

        @SuppressWarnings("unchecked")
        Map<String, Object> ntp = (Map<String, Object>) f.contexts.get("bootcmd").config().asMap().get("ntp");
        assertEquals(List.of("user.example"), ntp.get("servers"));
        assertEquals(List.of("p"), ntp.get("pools"), "nested mappings merge over vendor config");
        assertEquals("UTC", f.contexts.get("bootcmd").config().asMap().get("timezone"));
        // provenance: the user-data part in this process; the instance file in a later process
        assertEquals(java.util.Optional.of("user-data part 2 (text/cloud-config)"),
                f.contexts.get("bootcmd").config().sourceOf("bootcmd"));
        assertEquals(java.util.Optional.of("user-data part 2 (text/cloud-config)"),
                f.contexts.get("final_mod").config().sourceOf("bootcmd"));
        f.run(s -> new ModulesStage(s, "final").run());
        assertEquals(java.util.Optional.of("/var/lib/cloud/instances/iid-3/cloud-config.txt"),
                f.contexts.get("final_mod").config().sourceOf("bootcmd"));
        assertEquals(java.util.Optional.of("built-in defaults of test profile"), f.contexts.get("final_mod").config().sourceOf("system_info"));
    }

    @Test
    void userDataCanTurnVendorDataOff() throws Exception {
        BootFixture f = new BootFixture(dir).seed("instance-id: iid-3\n",
                "#cloud-config\nvendor_data: {enabled: false}\n")
                .file("/var/lib/cloud/seed/nocloud/vendor-data", VENDOR);
        assertEquals(0, f.allStages());
        assertEquals("", f.text("/var/lib/cloud/instances/iid-3/vendor-cloud-config.txt"));
        assertEquals(null, f.contexts.get("final_mod").config().asMap().get("timezone"));
        assertTrue(f.text("/var/lib/cloud/instances/iid-3/vendor-data.txt").contains("timezone: UTC"),
                "the raw vendor-data is still stored");
    }

    @Test
    void badUserDataIsReportedAndTheBootGoesOn() throws Exception {
        BootFixture f = new BootFixture(dir).seed("instance-id: iid-3\n", "#cloud-config\nbootcmd: [a\n");
        assertEquals(0, f.allStages());
        @SuppressWarnings("unchecked")
        Map<String, List<String>> rec = (Map<String, List<String>>) f.stage("init").get("recoverable_errors");
        assertTrue(rec.get("WARNING").get(0).startsWith("Failed at merging in cloud config part from user-data"),
                rec.toString());
        assertEquals(List.of("per_instance", "failing", "config_mod", "final_mod"), f.ran);
        assertEquals("", f.text("/var/lib/cloud/instances/iid-3/cloud-config.txt"));
    }
}

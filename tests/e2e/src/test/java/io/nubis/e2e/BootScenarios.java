package io.nubis.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The boots every distro root goes through, in order on one root: first boot, reboot with the same
 * instance, {@code modules --mode update}, reboot with a new instance, a seed with a broken part,
 * and a disabled boot.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class BootScenarios {
    static final String KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIE2eNubisE2eTestKeyOnlyNotARealKeyAAAAAAAA alice@e2e";
    static final ObjectMapper JSON = new ObjectMapper();

    Machine m;

    /** The user's privilege lines (sudo: or doas:) under a users entry, indented 4. */
    abstract String privilegeConfig();

    abstract void assertPrivilege() throws Exception;

    /** Whether the seed locks alice's password (see AlpineBootTest for why it may not). */
    boolean lockPasswd() {
        return true;
    }

    /** What one --all-stages boot left: its result, then status and result.json read in the same boot. */
    record Boot(Machine.Result run, Machine.Result status, JsonNode result, JsonNode stages) {
    }

    Boot bootAllStages() throws Exception {
        List<Machine.Result> r = m.boot("/usr/bin/nubis --all-stages", "/usr/bin/nubis status --format json",
                "cat /run/cloud-init/result.json", "cat /run/cloud-init/status.json");
        return new Boot(r.get(0), r.get(1), json(r.get(2)), json(r.get(3)));
    }

    private static JsonNode json(Machine.Result r) throws Exception {
        return r.code() == 0 ? JSON.readTree(r.out()) : JSON.missingNode();
    }

    /**
     * {@code status --format json}: exit code and status; null (unchecked) when the agent's status
     * command has no JSON output yet ({@link #statusCommandHasJsonOutput} then skips with why).
     */
    /** {@code status --format json}: its exit code and {@code extended_status} ("done", "degraded done", "disabled"...). */
    static JsonNode assertStatusCommand(Machine.Result st, int code, String status) throws Exception {
        if (noJsonStatus(st)) {
            return null;
        }
        JsonNode json = JSON.readTree(st.out());
        assertEquals(status, json.path("extended_status").asText(), st.out());
        assertEquals(code, st.code(), st.out());
        return json;
    }

    static boolean noJsonStatus(Machine.Result st) {
        return st.out().contains("Unknown options: '--format'");
    }

    /** Errors of every stage in status.json (v1.<stage>.errors). */
    static List<String> stageErrors(JsonNode stages) {
        List<String> out = new ArrayList<>();
        stages.path("v1").fields().forEachRemaining(e -> e.getValue().path("errors").forEach(x -> out.add(e.getKey() + ": " + x.asText())));
        return out;
    }

    String userData() {
        return "#cloud-config\n"
                + "hostname: e2e-node\n"
                + "timezone: Europe/Berlin\n"
                + "groups:\n  - admins\n  - ops\n"
                + "users:\n"
                + "  - name: alice\n"
                + "    gecos: Alice E2e\n"
                + "    shell: /bin/sh\n"
                + "    groups: [admins, ops]\n"
                + "    lock_passwd: " + lockPasswd() + "\n"
                + "    ssh_authorized_keys:\n      - " + KEY + "\n"
                + privilegeConfig()
                + "write_files:\n"
                + "  - path: /etc/e2e/hello.txt\n"
                + "    content: \"hello from e2e\\n\"\n"
                + "    permissions: '0640'\n"
                + "  - path: /var/lib/cloud/scripts/per-boot/e2e-per-boot.sh\n"
                + "    permissions: '0755'\n"
                + "    content: |\n      #!/bin/sh\n      echo boot >> /var/e2e/per-boot.count\n"
                + "bootcmd:\n  - mkdir -p /var/e2e\n  - echo boot >> /var/e2e/bootcmd.count\n"
                + "runcmd:\n"
                + "  - echo run >> /var/e2e/runcmd.count\n"
                + "  - [sh, -c, 'id alice > /var/e2e/id-alice']\n";
    }

    @Test
    @Order(1)
    void firstBootConfiguresTheMachine() throws Exception {
        m.seed("iid-e2e-1", userData());
        Boot boot = bootAllStages();
        assertEquals(0, boot.run().code(), boot.run().out());

        assertTrue(m.read("/etc/group").lines().anyMatch(l -> l.startsWith("admins:") && l.endsWith("alice")),
                m.read("/etc/group"));
        assertTrue(m.read("/etc/group").lines().anyMatch(l -> l.startsWith("ops:") && l.endsWith("alice")),
                m.read("/etc/group"));
        assertTrue(m.read("/etc/passwd").lines().anyMatch(l -> l.startsWith("alice:x:") && l.endsWith(":/home/alice:/bin/sh")
                && l.contains(":Alice E2e:")), m.read("/etc/passwd"));
        assertTrue(m.read("/etc/shadow").lines().anyMatch(l -> l.startsWith("alice:!")), "alice's password is locked");
        assertEquals(KEY + "\n", m.read("/home/alice/.ssh/authorized_keys"));
        assertEquals("rw-------", m.mode("/home/alice/.ssh/authorized_keys"));
        assertPrivilege();

        assertEquals("hello from e2e\n", m.read("/etc/e2e/hello.txt"));
        assertEquals("rw-r-----", m.mode("/etc/e2e/hello.txt"));
        assertEquals("e2e-node\n", m.read("/etc/hostname"));
        assertEquals("/usr/share/zoneinfo/Europe/Berlin", Files.readSymbolicLink(m.path("/etc/localtime")).toString());
        assertTrue(m.read("/var/e2e/id-alice").contains("(admins)"), m.read("/var/e2e/id-alice"));

        assertEquals(1, m.lines("/var/e2e/bootcmd.count"));
        assertEquals(1, m.lines("/var/e2e/runcmd.count"));
        assertEquals(1, m.lines("/var/e2e/per-boot.count"));
        assertTrue(m.exists("/var/lib/cloud/instances/" + m.instanceId() + "/boot-finished"));
        assertEquals("iid-e2e-1", m.read("/var/lib/cloud/data/instance-id").strip());
        assertEquals(List.of(), stageErrors(boot.stages()));
        assertEquals(0, boot.result().path("v1").path("errors").size(), boot.result().toString());
        assertStatusCommand(boot.status(), 0, "done");
    }

    @Test
    @Order(2)
    void rebootWithTheSameInstanceRunsOnlyPerBootModules() throws Exception {
        Boot boot = bootAllStages();
        assertEquals(0, boot.run().code(), boot.run().out());
        assertEquals(2, m.lines("/var/e2e/bootcmd.count"));
        assertEquals(2, m.lines("/var/e2e/per-boot.count"));
        assertEquals(1, m.lines("/var/e2e/runcmd.count"), "runcmd is per instance");
        assertEquals(1, m.read("/etc/passwd").lines().filter(l -> l.startsWith("alice:")).count());
        assertStatusCommand(boot.status(), 0, "done");
    }

    @Test
    @Order(3)
    void modulesUpdateChangesNothing() throws Exception {
        Map<String, String> before = m.snapshot("/etc", "/home", "/root", "/var/e2e");
        Machine.Result r = m.boot1("/usr/bin/nubis modules --mode update");
        assertEquals(0, r.code(), r.out());
        assertEquals(before, m.snapshot("/etc", "/home", "/root", "/var/e2e"));
    }

    @Test
    @Order(4)
    void rebootWithANewInstanceRunsPerInstanceModulesAgain() throws Exception {
        m.seed("iid-e2e-2", userData());
        Boot boot = bootAllStages();
        assertEquals(0, boot.run().code(), boot.run().out());
        assertEquals(2, m.lines("/var/e2e/runcmd.count"));
        assertEquals(3, m.lines("/var/e2e/bootcmd.count"));
        assertEquals("iid-e2e-2", m.read("/var/lib/cloud/data/instance-id").strip());
        assertEquals("/var/lib/cloud/instances/iid-e2e-2", Files.readSymbolicLink(m.path("/var/lib/cloud/instance")).toString());
        assertEquals(1, m.read("/etc/passwd").lines().filter(l -> l.startsWith("alice:")).count());
        assertStatusCommand(boot.status(), 0, "done");
    }

    @Test
    @Order(5)
    void aBrokenPartDoesNotStopTheOtherParts() throws Exception {
        String b = "e2eboundary";
        String ud = "Content-Type: multipart/mixed; boundary=\"" + b + "\"\nMIME-Version: 1.0\n\n"
                + "--" + b + "\nContent-Type: text/cloud-config\n\n"
                + "#cloud-config\nwrite_files:\n  - path: /etc/e2e/good.txt\n    content: good\n\n"
                + "--" + b + "\nContent-Type: text/cloud-config\n\n"
                + "#cloud-config\nwrite_files: [ {path: /etc/e2e/bad.txt, content: \n  - : :\n\n"
                + "--" + b + "\nContent-Type: text/x-shellscript\n\n"
                + "#!/bin/sh\necho ran > /var/e2e/part-script\n\n"
                + "--" + b + "--\n";
        m.seed("iid-e2e-broken", ud);
        Boot boot = bootAllStages();
        assertEquals("good", m.read("/etc/e2e/good.txt"), boot.run().out());
        assertFalse(m.exists("/etc/e2e/bad.txt"));
        assertEquals("ran\n", m.read("/var/e2e/part-script"));
        assertTrue(m.exists("/var/lib/cloud/instances/" + m.instanceId() + "/boot-finished"));
        String report = boot.stages().toString();
        assertTrue(report.contains("part"), "status.json reports the broken part: " + report + "\nboot:\n" + boot.run().out());
        JsonNode st = assertStatusCommand(boot.status(), 2, "degraded done");
        assertTrue(st == null || st.toString().contains("part"), String.valueOf(st));
    }

    @Test
    @Order(6)
    void theDisabledMarkerStopsTheBoot() throws Exception {
        long before = m.lines("/var/e2e/bootcmd.count");
        m.write("/etc/cloud/cloud-init.disabled", "");
        try {
            Boot boot = bootAllStages();
            assertEquals(0, boot.run().code(), boot.run().out());
            assertEquals(before, m.lines("/var/e2e/bootcmd.count"), boot.run().out());
            assertFalse(boot.result().has("v1"), "no result.json when disabled: " + boot.result());
            assertStatusCommand(boot.status(), 0, "disabled");
        } finally {
            m.delete("/etc/cloud/cloud-init.disabled");
        }
    }

    @Test
    @Order(7)
    void statusCommandHasJsonOutput() throws Exception {
        Machine.Result st = m.boot1("/usr/bin/nubis status --format json");
        assumeFalse(noJsonStatus(st), "status --format json is not implemented in this build, so the"
                + " other tests checked status.json and result.json only: " + st.out().strip());
        assertStatusCommand(st, 0, "not started");
    }

    /**
     * The hook as the device manager runs it: inert while hotplug is disabled (nothing queued, no
     * JVM); once {@code devel hotplug-hook -s net enable} ran, the event goes into the queue, and
     * the drainer it starts hands it to {@code nubis devel hotplug-hook drain}, which handles it
     * (the NoCloud seed did not change) and empties the queue.
     */
    @Test
    @Order(10)
    void hotplugHookQueuesTheEventAndTheAgentDrainsIt() throws Exception {
        Machine.Result off = m.boot1("mkdir -p /run/cloud-init && " + hookEnvironment() + " " + hook()
                + " && test ! -e /run/cloud-init/hotplug.queue");
        assertEquals(0, off.code(), "disabled: nothing queued " + off.out());
        assertFalse(m.read("/var/log/cloud-init.log").contains("devpath: /devices/virtual/net/eth1}"));
        Machine.Result en = m.boot1("/usr/bin/nubis devel hotplug-hook -s net enable");
        assertEquals(0, en.code(), en.out());
        assertTrue(en.out().contains("Enabled cloud-init hotplug for subsystem=net"), en.out());
        Machine.Result r = m.boot1("mkdir -p /run/cloud-init && " + hookEnvironment() + " " + hook()
                + " && i=0; while [ -e /run/cloud-init/hotplug.queue ] && [ $i -lt 600 ]; do sleep 0.1; i=$((i + 1)); done;"
                + " flock /run/cloud-init/hotplug.drain true; ls /run/cloud-init");
        assertEquals(0, r.code(), r.out());
        assertFalse(r.out().lines().anyMatch(l -> l.equals("hotplug.queue") || l.equals("hotplug.queue.lock")), r.out());
        String log = m.read("/var/log/cloud-init.log");
        assertTrue(log.contains("hotplug-hook called with the following arguments: {hotplug_action: handle, subsystem: net,"
                + " udevaction: add, devpath: /devices/virtual/net/eth1}"), log);
        assertTrue(log.contains("Hotplug add of /devices/virtual/net/eth1: the metadata of NoCloud did not change"), log);
    }

    /**
     * A burst of events at once: every one is queued and handled, none is lost between drainers;
     * an event with shell metacharacters or an unknown action is refused and not queued.
     */
    @Test
    @Order(11)
    void hotplugBurstIsDrainedAndHostileEventsAreRefused() throws Exception {
        String wait = "i=0; while [ -e /run/cloud-init/hotplug.queue ] && [ $i -lt 600 ]; do sleep 0.1; i=$((i + 1)); done;"
                + " flock /run/cloud-init/hotplug.drain true";
        List<Machine.Result> r = m.boot("mkdir -p /run/cloud-init && for n in 1 2 3 4 5 6; do"
                        + " ACTION=add DEVPATH=/devices/virtual/net/burst$n SUBSYSTEM=net " + hook() + " & done; wait; " + wait,
                "ACTION=add DEVPATH='/devices/virtual/net/x;reboot' SUBSYSTEM=net " + hook(),
                "ACTION=change DEVPATH=/devices/virtual/net/eth1 SUBSYSTEM=net " + hook(),
                "test ! -e /run/cloud-init/hotplug.queue");
        assertEquals(0, r.get(0).code(), r.get(0).out());
        String log = m.read("/var/log/cloud-init.log");
        for (int n = 1; n <= 6; n++) {
            String line = "udevaction: add, devpath: /devices/virtual/net/burst" + n + "}";
            assertEquals(1, log.lines().filter(l -> l.endsWith(line)).count(), line + " handled once in\n" + log);
        }
        assertEquals(new Machine.Result(1, "hotplug-hook: refusing an event with unusual characters\n"), r.get(1));
        assertEquals(new Machine.Result(1, "hotplug-hook: unknown action 'change' (add or remove)\n"), r.get(2));
        assertEquals(0, r.get(3).code(), "nothing was queued");
    }

    /** The environment the device manager gives the hook (udev's by default). */
    String hookEnvironment() {
        return "ACTION=add DEVPATH=/devices/virtual/net/eth1 INTERFACE=eth1 SUBSYSTEM=net";
    }

    String hook() {
        return "/usr/lib/nubis/libexec/hotplug-hook";
    }

    /** One file under DIRS (files or directories) holds LINE. */
    void assertPrivilegeFile(String line, String... dirs) throws Exception {
        for (String dir : dirs) {
            if (m.exists(dir) && holds(dir, line)) {
                return;
            }
        }
        throw new AssertionError("no file under " + String.join(", ", dirs) + " has '" + line + "'");
    }

    private boolean holds(String dir, String line) throws Exception {
        try (Stream<java.nio.file.Path> s = Files.walk(m.path(dir))) {
            return s.filter(Files::isRegularFile).anyMatch(p -> {
                try {
                    return Files.readString(p).lines().anyMatch(l -> l.strip().equals(line));
                } catch (java.io.IOException e) {
                    return false;
                }
            });
        }
    }
}

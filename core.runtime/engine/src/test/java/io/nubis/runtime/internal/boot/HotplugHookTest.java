package io.nubis.runtime.internal.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.nubis.runtime.internal.cli.Cli;
import io.nubis.runtime.internal.ds.UpdateEvents;
import io.nubis.runtime.internal.target.ChrootTarget;

class HotplugHookTest {
    static final String QUEUE = "/run/cloud-init/hotplug.queue";

    @TempDir
    Path dir;

    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    /** A booted instance of the fixture's NoCloud-like datasource, with these update events. */
    BootFixture booted(UpdateEvents events) throws Exception {
        BootFixture f = new BootFixture(dir).seed("instance-id: iid-1\nlocal-hostname: one\n", "");
        f.plugins.updateEvents.put("NoCloud", events);
        assertEquals(0, f.allStages());
        f.ran.clear();
        return f;
    }

    int nubis(BootFixture f, String... args) {
        out.reset();
        err.reset();
        Cli cli = new Cli(null, f.plugins, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), "cloud-init");
        List<String> all = new java.util.ArrayList<>(List.of("--root", dir.toString(), "--plan", "devel", "hotplug-hook"));
        all.addAll(List.of(args));
        return cli.execute(all.toArray(String[]::new));
    }

    /** What the verb printed, before the plan summary (--root in a temporary directory is plan mode). */
    String out() {
        String o = out.toString(StandardCharsets.UTF_8);
        int plan = o.indexOf("\n\nPlan for ");
        return plan < 0 ? o : o.substring(0, plan + 1);
    }

    static final UpdateEvents HOTPLUG = new UpdateEvents(List.of("boot-new-instance", "hotplug"), List.of("boot-new-instance"));

    @Test
    void enableRecordsTheScopeAndTurnsHotplugOn() throws Exception {
        BootFixture f = booted(HOTPLUG);
        assertEquals(0, nubis(f, "-s", "net", "query"));
        assertEquals("disabled\n", out());
        assertEquals(0, nubis(f, "-s", "net", "enable"));
        assertEquals("Enabled cloud-init hotplug for subsystem=net\n", out());
        assertEquals("{\"scopes\": [\"network\"]}", f.text("/var/lib/cloud/hotplug.enabled"));
        assertEquals(0640, java.nio.file.Files.getPosixFilePermissions(dir.resolve("var/lib/cloud/hotplug.enabled"))
                .stream().mapToInt(p -> 1 << (8 - p.ordinal())).sum());
        assertEquals(0, nubis(f, "-s", "net", "query"));
        assertEquals("enabled\n", out());
        assertEquals(0, nubis(f, "-s", "net", "enable"));
        assertEquals("Hotplug already enabled for subsystem=net\n", out());
    }

    @Test
    void enableIsRefusedWhenTheDatasourceCannotHotplug() throws Exception {
        BootFixture f = booted(UpdateEvents.NONE);
        assertEquals(1, nubis(f, "-s", "net", "enable"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("hotplug not supported for event of type net"));
        assertFalse(java.nio.file.Files.exists(dir.resolve("var/lib/cloud/hotplug.enabled")));
    }

    @Test
    void queryIsDisabledForADatasourceWithoutHotplug() throws Exception {
        BootFixture f = booted(UpdateEvents.NONE).file("/etc/cloud/cloud.cfg.d/90-hotplug.cfg", "updates: {network: {when: [hotplug]}}\n");
        assertEquals(0, nubis(f, "-s", "net", "query"), err.toString());
        assertEquals("disabled\n", out());
        assertTrue(f.log().contains("hotplug not supported for event of type net"), f.log());
    }

    @Test
    void queryFollowsTheUpdatesConfigOverTheDatasourceDefaults() throws Exception {
        BootFixture f = booted(HOTPLUG);
        assertEquals(0, nubis(f, "-s", "net", "query"));
        assertEquals("disabled\n", out(), "hotplug is supported but not among the datasource's default events");
        assertTrue(f.log().contains("hotplug not enabled for event of type net"), f.log());

        f.file("/etc/cloud/cloud.cfg.d/90-hotplug.cfg", "updates:\n  network:\n    when: [boot, hotplug]\n");
        assertEquals(0, nubis(f, "-s", "net", "query"));
        assertEquals("enabled\n", out());

        f.plugins.updateEvents.put("NoCloud", new UpdateEvents(List.of("hotplug"), List.of("hotplug")));
        f.file("/etc/cloud/cloud.cfg.d/90-hotplug.cfg", "updates:\n  network:\n    when: [boot]\n");
        assertEquals(0, nubis(f, "-s", "net", "query"));
        assertEquals("disabled\n", out(), "the config's list replaces the datasource's defaults");
    }

    @Test
    void anUnknownEventTypeIsNamedAndEmptiesTheScope() throws Exception {
        BootFixture f = booted(new UpdateEvents(List.of("hotplug"), List.of("hotplug")))
                .file("/etc/cloud/cloud.cfg.d/90-hotplug.cfg", "updates:\n  network:\n    when: [hotplug, sometimes]\n");
        assertEquals(0, nubis(f, "-s", "net", "query"));
        assertEquals("disabled\n", out());
        assertTrue(f.log().contains("/etc/cloud/cloud.cfg.d/90-hotplug.cfg: updates.network.when: 'sometimes' is not a valid"
                + " EventType! Update data will be ignored for 'network' scope"), f.log());
    }

    @Test
    void handleWhenDisabledOnlyLogs() throws Exception {
        BootFixture f = booted(UpdateEvents.NONE);
        f.file("/var/lib/cloud/seed/nocloud/meta-data", "instance-id: iid-1\nlocal-hostname: two\n");
        assertEquals(0, nubis(f, "-s", "net", "handle", "--devpath", "/devices/virtual/net/eth1", "--udevaction", "add"));
        assertTrue(f.log().contains("hotplug-hook called with the following arguments: {hotplug_action: handle, subsystem: net,"
                + " udevaction: add, devpath: /devices/virtual/net/eth1}"), f.log());
        assertTrue(f.log().contains("hotplug not supported for event of type net"), f.log());
        assertEquals(List.of(), f.ran);
        assertTrue(f.text("/var/lib/cloud/instances/iid-1/obj.json").contains("\"one\""));
    }

    @Test
    void handleWhenEnabledRecrawlsAndRunsUpdateModeOnlyIfTheMetadataChanged() throws Exception {
        BootFixture f = booted(HOTPLUG).file("/etc/cloud/cloud.cfg.d/90-hotplug.cfg", "updates: {network: {when: [hotplug]}}\n");
        assertEquals(0, nubis(f, "-s", "net", "handle", "--devpath", "/devices/virtual/net/eth1", "-u", "add"));
        assertTrue(f.log().contains("Hotplug add of /devices/virtual/net/eth1: the metadata of NoCloud did not change;"
                + " nothing else to update"), f.log());
        assertEquals(List.of(), f.ran);

        f.file("/var/lib/cloud/seed/nocloud/meta-data", "instance-id: iid-1\nlocal-hostname: two\n");
        assertEquals(0, nubis(f, "-s", "net", "handle", "--devpath", "/devices/virtual/net/eth2", "-u", "add"));
        assertEquals(List.of("final_mod"), f.ran, "the idempotent modules ran (modules --mode update)");
        assertTrue(f.text("/var/lib/cloud/instances/iid-1/obj.json").contains("\"two\""), "the new metadata is cached");
        assertTrue(f.log().contains("running the idempotent modules (modules --mode update)"), f.log());
    }

    @Test
    void handleOfAnotherInstanceIsRefused() throws Exception {
        BootFixture f = booted(HOTPLUG).file("/etc/cloud/cloud.cfg.d/90-hotplug.cfg", "updates: {network: {when: [hotplug]}}\n");
        f.file("/var/lib/cloud/seed/nocloud/meta-data", "instance-id: iid-2\n");
        assertEquals(1, nubis(f, "-s", "net", "handle", "--devpath", "/devices/virtual/net/eth1", "-u", "remove"));
        assertTrue(f.log().contains("now reports instance iid-2 instead of iid-1"), f.log());
        assertEquals(List.of(), f.ran);
    }

    @Test
    void drainHandlesEveryLineReportsMalformedOnesByNumberAndEmptiesTheQueue() throws Exception {
        BootFixture f = booted(HOTPLUG).file("/etc/cloud/cloud.cfg.d/90-hotplug.cfg", "updates: {network: {when: [hotplug]}}\n")
                .file("/var/lib/cloud/seed/nocloud/meta-data", "instance-id: iid-1\nlocal-hostname: two\n")
                .file(QUEUE, "add net /devices/virtual/net/eth1 eth1\n"
                        + "add net /devices/virtual/net/eth2\n"
                        + "change net /devices/virtual/net/eth3 eth3\n"
                        + "add block /devices/virtual/block/vdb -\n"
                        + "remove net /devices/virtual/net/eth1 eth1\n");
        assertEquals(1, nubis(f, "drain"), err.toString());
        String log = f.log();
        assertTrue(log.contains(QUEUE + " line 2: expected '<action> <subsystem> <devpath> <interface>', got 3 field(s);"
                + " skipped"), log);
        assertTrue(log.contains(QUEUE + " line 3: unknown action 'change' (add or remove); skipped"), log);
        assertTrue(log.contains(QUEUE + " line 4: hotplug-hook: cannot handle events for subsystem: block; skipped"), log);
        assertTrue(log.contains("udevaction: add, devpath: /devices/virtual/net/eth1}"), log);
        assertTrue(log.contains("udevaction: remove, devpath: /devices/virtual/net/eth1}"), log);
        assertEquals(List.of("final_mod"), f.ran, "the first event updated; the second found nothing new");
        assertFalse(f.exists(QUEUE));
        assertFalse(f.exists(QUEUE + ".lock"));
    }

    @Test
    void drainOfGoodLinesExitsZeroAndWithoutAQueueDoesNothing() throws Exception {
        BootFixture f = booted(UpdateEvents.NONE);
        assertEquals(0, nubis(f, "drain"));
        f.file(QUEUE, "add net /devices/virtual/net/eth1 -\n");
        assertEquals(0, nubis(f, "drain"));
        assertFalse(f.exists(QUEUE));
        assertTrue(f.log().contains("hotplug not supported for event of type net"), f.log());
    }

    @Test
    void removeKeepsLinesAppendedWhileTheBatchWasHandled() throws Exception {
        ChrootTarget t = new ChrootTarget(dir);
        t.writeString(QUEUE, "add net /devices/a a\n", io.nubis.api.target.FileAttributes.PUBLIC);
        HotplugQueue q = new HotplugQueue(t, "/run/cloud-init");
        HotplugQueue.Batch b = q.read();
        assertEquals(1, b.lines().size());
        Files.writeString(dir.resolve(QUEUE.substring(1)), "add net /devices/b b\n", java.nio.file.StandardOpenOption.APPEND);
        q.remove(b);
        assertEquals("add net /devices/b b\n", Files.readString(dir.resolve(QUEUE.substring(1))));
        assertEquals(new HotplugQueue.Event("add", "net", "/devices/b", "b"), q.read().lines().get(0).event());
    }

    @Test
    void theQueueLockWaitsForItsHolderAndBreaksAStaleOne() throws Exception {
        ChrootTarget t = new ChrootTarget(dir);
        t.writeString(QUEUE, "add net /devices/a a\n", io.nubis.api.target.FileAttributes.PUBLIC);
        Path lock = dir.resolve(QUEUE.substring(1) + ".lock");
        Files.writeString(lock, "12345\n");
        Files.setLastModifiedTime(lock, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() - 60_000));
        assertEquals(1, new HotplugQueue(t, "/run/cloud-init").read().lines().size());
        assertFalse(Files.exists(lock));

        Files.writeString(lock, "12345\n");
        Thread release = new Thread(() -> {
            try {
                Thread.sleep(300);
                Files.delete(lock);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        long start = System.nanoTime();
        release.start();
        assertEquals(1, new HotplugQueue(t, "/run/cloud-init").read().lines().size());
        assertTrue(System.nanoTime() - start >= 250_000_000L, "read waited for the lock");
        release.join();
    }

    @Test
    void aSecondDrainerLeavesTheQueueToTheFirst() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/python3")), "needs python3 to hold a lock");
        BootFixture f = booted(UpdateEvents.NONE).file(QUEUE, "add net /devices/virtual/net/eth1 eth1\n");
        Path drainer = dir.resolve(QUEUE.substring(1) + ".drainer");
        // another process holds the drainer lock (fcntl, as FileLock takes it)
        Process other = new ProcessBuilder("/usr/bin/python3", "-c", "import fcntl, sys, time\n"
                + "f = open(sys.argv[1], 'w'); fcntl.lockf(f, fcntl.LOCK_EX); print('locked', flush=True); time.sleep(30)",
                drainer.toString()).start();
        try {
            assertEquals("locked", new java.io.BufferedReader(new java.io.InputStreamReader(other.getInputStream())).readLine());
            assertEquals(0, nubis(f, "drain"));
            assertTrue(f.exists(QUEUE), "left to the drainer that holds the lock");
            assertTrue(f.log().contains("Another hotplug-hook drain handles " + QUEUE), f.log());
        } finally {
            other.destroy();
            other.waitFor();
        }
        assertEquals(0, nubis(f, "drain"));
        assertFalse(f.exists(QUEUE));
    }

    @Test
    void usageErrors() throws Exception {
        BootFixture f = booted(UpdateEvents.NONE);
        assertEquals(2, nubis(f, "query"));
        assertTrue(err.toString().contains("the following arguments are required: -s/--subsystem"), err.toString());
        assertEquals(2, nubis(f, "-s", "block", "query"));
        assertTrue(err.toString().contains("argument -s/--subsystem: invalid choice: 'block' (choose from 'net')"), err.toString());
        assertEquals(2, nubis(f, "-s", "net", "handle", "--devpath", "/devices/x", "-u", "change"));
        assertTrue(err.toString().contains("invalid choice: 'change' (choose from 'add', 'remove')"), err.toString());
    }

    @Test
    void queueLinesAreParsedStrictly() {
        assertEquals(new HotplugQueue.Event("remove", "net", "/net/em0", "em0"), HotplugQueue.parse(1, "remove net /net/em0 em0").event());
        assertEquals("no devpath", HotplugQueue.parse(1, "add net - eth0").problem());
        assertEquals("bad interface 'a;b'", HotplugQueue.parse(1, "add net /d a;b").problem());
        assertEquals("bad devpath '../x'", HotplugQueue.parse(1, "add net ../x x").problem());
        assertEquals("expected '<action> <subsystem> <devpath> <interface>', got 1 field(s)", HotplugQueue.parse(1, "").problem());
    }
}

package io.nubis.runtime.internal.analyze;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnalyzeToolTest {
    static final String BOOT = """
            2024-05-01 10:00:00,100 - log_util.py[DEBUG]: Cloud-init v. 24.1 running 'init-local' at Wed, 01 May 2024 10:00:00 +0000. Up 3.10 seconds.
            2024-05-01 10:00:00,120 - handlers.py[DEBUG]: start: init-local/check-cache: attempting to read from cache [check]
            2024-05-01 10:00:00,125 - handlers.py[DEBUG]: finish: init-local/check-cache: SUCCESS: no cache found
            2024-05-01 10:00:00,130 - util.py[DEBUG]: Reading from /proc/cmdline (quiet=False)
            2024-05-01 10:00:00,140 - handlers.py[DEBUG]: start: init-local/search-NoCloud: searching for local data from DataSourceNoCloud
            2024-05-01 10:00:00,340 - handlers.py[DEBUG]: finish: init-local/search-NoCloud: SUCCESS: found local data from DataSourceNoCloud
            2024-05-01 10:00:00,400 - handlers.py[DEBUG]: finish: init-local: SUCCESS: searching for local datasources
            2024-05-01 10:00:01,000 - log_util.py[DEBUG]: Cloud-init v. 24.1 running 'init' at Wed, 01 May 2024 10:00:01 +0000. Up 4.00 seconds.
            2024-05-01 10:00:01,010 - handlers.py[DEBUG]: start: init-network/check-cache: attempting to read from cache [trust]
            2024-05-01 10:00:01,015 - handlers.py[DEBUG]: finish: init-network/check-cache: SUCCESS: restored from cache with run check: DataSourceNoCloud
            2024-05-01 10:00:01,500 - handlers.py[DEBUG]: start: init-network/config-ssh: running config-ssh with frequency once-per-instance
            2024-05-01 10:00:02,750 - handlers.py[DEBUG]: finish: init-network/config-ssh: SUCCESS: config-ssh ran successfully
            2024-05-01 10:00:02,800 - handlers.py[DEBUG]: finish: init-network: SUCCESS: searching for network datasources
            2024-05-01 10:00:02,900 - log_util.py[DEBUG]: Cloud-init v. 24.1 finished at Wed, 01 May 2024 10:00:02 +0000. Datasource DataSourceNoCloud.  Up 5.80 seconds
            """;

    static final String SHOW_BOOT = """
            -- Boot Record %s --
            The total time elapsed since completing an event is printed after the "@" character.
            The time the event takes is printed after the "+" character.

            Starting stage: init-local
            |`->no cache found @00.02000s +00.00500s
            |`->found local data from DataSourceNoCloud @00.04000s +00.20000s
            Finished stage: (init-local) 00.30000 seconds

            Starting stage: init-network
            |`->restored from cache with run check: DataSourceNoCloud @00.91000s +00.00500s
            |`->config-ssh ran successfully @01.40000s +01.25000s
            Finished stage: (init-network) 01.80000 seconds

            Total Time: 2.10000 seconds

            """;

    @TempDir
    Path dir;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(AnalyzeTool.Mode mode, String in, String stdin, String outfile, String format) {
        return new AnalyzeTool(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                2024).run(mode, in, outfile, format);
    }

    private Path log(String text) throws Exception {
        return Files.writeString(dir.resolve("cloud-init.log"), text);
    }

    @Test
    void showPairsEventsIntoStages() throws Exception {
        assertEquals(0, run(AnalyzeTool.Mode.SHOW, log(BOOT).toString(), "", "-", AnalyzeTool.DEFAULT_FORMAT));
        assertEquals(SHOW_BOOT.formatted("01") + "1 boot records analyzed\n", out.toString(StandardCharsets.UTF_8));
        assertEquals("", err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aRepeatedStageStartsANewBootRecord() throws Exception {
        assertEquals(0, run(AnalyzeTool.Mode.SHOW, log(BOOT + BOOT.replace("2024-05-01 10:", "2024-05-02 11:")).toString(),
                "", "-", AnalyzeTool.DEFAULT_FORMAT));
        assertEquals(SHOW_BOOT.formatted("01") + SHOW_BOOT.formatted("02") + "2 boot records analyzed\n",
                out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void showTakesFormatTokens() throws Exception {
        run(AnalyzeTool.Mode.SHOW, log(BOOT).toString(), "", "-", "%n|%e|%r|%o|%t|%l%T %x");
        String o = out.toString(StandardCharsets.UTF_8);
        assertTrue(o.contains("\ninit-local/check-cache|finish|SUCCESS|cloudinit|1714557600.12500| %x\n"), o);
    }

    @Test
    void blameSortsByDuration() throws Exception {
        assertEquals(0, run(AnalyzeTool.Mode.BLAME, "-", BOOT, "-", null));
        assertEquals("""
                -- Boot Record 01 --
                     01.25000s (init-network/config-ssh)
                     00.20000s (init-local/search-NoCloud)
                     00.00500s (init-network/check-cache)
                     00.00500s (init-local/check-cache)

                1 boot records analyzed
                """, out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void blameSortsNumericallyBeyondOneHundredSeconds() {
        String log = """
                2024-05-01 10:00:00,000 - handlers.py[DEBUG]: start: init-network/slow: slow
                2024-05-01 10:02:00,000 - handlers.py[DEBUG]: finish: init-network/slow: SUCCESS: slow
                2024-05-01 10:02:01,000 - handlers.py[DEBUG]: start: init-network/fast: fast
                2024-05-01 10:02:10,000 - handlers.py[DEBUG]: finish: init-network/fast: SUCCESS: fast
                """;
        run(AnalyzeTool.Mode.BLAME, "-", log, "-", null);
        assertEquals("-- Boot Record 01 --\n     120.00000s (init-network/slow)\n     09.00000s (init-network/fast)\n\n"
                + "1 boot records analyzed\n", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void modulesThatRanAtTheSameTimeAreStillLeavesWithTheirOwnDurations() throws Exception {
        String log = """
                2024-05-01 10:00:00,000 - log_util.py[DEBUG]: Cloud-init v. 24.1 running 'modules:config' at Wed, 01 May 2024 10:00:00 +0000. Up 9.00 seconds.
                2024-05-01 10:00:00,100 - handlers.py[DEBUG]: start: modules-config/config-locale: running config-locale with frequency once-per-instance
                2024-05-01 10:00:00,110 - handlers.py[DEBUG]: start: modules-config/config-apt_configure: running config-apt_configure with frequency once-per-instance
                2024-05-01 10:00:00,500 - handlers.py[DEBUG]: finish: modules-config/config-apt_configure: SUCCESS: config-apt_configure ran successfully
                2024-05-01 10:00:01,100 - handlers.py[DEBUG]: finish: modules-config/config-locale: SUCCESS: config-locale ran successfully
                2024-05-01 10:00:01,200 - handlers.py[DEBUG]: start: modules-config/config-runcmd: running config-runcmd with frequency once-per-instance
                2024-05-01 10:00:01,300 - handlers.py[DEBUG]: finish: modules-config/config-runcmd: SUCCESS: config-runcmd ran successfully
                2024-05-01 10:00:01,400 - handlers.py[DEBUG]: finish: modules-config: SUCCESS: running modules for config
                """;
        assertEquals(0, run(AnalyzeTool.Mode.SHOW, "-", log, "-", AnalyzeTool.DEFAULT_FORMAT));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("""
                Starting stage: modules-config
                |`->config-locale ran successfully @00.10000s +01.00000s
                |`->config-apt_configure ran successfully @00.11000s +00.39000s
                |`->config-runcmd ran successfully @01.20000s +00.10000s
                Finished stage: (modules-config) 01.40000 seconds
                """), out.toString(StandardCharsets.UTF_8));
        out.reset();
        assertEquals(0, run(AnalyzeTool.Mode.BLAME, "-", log, "-", null));
        assertEquals("""
                -- Boot Record 01 --
                     01.00000s (modules-config/config-locale)
                     00.39000s (modules-config/config-apt_configure)
                     00.10000s (modules-config/config-runcmd)

                1 boot records analyzed
                """, out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void dumpWritesTheEventsAsJson() throws Exception {
        Path o = dir.resolve("events.json");
        assertEquals(0, run(AnalyzeTool.Mode.DUMP, log(BOOT).toString(), "", o.toString(), null));
        String json = Files.readString(o);
        assertTrue(json.startsWith("""
                [
                 {
                  "description": "starting search for local datasources",
                  "event_type": "start",
                  "name": "init-local",
                  "origin": "cloudinit",
                  "timestamp": 1714557600.1
                 },
                 {
                  "description": "attempting to read from cache [check]",
                  "event_type": "start",
                  "name": "init-local/check-cache",
                  "origin": "cloudinit",
                  "timestamp": 1714557600.12
                 },
                 {
                  "description": "no cache found",
                  "event_type": "finish",
                  "name": "init-local/check-cache",
                  "origin": "cloudinit",
                  "result": "SUCCESS",
                  "timestamp": 1714557600.125
                 },
                """), json);
        assertTrue(json.endsWith("}\n]\n"), json);
        // a dump is valid input for show
        out.reset();
        run(AnalyzeTool.Mode.SHOW, o.toString(), "", "-", AnalyzeTool.DEFAULT_FORMAT);
        assertEquals(SHOW_BOOT.formatted("01") + "1 boot records analyzed\n", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void syslogJournalAndAmazonLinesAreParsed() {
        LogEvents p = new LogEvents(2024, l -> {
            throw new AssertionError(l);
        });
        List<Map<String, Object>> e = p.parse("""
                Aug 29 22:55:26 test1 [CLOUDINIT] handlers.py[DEBUG]: finish: modules-final: SUCCESS: running modules for final
                Nov 03 06:51:06.074410 x2 cloud-init[106]: [CLOUDINIT] util.py[DEBUG]: Cloud-init v. 0.7.8 running 'modules:config' at Thu, 03 Nov 2016 06:51:06 +0000. Up 1.0 seconds.
                Apr 30 19:39:11 cloud-init[2673]: handlers.py[DEBUG]: start: init-local/check-cache: attempting to read from cache [check]
                """);
        assertEquals(3, e.size());
        assertEquals(Map.of("name", "modules-final", "description", "running modules for final", "timestamp",
                1724972126.0, "origin", "cloudinit", "event_type", "finish", "result", "SUCCESS"), e.get(0));
        assertEquals("modules-config", e.get(1).get("name"));
        assertEquals("running config modules", e.get(1).get("description"));
        assertEquals(1730616666.07441, (Double) e.get(1).get("timestamp"), 1e-6);
        assertEquals("init-local/check-cache", e.get(2).get("name"));
        assertEquals(1714505951.0, e.get(2).get("timestamp"));
    }

    @Test
    void badLinesAreSkippedWithANotice() {
        run(AnalyzeTool.Mode.DUMP, "-", "not-a-date - handlers.py[DEBUG]: start: x: y\n"
                + "2024-05-01 10:00:00,000 - util.py[DEBUG]: Running 'echo start: now'\n", "-", null);
        assertEquals("Skipping invalid entry\n", err.toString(StandardCharsets.UTF_8));
        assertEquals("[]\n", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void missingInputIsAnError() {
        assertEquals(1, run(AnalyzeTool.Mode.SHOW, dir.resolve("nope.log").toString(), "", "-", "%n"));
        assertEquals("Cannot open file " + dir.resolve("nope.log") + "\n", err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void emptyLogHasOneEmptyRecord() {
        run(AnalyzeTool.Mode.SHOW, "-", "", "-", AnalyzeTool.DEFAULT_FORMAT);
        assertTrue(out.toString(StandardCharsets.UTF_8).endsWith("\n\nTotal Time: 0.00000 seconds\n\n1 boot records analyzed\n"));
    }
}

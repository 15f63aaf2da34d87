package io.nubis.cc.timezone.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.nubis.api.config.ConfigException;
import io.nubis.api.module.ModuleException;
import io.nubis.testkit.Profiles;
import io.nubis.testkit.RecordingRunner;
import io.nubis.testkit.TempTarget;
import io.nubis.testkit.TestModuleContext;
import io.nubis.testkit.TreeSnapshot;

class TimezoneModuleTest {
    private static final String BERLIN = "TZif2 berlin\n";
    private static final String UTC = "TZif2 utc\n";

    @TempDir
    Path dir;

    private TempTarget target() {
        return TempTarget.in(dir)
                .file("/usr/share/zoneinfo/Europe/Berlin", BERLIN)
                .file("/usr/share/zoneinfo/UTC", UTC);
    }

    private TestModuleContext ctx(String distro, TempTarget t, RecordingRunner r, String yaml) {
        return TestModuleContext.builder("timezone").config(Profiles.config(Profiles.named(distro), yaml))
                .target(t).runner(r).profile(Profiles.named(distro)).build();
    }

    private void run(String distro, TempTarget t, String yaml) throws Exception {
        new TimezoneModule().run(ctx(distro, t, new RecordingRunner(t), yaml));
    }

    @ParameterizedTest
    @ValueSource(strings = {"debian", "ubuntu", "alpine", "freebsd"})
    void writesTheNameFileAndLinksLocaltime(String distro) throws Exception {
        TempTarget t = target();
        RecordingRunner r = new RecordingRunner(t);
        new TimezoneModule().run(ctx(distro, t, r, "timezone: Europe/Berlin\n"));
        assertEquals("Europe/Berlin\n", t.text("/etc/timezone"));
        assertEquals(0644, t.mode("/etc/timezone"));
        assertEquals(Path.of("/usr/share/zoneinfo/Europe/Berlin"), Files.readSymbolicLink(dir.resolve("etc/localtime")));
        assertEquals(List.of(), r.commandLines());
    }

    @ParameterizedTest
    @ValueSource(strings = {"debian", "alpine", "freebsd"})
    void copiesOverARegularLocaltime(String distro) throws Exception {
        TempTarget t = target().file("/etc/localtime", UTC, 0644);
        run(distro, t, "timezone: Europe/Berlin\n");
        assertFalse(Files.isSymbolicLink(dir.resolve("etc/localtime")));
        assertEquals(BERLIN, t.text("/etc/localtime"));
        assertEquals("Europe/Berlin\n", t.text("/etc/timezone"));
    }

    @Test
    void replacesAnExistingLink() throws Exception {
        TempTarget t = target().link("/etc/localtime", "/usr/share/zoneinfo/UTC");
        run("debian", t, "timezone: Europe/Berlin\n");
        assertEquals(Path.of("/usr/share/zoneinfo/Europe/Berlin"), Files.readSymbolicLink(dir.resolve("etc/localtime")));
        assertEquals(UTC, t.text("/usr/share/zoneinfo/UTC"), "the old zone file is untouched");
    }

    @Test
    void suseOnlyLinksLocaltimeEvenOverAFile() throws Exception {
        TempTarget t = target().file("/etc/localtime", UTC, 0644);
        run("suse", t, "timezone: Europe/Berlin\n");
        assertEquals(Path.of("/usr/share/zoneinfo/Europe/Berlin"), Files.readSymbolicLink(dir.resolve("etc/localtime")));
        assertFalse(t.exists("/etc/timezone"));
    }

    @Test
    void argumentOverridesConfig() throws Exception {
        TempTarget t = target();
        new TimezoneModule().run(TestModuleContext.builder("timezone")
                .config(Profiles.config(Profiles.named("debian"), "timezone: Europe/Berlin\n"))
                .target(t).args("UTC").build());
        assertEquals("UTC\n", t.text("/etc/timezone"));
    }

    @Test
    void skipsWithoutTimezone() throws Exception {
        TempTarget t = target();
        run("debian", t, "{}");
        assertFalse(t.exists("/etc/timezone"));
        assertFalse(t.exists("/etc/localtime"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"debian", "suse"})
    void secondRunChangesNothing(String distro) throws Exception {
        TempTarget t = target().file("/etc/hostname", "h\n");
        run(distro, t, "timezone: Europe/Berlin\n");
        Map<String, String> before = TreeSnapshot.of(dir);
        RecordingRunner r = new RecordingRunner(t);
        new TimezoneModule().run(TestModuleContext.builder("timezone")
                .config(Profiles.config(Profiles.named(distro), "timezone: Europe/Berlin\n"))
                .target(t).runner(r).updateMode(true).build());
        assertEquals(before, TreeSnapshot.of(dir));
        assertEquals(List.of(), r.commandLines());
    }

    @Test
    void secondRunWithACopiedLocaltimeChangesNothing() throws Exception {
        TempTarget t = target().file("/etc/localtime", UTC, 0644);
        run("debian", t, "timezone: Europe/Berlin\n");
        Map<String, String> before = TreeSnapshot.of(dir);
        run("debian", t, "timezone: Europe/Berlin\n");
        assertEquals(before, TreeSnapshot.of(dir));
    }

    @Test
    void unknownZoneIsAClearError() {
        TempTarget t = target();
        ModuleException e = assertThrows(ModuleException.class, () -> run("debian", t, "timezone: Mars/Olympus\n"));
        assertEquals("timezone: invalid timezone 'Mars/Olympus', no file found at /usr/share/zoneinfo/Mars/Olympus",
                e.getMessage());
        assertFalse(t.exists("/etc/timezone"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"../../etc/shadow", "/etc/passwd", "Europe/../../../etc/shadow", "Europe/Berlin\nx", "Europe//Berlin", "a b"})
    void hostileZonesAreRejected(String zone) {
        TempTarget t = target().file("/etc/shadow", "secret");
        ModuleException e = assertThrows(ModuleException.class,
                () -> new TimezoneModule().run(TestModuleContext.builder("timezone")
                        .config(Profiles.config(Profiles.named("debian"), "{}")).target(t).args(zone).build()));
        assertTrue(e.getMessage().startsWith("timezone: invalid timezone '"), e.getMessage());
        assertFalse(t.exists("/etc/timezone"));
        assertFalse(t.exists("/etc/localtime"));
    }

    @Test
    void aDirectoryIsNotAZone() {
        TempTarget t = target();
        ModuleException e = assertThrows(ModuleException.class, () -> run("debian", t, "timezone: Europe\n"));
        assertTrue(e.getMessage().contains("no file found at /usr/share/zoneinfo/Europe"), e.getMessage());
    }

    @Test
    void wrongTypeNamesTheKey() {
        TempTarget t = target();
        ConfigException e = assertThrows(ConfigException.class, () -> run("debian", t, "timezone: [Europe/Berlin]\n"));
        assertEquals("timezone", e.keyPath());
    }

    @Test
    void badFactsNameTheSystemInfoKey() {
        TempTarget t = target();
        ConfigException e = assertThrows(ConfigException.class,
                () -> run("debian", t, "timezone: UTC\nsystem_info: {timezone: {method: hardlink}}\n"));
        assertEquals("system_info.timezone.method", e.keyPath());
    }
}

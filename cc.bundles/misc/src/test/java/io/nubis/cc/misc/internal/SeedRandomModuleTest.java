package io.nubis.cc.misc.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.nubis.api.config.ConfigException;
import io.nubis.api.module.ModuleException;
import io.nubis.testkit.RecordingRunner;
import io.nubis.testkit.TempTarget;
import io.nubis.testkit.TestModuleContext;

class SeedRandomModuleTest {
    @TempDir
    Path dir;

    private void run(TempTarget t, RecordingRunner r, String yaml, Map<String, ?> instanceData) throws Exception {
        new SeedRandomModule().run(TestModuleContext.builder("seed_random").config(yaml).target(t).runner(r)
                .instanceData(instanceData).build());
    }

    @Test
    void appendsDataAndMetadataSeedThenRunsTheCommand() throws Exception {
        TempTarget t = TempTarget.in(dir).file("/var/seed", "old|").executable("/usr/bin/pollinate");
        RecordingRunner r = new RecordingRunner(t);
        run(t, r, "random_seed: {file: /var/seed, data: 'aGVsbG8=', encoding: base64, command: [pollinate, -q]}\n",
                Map.of("ds", Map.of("meta_data", Map.of("random_seed", "META"))));
        assertEquals("old|helloMETA", t.text("/var/seed"));
        assertEquals(List.of("pollinate -q"), r.commandLines());
        assertEquals(Map.of("RANDOM_SEED_FILE", "/var/seed"), r.commands().get(0).env());
    }

    @Test
    void defaultsToDevUrandomAndGzip() throws Exception {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(b)) {
            gz.write("zipped".getBytes());
        }
        TempTarget t = TempTarget.in(dir);
        RecordingRunner r = new RecordingRunner(t);
        String yaml = "random_seed: {data: !!binary " + Base64.getEncoder().encodeToString(b.toByteArray()) + ", encoding: gz}\n";
        run(t, r, yaml, Map.of());
        assertEquals("zipped", t.text("/dev/urandom"));
        assertEquals(0600, t.mode("/dev/urandom"));
        assertEquals(List.of(), r.commandLines());
    }

    @Test
    void missingCommandFailsOnlyWhenRequired() throws Exception {
        TempTarget t = TempTarget.in(dir);
        RecordingRunner r = new RecordingRunner(t);
        run(t, r, "random_seed: {command: [nosuch]}\n", Map.of());
        assertEquals(List.of(), r.commandLines());
        ModuleException e = assertThrows(ModuleException.class,
                () -> run(t, r, "random_seed: {command: [nosuch], command_required: true}\n", Map.of()));
        assertEquals("random_seed.command: command 'nosuch' not found but command_required is true", e.getMessage());
        ModuleException none = assertThrows(ModuleException.class,
                () -> run(t, r, "random_seed: {command_required: true}\n", Map.of()));
        assertTrue(none.getMessage().startsWith("random_seed.command: no command"), none.getMessage());
    }

    @Test
    void badInputNamesTheKey() {
        TempTarget t = TempTarget.in(dir);
        RecordingRunner r = new RecordingRunner(t);
        assertEquals("random_seed.encoding", assertThrows(ConfigException.class,
                () -> run(t, r, "random_seed: {data: x, encoding: rot13}\n", Map.of())).keyPath());
        assertEquals("random_seed.data", assertThrows(ConfigException.class,
                () -> run(t, r, "random_seed: {data: '%%%', encoding: base64}\n", Map.of())).keyPath());
        assertEquals("random_seed.data", assertThrows(ConfigException.class,
                () -> run(t, r, "random_seed: {data: notgzip, encoding: gzip}\n", Map.of())).keyPath());
        assertEquals("random_seed.file", assertThrows(ConfigException.class,
                () -> run(t, r, "random_seed: {file: dev/urandom, data: x}\n", Map.of())).keyPath());
        assertEquals("random_seed", assertThrows(ConfigException.class,
                () -> run(t, r, "random_seed: [x]\n", Map.of())).keyPath());
        assertFalse(t.exists("/dev/urandom"));
    }

    @Test
    void gzipBombsAreRefused() throws Exception {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(b)) {
            gz.write(new byte[SeedRandomModule.MAX_SEED + 10]);
        }
        TempTarget t = TempTarget.in(dir);
        String yaml = "random_seed: {data: !!binary " + Base64.getEncoder().encodeToString(b.toByteArray()) + ", encoding: gzip}\n";
        ConfigException e = assertThrows(ConfigException.class, () -> run(t, new RecordingRunner(t), yaml, Map.of()));
        assertTrue(e.getMessage().contains("decompresses to more than"), e.getMessage());
        assertFalse(t.exists("/dev/urandom"));
    }
}

package io.nubis.runtime.internal.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class OutputConfigTest {
    static final String D = "/var/log/cloud-init-output.log";

    @Test
    void readsTheReferenceForms() {
        assertEquals("/var/log/x.log", OutputConfig.path(Map.of("output", Map.of("all", "| tee -a /var/log/x.log")), "init", D));
        assertEquals("/var/log/i.log", OutputConfig.path(Map.of("output",
                Map.of("all", "| tee -a /var/log/x.log", "init", ">> /var/log/i.log")), "init", D));
        assertEquals("/var/log/c.log", OutputConfig.path(Map.of("output", Map.of("config", List.of("> /var/log/c.log",
                "&1"))), "config", D));
        assertEquals(D, OutputConfig.path(Map.of("output", Map.of("all", "| logger -t ci")), "final", D));
        assertEquals(D, OutputConfig.path(Map.of(), "final", D));
    }
}

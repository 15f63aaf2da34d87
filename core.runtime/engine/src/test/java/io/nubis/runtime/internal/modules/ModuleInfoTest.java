package io.nubis.runtime.internal.modules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.nubis.api.capability.Namespaces;
import io.nubis.api.module.Frequency;
import io.nubis.runtime.internal.plugin.PluginInfo;

class ModuleInfoTest {
    private static ModuleInfo of(Map<String, Object> props) {
        return ModuleInfo.of(new PluginInfo(Namespaces.MODULE, "ssh", 0, "io.nubis.cc.ssh", props, null));
    }

    @Test
    void readsTheServicePropertiesIncludingTheTouchedResources() {
        ModuleInfo m = of(Map.of("stage", "network", "frequency", "once-per-instance", "idempotent", false,
                "prepares", true, "after", new String[] {"users_groups"}, "touches", new String[] {"ssh", "users"}));
        assertEquals(List.of("ssh", "users"), m.touches());
        assertEquals(List.of("users_groups"), m.after());
        assertEquals(Frequency.PER_INSTANCE, m.frequency());
        assertTrue(m.prepares());
        assertEquals(List.of("locale"), of(Map.of("touches", "locale")).touches());
    }

    @Test
    void noTouchesPropertyMeansNoDeclaredResources() {
        assertEquals(List.of(), of(Map.of("stage", "config")).touches());
        assertEquals(List.of("all"), of(Map.of("stage", "config")).distros());
    }
}

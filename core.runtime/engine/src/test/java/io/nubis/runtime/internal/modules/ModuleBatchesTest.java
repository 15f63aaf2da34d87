package io.nubis.runtime.internal.modules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.nubis.api.module.Frequency;

class ModuleBatchesTest {
    static ModulePlanner.Planned planned(String name, List<String> touches, List<String> after, List<String> before) {
        ModuleInfo info = new ModuleInfo(name, "config", Frequency.PER_INSTANCE, false, List.of(), List.of("all"), after,
                before, "b." + name, null, false, touches);
        return new ModulePlanner.Planned(new ModuleEntry(name, null, List.of()), info, Frequency.PER_INSTANCE);
    }

    static ModulePlanner.Planned planned(String name, String... touches) {
        return planned(name, List.of(touches), List.of(), List.of());
    }

    static List<List<String>> names(List<List<ModulePlanner.Planned>> batches) {
        return batches.stream().map(b -> b.stream().map(ModulePlanner.Planned::name).toList()).toList();
    }

    @Test
    void consecutiveModulesWithDisjointResourcesShareABatch() {
        assertEquals(List.of(List.of("locale", "timezone", "apt")),
                names(ModuleBatches.of(List.of(planned("locale", "locale"), planned("timezone", "timezone"),
                        planned("apt", "packages", "console")))));
    }

    @Test
    void aModuleSharingAResourceWithAnyMemberStartsANewBatch() {
        assertEquals(List.of(List.of("a", "b"), List.of("c", "d")),
                names(ModuleBatches.of(List.of(planned("a", "users", "ssh"), planned("b", "locale"),
                        planned("c", "ssh"), planned("d", "timezone")))));
    }

    @Test
    void aModuleDeclaringNothingRunsAlone() {
        assertEquals(List.of(List.of("a"), List.of("bootcmd"), List.of("b", "c")),
                names(ModuleBatches.of(List.of(planned("a", "locale"), planned("bootcmd"), planned("b", "locale"),
                        planned("c", "timezone")))));
    }

    @Test
    void afterOrBeforeHintsBetweenModulesSplitBatchesWhicheverSideNamesTheOther() {
        assertEquals(List.of(List.of("a"), List.of("b")), names(ModuleBatches.of(List.of(planned("a", "locale"),
                planned("b", List.of("timezone"), List.of("a"), List.of())))));
        assertEquals(List.of(List.of("a"), List.of("b")), names(ModuleBatches.of(List.of(
                planned("a", List.of("locale"), List.of(), List.of("b")), planned("b", "timezone")))));
        assertEquals(List.of(List.of("a", "x"), List.of("b")), names(ModuleBatches.of(List.of(planned("a", "locale"),
                planned("x", "hosts"), planned("b", List.of("timezone"), List.of(), List.of("a"))))));
    }

    @Test
    void serialMakesEveryModuleABatchOfItsOwn() {
        assertEquals(List.of(List.of("a"), List.of("b")),
                names(ModuleBatches.serial(List.of(planned("a", "locale"), planned("b", "timezone")))));
    }

    @Test
    void theSystemConfigMayTurnParallelModulesOff() {
        assertTrue(ModuleBatches.parallelAllowed(Map.of()));
        assertTrue(ModuleBatches.parallelAllowed(null));
        assertTrue(ModuleBatches.parallelAllowed(Map.of("nubis", Map.of("parallel_modules", true))));
        assertTrue(ModuleBatches.parallelAllowed(Map.of("nubis", Map.of("schema_errors", "fatal"))));
        assertFalse(ModuleBatches.parallelAllowed(Map.of("nubis", Map.of("parallel_modules", false))));
    }
}

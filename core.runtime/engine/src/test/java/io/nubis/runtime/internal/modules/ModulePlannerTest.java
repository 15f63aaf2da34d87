package io.nubis.runtime.internal.modules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.nubis.api.module.Frequency;
import io.nubis.runtime.internal.merge.MergedConfig;
import io.nubis.runtime.internal.yaml.Yaml;

class ModulePlannerTest {
    static ModuleInfo info(String name, Frequency f, List<String> keys, List<String> distros, boolean idem,
            List<String> after, List<String> before) {
        return new ModuleInfo(name, "config", f, idem, keys, distros, after, before, "b." + name, null);
    }

    static MergedConfig cfg(String yaml) {
        return MergedConfig.of("test", Yaml.loadMapping(yaml, "test"));
    }

    @Test
    void parsesTheThreeItemForms() {
        List<String> problems = new ArrayList<>();
        List<ModuleEntry> e = ModuleEntry.parse("cloud_config_modules", Yaml.load(
                "- cc_write-files\n- [runcmd, always, a, 1]\n- {name: ntp, frequency: once, args: [x]}\n- ''\n- []\n"
                        + "- {frequency: once}\n- [[x]]\n- 'bad name!'\n- 7\n", "t"), problems::add);
        assertEquals(List.of(new ModuleEntry("write_files", null, List.of()),
                new ModuleEntry("runcmd", "always", List.of("a", "1")),
                new ModuleEntry("ntp", "once", List.of("x"))), e);
        assertEquals(List.of("cloud_config_modules[5]: a module mapping needs a 'name'",
                "cloud_config_modules[6][0]: expected a string, got a list",
                "cloud_config_modules[7]: invalid module name 'bad name!'",
                "cloud_config_modules[8]: expected a module name, a list or a mapping, got a number"), problems);
        problems.clear();
        assertEquals(List.of(), ModuleEntry.parse("x", Map.of("a", 1), problems::add));
        assertEquals(List.of("x: expected a list of modules, got a mapping"), problems);
    }

    @Test
    void filtersAndReportsWhatWasLeftOut() {
        Map<String, ModuleInfo> avail = new LinkedHashMap<>();
        avail.put("ntp", info("ntp", Frequency.PER_INSTANCE, List.of("ntp"), List.of("ubuntu", "debian"), true, List.of(), List.of()));
        avail.put("snap", info("snap", Frequency.PER_INSTANCE, List.of(), List.of("ubuntu"), false, List.of(), List.of()));
        avail.put("apk", info("apk", Frequency.PER_INSTANCE, List.of(), List.of("alpine"), false, List.of(), List.of()));
        avail.put("runcmd", info("runcmd", Frequency.PER_INSTANCE, List.of("runcmd"), List.of("all"), false, List.of(), List.of()));
        avail.put("locale", info("locale", Frequency.PER_INSTANCE, List.of(), List.of("all"), true, List.of(), List.of()));
        List<ModuleEntry> entries = ModuleEntry.parse("l", List.of("ntp", "snap", "apk", "runcmd", "locale",
                List.of("locale", "bogus"), "missing"), p -> { });
        List<String> warnings = new ArrayList<>();
        ModulePlanner.Plan p = ModulePlanner.plan(entries, avail, cfg("runcmd: [ls]\nunverified_modules: [apk]\n"),
                "debian", false, warnings::add);
        assertEquals(List.of("apk", "runcmd", "locale", "locale"),
                p.modules().stream().map(ModulePlanner.Planned::name).toList());
        assertEquals(List.of("missing"), p.notInAssembly());
        assertEquals(List.of("ntp"), p.inactive());
        assertEquals(List.of("snap"), p.unverified());
        assertEquals(List.of("apk"), p.forced());
        assertEquals(List.of("Config specified module locale has an unknown frequency bogus"), warnings);
        assertEquals(Frequency.PER_INSTANCE, p.modules().get(3).frequency());

        ModulePlanner.Plan u = ModulePlanner.plan(entries, avail, cfg("runcmd: [ls]\nntp: {}\n"), "debian", true,
                w -> { });
        assertEquals(List.of("ntp", "locale", "locale"), u.modules().stream().map(ModulePlanner.Planned::name).toList());
        assertEquals(List.of("runcmd"), u.notIdempotent());
    }

    @Test
    void ordersByHintsKeepingListOrderOtherwise() {
        Map<String, ModuleInfo> avail = new LinkedHashMap<>();
        avail.put("write_files", info("write_files", Frequency.PER_INSTANCE, List.of(), List.of("all"), false,
                List.of("users_groups"), List.of()));
        avail.put("a", info("a", Frequency.ALWAYS, List.of(), List.of("all"), false, List.of(), List.of()));
        avail.put("users_groups", info("users_groups", Frequency.PER_INSTANCE, List.of(), List.of("all"), false,
                List.of(), List.of()));
        avail.put("b", info("b", Frequency.ALWAYS, List.of(), List.of("all"), false, List.of(), List.of("a")));
        List<ModuleEntry> entries = ModuleEntry.parse("l", List.of("write_files", "a", "users_groups", "b"), p -> { });
        ModulePlanner.Plan p = ModulePlanner.plan(entries, avail, cfg("{}"), "debian", false, w -> { });
        assertEquals(List.of("users_groups", "write_files", "b", "a"),
                p.modules().stream().map(ModulePlanner.Planned::name).toList());
    }

    @Test
    void aCycleFallsBackToListOrderWithAWarning() {
        Map<String, ModuleInfo> avail = new LinkedHashMap<>();
        avail.put("x", info("x", Frequency.ALWAYS, List.of(), List.of("all"), false, List.of("y"), List.of()));
        avail.put("y", info("y", Frequency.ALWAYS, List.of(), List.of("all"), false, List.of("x"), List.of()));
        avail.put("z", info("z", Frequency.ALWAYS, List.of(), List.of("all"), false, List.of(), List.of()));
        List<String> warnings = new ArrayList<>();
        ModulePlanner.Plan p = ModulePlanner.plan(ModuleEntry.parse("l", List.of("x", "y", "z"), q -> { }), avail,
                cfg("{}"), "debian", false, warnings::add);
        assertEquals(List.of("z", "x", "y"), p.modules().stream().map(ModulePlanner.Planned::name).toList());
        assertEquals(List.of("Module ordering hints form a cycle among x, y; running them in list order"), warnings);
    }
}

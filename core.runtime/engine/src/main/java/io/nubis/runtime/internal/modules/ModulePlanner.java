package io.nubis.runtime.internal.modules;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import io.nubis.api.config.CloudConfig;
import io.nubis.api.module.Frequency;

/**
 * Plans a stage from its module list, reading module metadata only (no module class is loaded):
 * <ul>
 * <li>modules not in the assembly are skipped (an INFO line, not the reference's warning: an
 * assembly ships a subset on purpose);</li>
 * <li>modules whose activation {@code keys} are all absent from the merged config are
 * skipped;</li>
 * <li>modules whose {@code distros} exclude this distro are skipped unless listed in
 * {@code unverified_modules};</li>
 * <li>in update mode, only {@code idempotent} modules remain;</li>
 * <li>the frequency is the list entry's if valid (else a warning and the module's own);</li>
 * <li>the remaining modules keep the list order except where {@code after}/{@code before} hints
 * between modules of the same plan ask for another order (a stable topological sort; on a cycle
 * the list order wins and a warning names the modules).</li>
 * </ul>
 */
public final class ModulePlanner {
    private ModulePlanner() {
    }

    /**
     * A module to run.
     *
     * @param entry     the list entry
     * @param info      the module's metadata
     * @param frequency the frequency in force
     */
    public record Planned(ModuleEntry entry, ModuleInfo info, Frequency frequency) {
        /** Module name. */
        public String name() {
            return entry.name();
        }
    }

    /**
     * The plan and what was left out, for the log.
     *
     * @param modules       modules to run, in order
     * @param notInAssembly listed modules this assembly does not have
     * @param inactive      modules whose activation keys are all absent
     * @param unverified    modules not declared for this distro and skipped
     * @param forced        modules not declared for this distro but run through {@code unverified_modules}
     * @param notIdempotent modules left out of update mode
     */
    public record Plan(List<Planned> modules, List<String> notInAssembly, List<String> inactive,
            List<String> unverified, List<String> forced, List<String> notIdempotent) {
    }

    /**
     * Plans the entries.
     *
     * @param available  modules of the assembly by name
     * @param config     merged config (activation keys, {@code unverified_modules})
     * @param distro     {@code system_info.distro}
     * @param updateMode keep only idempotent modules
     * @param warnings   receives warnings (bad frequencies, ordering cycles)
     */
    public static Plan plan(List<ModuleEntry> entries, Map<String, ModuleInfo> available, CloudConfig config,
            String distro, boolean updateMode, Consumer<String> warnings) {
        List<String> overridden = unverifiedModules(config, warnings);
        List<Planned> planned = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        List<String> inactive = new ArrayList<>();
        List<String> unverified = new ArrayList<>();
        List<String> forced = new ArrayList<>();
        List<String> notIdempotent = new ArrayList<>();
        for (ModuleEntry e : entries) {
            ModuleInfo info = available.get(e.name());
            if (info == null) {
                missing.add(e.name());
                continue;
            }
            if (!info.keys().isEmpty() && info.keys().stream().noneMatch(k -> config.asMap().containsKey(k))) {
                inactive.add(e.name());
                continue;
            }
            if (!info.supports(distro)) {
                if (!overridden.contains(e.name())) {
                    unverified.add(e.name());
                    continue;
                }
                forced.add(e.name());
            }
            if (updateMode && !info.idempotent()) {
                notIdempotent.add(e.name());
                continue;
            }
            planned.add(new Planned(e, info, frequency(e, info, warnings)));
        }
        return new Plan(order(planned, warnings), missing, inactive, unverified, forced, notIdempotent);
    }

    private static Frequency frequency(ModuleEntry e, ModuleInfo info, Consumer<String> warnings) {
        if (e.frequency() == null) {
            return info.frequency();
        }
        try {
            return Frequency.of(e.frequency());
        } catch (IllegalArgumentException ex) {
            warnings.accept("Config specified module " + e.name() + " has an unknown frequency " + e.frequency());
            return info.frequency();
        }
    }

    private static List<String> unverifiedModules(CloudConfig config, Consumer<String> warnings) {
        Object v = config.asMap().get("unverified_modules");
        List<String> out = new ArrayList<>();
        if (v == null) {
            return out;
        }
        if (!(v instanceof List<?> l)) {
            warnings.accept("unverified_modules: expected a list of module names, got "
                    + io.nubis.api.config.Values.typeName(v));
            return out;
        }
        for (Object o : l) {
            if (o instanceof String s) {
                out.add(ModuleEntry.canonical(s));
            }
        }
        return out;
    }

    /** Stable topological order: each step takes the first module (in list order) whose predecessors ran. */
    static List<Planned> order(List<Planned> modules, Consumer<String> warnings) {
        int n = modules.size();
        List<Set<Integer>> preds = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            preds.add(new HashSet<>());
        }
        for (int i = 0; i < n; i++) {
            ModuleInfo a = modules.get(i).info();
            for (int j = 0; j < n; j++) {
                if (i == j) {
                    continue;
                }
                String b = modules.get(j).name();
                if (a.after().contains(b)) {
                    preds.get(i).add(j);
                }
                if (a.before().contains(b)) {
                    preds.get(j).add(i);
                }
            }
        }
        List<Planned> out = new ArrayList<>();
        boolean[] done = new boolean[n];
        for (int step = 0; step < n; step++) {
            int pick = -1;
            for (int i = 0; i < n && pick < 0; i++) {
                if (!done[i] && allDone(preds.get(i), done)) {
                    pick = i;
                }
            }
            if (pick < 0) {
                List<String> stuck = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    if (!done[i]) {
                        stuck.add(modules.get(i).name());
                    }
                }
                warnings.accept("Module ordering hints form a cycle among " + String.join(", ", stuck)
                        + "; running them in list order");
                for (int i = 0; i < n; i++) {
                    if (!done[i]) {
                        done[i] = true;
                        out.add(modules.get(i));
                    }
                }
                break;
            }
            done[pick] = true;
            out.add(modules.get(pick));
        }
        return out;
    }

    private static boolean allDone(Set<Integer> preds, boolean[] done) {
        for (int p : preds) {
            if (!done[p]) {
                return false;
            }
        }
        return true;
    }
}

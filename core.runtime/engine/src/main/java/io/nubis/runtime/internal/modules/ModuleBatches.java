package io.nubis.runtime.internal.modules;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Groups a plan's modules, in order, into batches that may run at the same time. A module joins
 * the batch before it only if it and every member declare {@code touches}, its resources are
 * disjoint from each member's, and no {@code after}/{@code before} hint links it to a member;
 * otherwise it starts a new batch. A module declaring no resources is always a batch of its own.
 */
public final class ModuleBatches {
    /**
     * The system-config setting that turns parallel modules off:
     * {@code nubis: {parallel_modules: false}}.
     */
    public static final String PARALLEL_SETTING = "parallel_modules";

    private ModuleBatches() {
    }

    /** The batches, in plan order; flattened they are the plan. */
    public static List<List<ModulePlanner.Planned>> of(List<ModulePlanner.Planned> modules) {
        List<List<ModulePlanner.Planned>> out = new ArrayList<>();
        List<ModulePlanner.Planned> current = null;
        for (ModulePlanner.Planned p : modules) {
            if (current != null && joins(current, p)) {
                current.add(p);
            } else {
                current = new ArrayList<>();
                current.add(p);
                out.add(current);
            }
        }
        return out;
    }

    /** Every module a batch of its own (serial execution). */
    public static List<List<ModulePlanner.Planned>> serial(List<ModulePlanner.Planned> modules) {
        List<List<ModulePlanner.Planned>> out = new ArrayList<>();
        for (ModulePlanner.Planned p : modules) {
            out.add(List.of(p));
        }
        return out;
    }

    /** True unless the system config sets {@code nubis: {parallel_modules: false}}. */
    public static boolean parallelAllowed(Map<String, Object> systemConfig) {
        return !(systemConfig != null && systemConfig.get("nubis") instanceof Map<?, ?> n
                && Boolean.FALSE.equals(n.get(PARALLEL_SETTING)));
    }

    private static boolean joins(List<ModulePlanner.Planned> batch, ModulePlanner.Planned p) {
        if (p.info().touches().isEmpty()) {
            return false;
        }
        for (ModulePlanner.Planned m : batch) {
            if (m.info().touches().isEmpty() || !Collections.disjoint(m.info().touches(), p.info().touches())
                    || ordered(m, p) || ordered(p, m)) {
                return false;
            }
        }
        return true;
    }

    /** True if {@code a} names {@code b} in its {@code after} or {@code before} hints. */
    private static boolean ordered(ModulePlanner.Planned a, ModulePlanner.Planned b) {
        return a.info().after().contains(b.name()) || a.info().before().contains(b.name());
    }
}

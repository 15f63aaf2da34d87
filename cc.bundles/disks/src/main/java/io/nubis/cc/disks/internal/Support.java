package io.nubis.cc.disks.internal;

import java.util.Map;

import io.nubis.api.config.Values;
import io.nubis.api.module.ModuleContext;

/** Small helpers shared by the disk modules. */
final class Support {
    /** Files whose presence means the target is a container: nothing there is ours to resize. */
    static final String[] CONTAINER_MARKERS = {"/run/systemd/container", "/.dockerenv", "/run/.containerenv"};

    private Support() {
    }

    /** {@code system_info.disks.<key>}, or the fallback. */
    static String diskFact(ModuleContext ctx, String key, String fallback) {
        Map<String, Object> si = ctx.config().map("system_info");
        Map<String, Object> disks = Values.asMap("system_info.disks", si.get("disks"));
        Object v = disks.get(key);
        return v == null ? fallback : Values.asString("system_info.disks." + key, v);
    }

    /** The container marker present in the target, or null. */
    static String containerMarker(ModuleContext ctx) {
        for (String m : CONTAINER_MARKERS) {
            if (ctx.target().exists(m)) {
                return m;
            }
        }
        return null;
    }
}

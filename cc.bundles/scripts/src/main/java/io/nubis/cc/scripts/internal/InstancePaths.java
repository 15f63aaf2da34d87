package io.nubis.cc.scripts.internal;

import java.util.Map;

import io.nubis.api.module.ModuleContext;

/**
 * Paths of the current instance directory: {@code <cloud_dir>/instances/<iid>/}, the directory
 * the engine's {@code <cloud_dir>/instance} symlink points to. {@code cloud_dir} comes from
 * {@code system_info.paths.cloud_dir}, else from the distro layout.
 */
final class InstancePaths {
    private InstancePaths() {
    }

    /** {@code <cloud_dir>} without a trailing slash. */
    static String cloudDir(ModuleContext ctx) {
        String dir = ctx.distro().layout().cloudDir();
        if (ctx.config().asMap().get("system_info") instanceof Map<?, ?> si && si.get("paths") instanceof Map<?, ?> p
                && p.get("cloud_dir") instanceof String c && c.startsWith("/")) {
            dir = c;
        }
        while (dir.length() > 1 && dir.endsWith("/")) {
            dir = dir.substring(0, dir.length() - 1);
        }
        return dir;
    }

    /** {@code <cloud_dir>/instances/<iid>} ({@code /} in the id becomes {@code _}). */
    static String instanceDir(ModuleContext ctx) {
        String iid = ctx.instanceId() == null ? "iid-datasource-none" : ctx.instanceId().replace('/', '_');
        return cloudDir(ctx) + "/instances/" + iid;
    }
}

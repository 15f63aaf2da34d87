package io.nubis.cc.packages.internal;

import java.util.Map;

import io.nubis.api.module.ModuleContext;

/** Small helpers for package_update_upgrade_install: system_info facts and the instance directory. */
final class Support {
    private Support() {
    }

    /** The merged {@code system_info} mapping, empty if absent. */
    static Map<String, Object> systemInfo(ModuleContext ctx) {
        return ctx.config().map("system_info");
    }

    /** {@code system_info.paths.cloud_dir}, else the layout's cloud dir, without a trailing slash. */
    static String cloudDir(ModuleContext ctx) {
        String dir = ctx.distro().layout().cloudDir();
        Object paths = systemInfo(ctx).get("paths");
        if (paths instanceof Map<?, ?> p && p.get("cloud_dir") instanceof String c && c.startsWith("/")) {
            dir = c;
        }
        while (dir.length() > 1 && dir.endsWith("/")) {
            dir = dir.substring(0, dir.length() - 1);
        }
        return dir;
    }

    /** The current instance's directory under cloud_dir ({@code /} in the iid becomes {@code _}). */
    static String instanceDir(ModuleContext ctx) {
        String iid = ctx.instanceId() == null ? "iid-datasource-none" : ctx.instanceId().replace('/', '_');
        return cloudDir(ctx) + "/instances/" + iid;
    }

    /** Semaphore content as the reference writes it: {@code "<pid>: <epoch seconds>\n"}. */
    static String semaphoreStamp() {
        long ms = System.currentTimeMillis();
        return ProcessHandle.current().pid() + ": " + (ms / 1000) + "." + String.format("%03d", ms % 1000) + "\n";
    }
}

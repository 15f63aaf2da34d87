package io.nubis.cc.packages.internal;

import java.util.Map;

import io.nubis.api.module.ModuleContext;

/** Small helpers for package_update_upgrade_install: system_info facts and the semaphore stamp. */
final class Support {
    private Support() {
    }

    /** The merged {@code system_info} mapping, empty if absent. */
    static Map<String, Object> systemInfo(ModuleContext ctx) {
        return ctx.config().map("system_info");
    }

    /** Semaphore content as the reference writes it: {@code "<pid>: <epoch seconds>\n"}. */
    static String semaphoreStamp() {
        long ms = System.currentTimeMillis();
        return ProcessHandle.current().pid() + ": " + (ms / 1000) + "." + String.format("%03d", ms % 1000) + "\n";
    }
}

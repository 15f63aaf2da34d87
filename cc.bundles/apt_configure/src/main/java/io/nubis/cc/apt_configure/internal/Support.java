package io.nubis.cc.apt_configure.internal;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;

import io.nubis.api.module.ModuleContext;
import io.nubis.api.module.ModuleException;
import io.nubis.api.target.FileAttributes;
import io.nubis.api.target.TargetRoot;

/** Small helpers for apt_configure: system_info facts, cloud_dir, change-aware writes. */
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

    /** Writes {@code content} unless the file already holds exactly that; true if it wrote. */
    static boolean writeIfChanged(TargetRoot target, String path, String content, FileAttributes attrs)
            throws IOException {
        Optional<String> old = target.readString(path);
        if (old.isPresent() && old.get().equals(content) && target.mode(path) == attrs.mode()) {
            return false;
        }
        target.writeString(path, content, attrs);
        return true;
    }

    /** Deletes a file if present; true if it did. */
    static boolean deleteIfPresent(TargetRoot target, String path) throws IOException {
        return target.exists(path) && target.delete(path);
    }

    /** Semaphore content as the reference writes it: {@code "<pid>: <epoch seconds>\n"}. */
    static String semaphoreStamp() {
        long ms = System.currentTimeMillis();
        return ProcessHandle.current().pid() + ": " + (ms / 1000) + "." + String.format("%03d", ms % 1000) + "\n";
    }

    /** Wraps an I/O failure naming what was being written. */
    static ModuleException ioFailure(String what, String path, IOException e) {
        return new ModuleException(what + ": cannot write " + path + ": " + e.getMessage(), e);
    }
}

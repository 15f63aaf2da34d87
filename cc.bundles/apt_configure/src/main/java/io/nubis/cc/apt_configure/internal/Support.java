package io.nubis.cc.apt_configure.internal;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;

import io.nubis.api.module.ModuleContext;
import io.nubis.api.module.ModuleException;
import io.nubis.api.target.FileAttributes;
import io.nubis.api.target.TargetRoot;

/** Small helpers for apt_configure: system_info facts, change-aware writes. */
final class Support {
    private Support() {
    }

    /** The merged {@code system_info} mapping, empty if absent. */
    static Map<String, Object> systemInfo(ModuleContext ctx) {
        return ctx.config().map("system_info");
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

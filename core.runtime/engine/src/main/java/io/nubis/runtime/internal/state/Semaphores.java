package io.nubis.runtime.internal.state;

import java.io.IOException;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.nubis.api.module.Frequency;
import io.nubis.api.target.FileAttributes;
import io.nubis.api.target.TargetRoot;
import io.nubis.runtime.internal.paths.CloudPaths;
import io.nubis.runtime.internal.pyjson.JsonWriter;

/**
 * The reference's file semaphores. A name has {@code -} replaced by {@code _}
 * ({@code config-write-files} is {@code config_write_files}). Per-instance semaphores are
 * {@code instances/<iid>/sem/NAME}, once semaphores {@code sem/NAME.once}; always has none.
 * Per-boot (a Nubis frequency) lives in the run directory, {@code <run>/sem/NAME.per-boot}, so it
 * is gone after a reboot. Content is {@code "<pid>: <time>\n"}. A semaphore is only written
 * after the work it guards succeeded.
 */
public final class Semaphores {
    private static final Logger LOG = LoggerFactory.getLogger("helpers");

    private final TargetRoot target;
    private final CloudPaths paths;
    private final String instanceId;

    /**
     * @param instanceId the current instance id, or null before one is known (per-instance
     *                   semaphores then count as never taken and cannot be written)
     */
    public Semaphores(TargetRoot target, CloudPaths paths, String instanceId) {
        this.target = target;
        this.paths = paths;
        this.instanceId = instanceId;
    }

    /** {@code -} to {@code _}, as the reference's {@code canon_sem_name}. */
    public static String canonical(String name) {
        return name.replace('-', '_');
    }

    /** The semaphore file of a name and frequency; empty for {@link Frequency#ALWAYS}. */
    public Optional<String> path(String name, Frequency freq) {
        return path(name, freq, canonical(name));
    }

    private Optional<String> path(String name, Frequency freq, String fileName) {
        switch (freq) {
            case ALWAYS:
                return Optional.empty();
            case ONCE:
                return Optional.of(paths.semDir() + "/" + fileName + "." + Frequency.ONCE_ID);
            case PER_BOOT:
                return Optional.of(paths.bootSemDir() + "/" + fileName + "." + Frequency.PER_BOOT_ID);
            case PER_INSTANCE:
            default:
                if (instanceId == null) {
                    return Optional.empty();
                }
                return Optional.of(paths.instance(instanceId).sem() + "/" + fileName);
        }
    }

    /** True if the semaphore is taken (a legacy name with {@code -} counts too). */
    public boolean hasRun(String name, Frequency freq) {
        Optional<String> p = path(name, freq);
        if (p.isEmpty()) {
            return false;
        }
        if (target.exists(p.get())) {
            return true;
        }
        String canon = canonical(name);
        if (!canon.equals(name)) {
            Optional<String> legacy = path(name, freq, name);
            if (legacy.isPresent() && target.exists(legacy.get())) {
                LOG.warn("{} has run without canonicalized name [{}]", name, canon);
                return true;
            }
        }
        return false;
    }

    /** Takes the semaphore: writes {@code "<pid>: <time>\n"}. Nothing for always. */
    public void mark(String name, Frequency freq) throws IOException {
        Optional<String> p = path(name, freq);
        if (p.isEmpty()) {
            if (freq == Frequency.PER_INSTANCE) {
                throw new IOException("cannot record " + name + " per instance: no instance id yet");
            }
            return;
        }
        target.writeString(p.get(), content(), FileAttributes.PUBLIC);
    }

    /** Releases the semaphore; true if one was removed. */
    public boolean clear(String name, Frequency freq) throws IOException {
        Optional<String> p = path(name, freq);
        return p.isPresent() && target.delete(p.get());
    }

    static String content() {
        return ProcessHandle.current().pid() + ": " + JsonWriter.floatRepr(System.currentTimeMillis() / 1000.0) + "\n";
    }
}

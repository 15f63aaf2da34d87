package io.nubis.runtime.internal.boot;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.nubis.api.exec.Command;
import io.nubis.api.exec.CommandException;
import io.nubis.api.exec.CommandResult;
import io.nubis.api.target.FileAttributes;
import io.nubis.runtime.internal.paths.CloudPaths;
import io.nubis.runtime.internal.state.Semaphores;

/**
 * The reference's {@code cloud-init-per}: runs a command once ({@code once}), once per instance
 * ({@code instance}) or every time ({@code always}), guarded by
 * {@code <cloud>/sem/bootper.NAME.once|always} or {@code <cloud>/instance/sem/bootper.NAME.instance}
 * ({@code -} in NAME becoming {@code _}; a legacy semaphore spelled with {@code -} is renamed).
 * The semaphore holds {@code "<exit code>\t<epoch seconds>\n"}. Unlike the reference, which
 * records the semaphore whatever the exit code, it is only written when the command succeeded,
 * so a failed {@code once} command is tried again at the next boot. The exit code is the command's.
 */
public final class PerRunner {
    /** The frequencies {@code cloud-init-per} accepts. */
    public static final List<String> FREQUENCIES = List.of("once", "instance", "always");

    private static final Logger LOG = LoggerFactory.getLogger("cloud-init-per");

    private final BootSession s;
    private final CloudPaths paths;

    public PerRunner(BootSession s) {
        this.s = s;
        this.paths = new CloudPaths(s.layout().cloudDir(), s.layout().runDir());
    }

    /** The semaphore path for a frequency and name. */
    public String semaphore(String freq, String name) {
        String base = "bootper." + Semaphores.canonical(name) + "." + freq;
        return "instance".equals(freq) ? paths.instanceLink() + "/sem/" + base : paths.semDir() + "/" + base;
    }

    /**
     * Runs the command unless its semaphore says it ran.
     *
     * @return the command's exit code, 0 if skipped
     */
    public int run(String freq, String name, List<String> command) throws IOException {
        if (!FREQUENCIES.contains(freq)) {
            throw new IllegalArgumentException("invalid frequency: " + freq + " (expected once, instance or always)");
        }
        if (name.contains("/")) {
            throw new IllegalArgumentException("name cannot contain a /");
        }
        if (command.isEmpty()) {
            throw new IllegalArgumentException("no command given");
        }
        String sem = semaphore(freq, name);
        String legacy = sem.substring(0, sem.lastIndexOf('/') + 1) + sem.substring(sem.lastIndexOf('/') + 1).replace('_', '-');
        if (!legacy.equals(sem) && s.target().exists(legacy) && !s.target().exists(sem)) {
            s.target().write(sem, s.target().read(legacy), FileAttributes.PUBLIC);
            s.target().delete(legacy);
        }
        if (!"always".equals(freq) && s.target().exists(sem)) {
            LOG.debug("{} already ran ({} exists)", name, sem);
            return 0;
        }
        CommandResult r;
        try {
            r = s.runner().run(Command.of(command));
        } catch (CommandException e) {
            r = e.result();
            if (r == null) {
                s.err().println(e.getMessage());
                return 127;
            }
        }
        s.out().write(r.stdout());
        s.err().write(r.stderr());
        s.out().flush();
        s.err().flush();
        int ret = r.exitCode();
        if (ret == 0) {
            long now = s.clock().now().getEpochSecond();
            s.target().writeString(sem, ret + "\t" + now + "\n", FileAttributes.PUBLIC);
        } else {
            LOG.warn("{} exited with {}; {} not recorded, so it runs again next time", name, ret, sem);
        }
        return ret;
    }

    /** The semaphore's content, if present. */
    public Optional<String> recorded(String freq, String name) throws IOException {
        return s.target().readString(semaphore(freq, name));
    }
}

package io.nubis.runtime.internal.status;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.nubis.api.target.TargetRoot;

/**
 * The real system: systemd is in use if the target has {@code /run/systemd/system}, the kernel
 * command line is the target's {@code /proc/cmdline}, and {@code systemctl} is run directly (no
 * command-runner stack: this is on the start-up path) only when the target is the running system
 * ({@code --root /}); for another root it fails, since that tree has no running systemd.
 */
public final class HostStatusEnvironment implements StatusEnvironment {
    private static final long SYSTEMCTL_TIMEOUT_SECONDS = 30;

    private final TargetRoot target;

    public HostStatusEnvironment(TargetRoot target) {
        this.target = target;
    }

    @Override
    public boolean usesSystemd() {
        return target.isDirectory("/run/systemd/system");
    }

    @Override
    public String kernelCmdline() {
        try {
            return target.readString("/proc/cmdline").orElse("").trim();
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    public String kernelCmdlineVariable() {
        String v = System.getenv("KERNEL_CMDLINE");
        return v == null ? "" : v;
    }

    @Override
    public String systemctl(List<String> args) throws IOException {
        if (!"/".equals(target.root().toString())) {
            throw new IOException("systemctl is not queried for a target root other than /");
        }
        List<String> argv = new ArrayList<>();
        argv.add("systemctl");
        argv.addAll(args);
        Process p = new ProcessBuilder(argv).redirectInput(ProcessBuilder.Redirect.INHERIT).start();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Thread errPump = new Thread(() -> copy(p.getErrorStream(), err), "systemctl-stderr");
        errPump.setDaemon(true);
        errPump.start();
        byte[] out = p.getInputStream().readAllBytes();
        try {
            if (!p.waitFor(SYSTEMCTL_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("systemctl " + String.join(" ", args) + " timed out");
            }
            errPump.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
        }
        if (p.exitValue() != 0) {
            throw new IOException(err.toString(StandardCharsets.UTF_8).trim());
        }
        return new String(out, StandardCharsets.UTF_8).trim();
    }

    private static void copy(InputStream in, ByteArrayOutputStream out) {
        try {
            in.transferTo(out);
        } catch (IOException e) {
            // the process went away; what was read is kept
        }
    }

    @Override
    public double bootEpoch() {
        double now = System.currentTimeMillis() / 1000.0;
        try {
            String uptime = Files.readString(Path.of("/proc/uptime")).trim();
            int sp = uptime.indexOf(' ');
            return now - Double.parseDouble(sp < 0 ? uptime : uptime.substring(0, sp));
        } catch (IOException | NumberFormatException e) {
            return now;
        }
    }
}

package io.nubis.runtime.internal.status;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A scripted system for status tests: answers systemctl from a table and records the calls. */
final class FakeStatusEnvironment implements StatusEnvironment {
    boolean systemd;
    String cmdline = "BOOT_IMAGE=/vmlinuz root=/dev/vda1 ro";
    String variable = "";
    double boot = 1_700_000_000.0;
    final Map<String, String> systemctl = new HashMap<>();
    final List<String> calls = new ArrayList<>();
    int pauses;

    @Override
    public boolean usesSystemd() {
        return systemd;
    }

    @Override
    public String kernelCmdline() {
        return cmdline;
    }

    @Override
    public String kernelCmdlineVariable() {
        return variable;
    }

    @Override
    public String systemctl(List<String> args) throws IOException {
        String key = String.join(" ", args);
        calls.add(key);
        String answer = systemctl.get(key);
        if (answer == null) {
            throw new IOException("Failed to connect to bus: No such file or directory");
        }
        return answer;
    }

    @Override
    public double bootEpoch() {
        return boot;
    }

    @Override
    public void pause(long millis) {
        pauses++;
    }
}

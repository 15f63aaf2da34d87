package io.nubis.adapter.netplan.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.nubis.api.distro.Step;
import io.nubis.api.target.TargetRoot;

/**
 * Ubuntu Core's stock netplan file, which snapd installs and which would make every
 * {@code en*} and {@code eth*} interface use DHCP beside the rendered config. Like the
 * reference, it is removed (with what netplan generated from it) only if it is exactly the
 * stock text.
 */
final class SnapdDefault {
    static final String PATH = "/etc/netplan/00-snapd-config.yaml";

    static final String CONTENT = """
            # This is the initial network config.
            # It can be overwritten by cloud-init or console-conf.
            network:
                version: 2
                ethernets:
                    all-en:
                        match:
                            name: "en*"
                        dhcp4: true
                    all-eth:
                        match:
                            name: "eth*"
                        dhcp4: true
            """;

    static final List<String> DERIVED = List.of(
            "/run/systemd/network/10-netplan-all-en.network",
            "/run/systemd/network/10-netplan-all-eth.network",
            "/run/systemd/generator/netplan.stamp");

    private SnapdDefault() {
    }

    /** Deletions of the stock file and its existing derived files, or none if it is absent or edited. */
    static List<Step> cleanup(TargetRoot target) {
        List<Step> steps = new ArrayList<>();
        try {
            if (target == null || !target.exists(PATH) || target.isDirectory(PATH)
                    || !Arrays.equals(target.read(PATH), CONTENT.getBytes(StandardCharsets.UTF_8))) {
                return steps;
            }
        } catch (IOException e) {
            return steps;
        }
        steps.add(new Step.Delete(PATH));
        for (String f : DERIVED) {
            if (target.exists(f) && !target.isDirectory(f)) {
                steps.add(new Step.Delete(f));
            }
        }
        return steps;
    }
}

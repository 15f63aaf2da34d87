package io.nubis.runtime.internal.boot;

import java.io.IOException;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.nubis.api.datasource.CrawledData;
import io.nubis.runtime.internal.AgentVersion;
import io.nubis.runtime.internal.paths.CloudPaths;
import io.nubis.runtime.internal.state.InstanceData;

/** Builds the instance data of a datasource and writes its files; returns what modules get. */
final class InstanceDataStep {
    private static final Logger LOG = LoggerFactory.getLogger("sources");

    private InstanceDataStep() {
    }

    /** Builds the instance data; writes the run-directory files unless {@code write} is false. */
    static Map<String, Object> build(BootSession s, Map<String, Object> sys, CrawledData d, String desc) {
        OsRelease os = OsRelease.read(s.target());
        String hostname = null;
        try {
            hostname = s.target().readString("/etc/hostname").map(String::strip).filter(h -> !h.isEmpty()).orElse(null);
        } catch (IOException e) {
            hostname = null;
        }
        String arch = System.getProperty("os.arch", "");
        String machine = switch (arch) {
            case "amd64" -> "x86_64";
            case "arm64" -> "aarch64";
            default -> arch;
        };
        InstanceData.SystemFacts facts = new InstanceData.SystemFacts(os.get("ID"), os.get("VERSION_ID"),
                os.get("VERSION_CODENAME"), s.distro().profile().variant(), hostname,
                System.getProperty("os.version", ""), machine, System.getProperty("os.name", "Linux"),
                System.getProperty("java.version", ""));
        return InstanceData.build(d, desc, sys, facts, BootSession.VERSION, AgentVersion.version());
    }

    /** Builds and writes instance-data.json, instance-data-sensitive.json and cloud-id. */
    static Map<String, Object> write(BootSession s, CloudPaths paths, Map<String, Object> sys, CrawledData d,
            String desc) {
        Map<String, Object> data = build(s, sys, d, desc);
        try {
            InstanceData.write(s.target(), paths, data);
        } catch (IOException e) {
            LOG.warn("Error persisting instance-data.json: {}", e.getMessage());
        }
        return data;
    }
}

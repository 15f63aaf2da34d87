package io.nubis.api.module;

import java.util.List;
import java.util.Map;

import org.slf4j.Logger;

import io.nubis.api.config.CloudConfig;
import io.nubis.api.distro.Distro;
import io.nubis.api.exec.CommandRunner;
import io.nubis.api.report.Reporter;
import io.nubis.api.target.TargetRoot;

/** What a running module may use. Every file operation and command goes through it. */
public interface ModuleContext {
    /** Module name ({@code users_groups}). */
    String name();

    /** Merged cloud-config (system config, vendor-data and user-data) with provenance. */
    CloudConfig config();

    /** Instance data: the datasource's metadata with the standardized {@code v1} keys. */
    Map<String, Object> instanceData();

    /** Current instance id ({@code iid-datasource-none} for the None datasource). */
    String instanceId();

    /** The filesystem the module converges; rooted at {@code /} on a real boot. */
    TargetRoot target();

    /** The one command runner; in plan mode it records instead of executing. */
    CommandRunner runner();

    /** The distro profile and its adapters. */
    Distro distro();

    /** Reporting for nested events. */
    Reporter reporter();

    /** Logger writing to cloud-init.log in the reference format; never log secrets. */
    Logger log();

    /** Frequency in force for this run (may differ from the declared one for {@code single}). */
    Frequency frequency();

    /** True when running in update mode, where only idempotent modules run. */
    boolean updateMode();

    /** Extra arguments given to {@code single --name M arg...}; empty otherwise. */
    List<String> args();

    /**
     * Writes a line to the console and to cloud-init-output.log (as the reference prints
     * fingerprints, final messages and random passwords), never to cloud-init.log.
     */
    void console(String line);

    /**
     * The agent's state directory, without a trailing slash: {@code system_info.paths.cloud_dir}
     * when it is an absolute path, else the distro layout's ({@code /var/lib/cloud}).
     */
    default String cloudDir() {
        String dir = distro().layout().cloudDir();
        if (config().asMap().get("system_info") instanceof Map<?, ?> si && si.get("paths") instanceof Map<?, ?> p
                && p.get("cloud_dir") instanceof String c && c.startsWith("/")) {
            dir = c;
        }
        while (dir.length() > 1 && dir.endsWith("/")) {
            dir = dir.substring(0, dir.length() - 1);
        }
        return dir;
    }

    /**
     * The current instance's directory, {@code <cloudDir>/instances/<iid>} ({@code /} in the id
     * becomes {@code _}), where the engine's {@code <cloudDir>/instance} link points.
     */
    default String instanceDir() {
        String iid = instanceId() == null ? "iid-datasource-none" : instanceId().replace('/', '_');
        return cloudDir() + "/instances/" + iid;
    }
}

package io.nubis.runtime.internal.net;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.nubis.api.capability.Attributes;
import io.nubis.api.target.TargetRoot;
import io.nubis.runtime.internal.plugin.PluginInfo;

/**
 * Chooses the network renderer as the reference's {@code renderers.select}: the first name in
 * {@code system_info.network.renderers} (else the reference's default priority) whose renderer
 * the assembly has and whose probe passes in the target, read from service properties alone.
 */
public final class RendererChoice {
    /** The reference's {@code DEFAULT_PRIORITY}. */
    public static final List<String> DEFAULT_PRIORITY =
            List.of("eni", "sysconfig", "netplan", "network-manager", "freebsd", "netbsd", "openbsd", "networkd");
    /** Where probe commands are looked for. */
    static final List<String> BIN_DIRS = List.of("/sbin", "/usr/sbin", "/bin", "/usr/bin", "/usr/local/sbin", "/usr/local/bin");
    private static final Logger LOG = LoggerFactory.getLogger("net.renderers");

    private RendererChoice() {
    }

    /** The renderer order the config asks for: {@code system_info.network.renderers}, else the default. */
    public static List<String> order(Map<String, Object> systemInfo) {
        if (systemInfo != null && systemInfo.get("network") instanceof Map<?, ?> net
                && net.get("renderers") instanceof List<?> l && !l.isEmpty()) {
            List<String> out = new ArrayList<>();
            for (Object o : l) {
                out.add(String.valueOf(o));
            }
            return out;
        }
        return DEFAULT_PRIORITY;
    }

    /**
     * The first available renderer in {@code order}.
     *
     * @throws NoRendererException naming the order and, for each name, why it was passed over
     */
    public static PluginInfo choose(Map<String, PluginInfo> renderers, List<String> order, TargetRoot target)
            throws NoRendererException {
        List<String> why = new ArrayList<>();
        for (String name : order) {
            PluginInfo p = renderers.get(name);
            if (p == null) {
                why.add(name + ": not in this assembly");
                continue;
            }
            Optional<String> missing = missing(p, target);
            if (missing.isPresent()) {
                why.add(name + ": " + missing.get());
                continue;
            }
            LOG.debug("Selected renderer '{}' from priority list: {}", name, order);
            return p;
        }
        throw new NoRendererException("No available network renderers found in " + order + ". Searched through list: "
                + String.join("; ", why));
    }

    /** What the renderer's probe misses in the target, if anything. */
    public static Optional<String> missing(PluginInfo p, TargetRoot target) {
        for (String cmd : p.list(Attributes.PROBE_COMMANDS)) {
            if (BIN_DIRS.stream().noneMatch(d -> target.exists(d + "/" + cmd))) {
                return Optional.of("command " + cmd + " not found");
            }
        }
        for (String f : p.list(Attributes.PROBE_FILES)) {
            if (!target.exists(f)) {
                return Optional.of(f + " not found");
            }
        }
        return Optional.empty();
    }

    /** No renderer is available. */
    public static final class NoRendererException extends Exception {
        private static final long serialVersionUID = 1L;

        NoRendererException(String message) {
            super(message);
        }
    }
}

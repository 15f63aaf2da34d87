package io.nubis.netconfig.internal;

import java.util.Map;
import java.util.function.UnaryOperator;

import org.osgi.annotation.bundle.Capability;
import org.osgi.service.component.annotations.Component;

import io.nubis.api.capability.Namespaces;
import io.nubis.api.net.NetworkConfigException;
import io.nubis.api.net.NetworkConfigReader;
import io.nubis.api.net.NetworkState;

/**
 * Reads network-config version 1 or 2, with or without its {@code network:} wrapper, into a
 * {@link NetworkState} filled as the reference fills its network state, and reports every
 * problem of a config at once, each with its key path.
 */
@Capability(namespace = Namespaces.NET_READER, name = NetworkConfigParser.NAME)
@Component(service = NetworkConfigReader.class, property = Namespaces.NET_READER + "=" + NetworkConfigParser.NAME)
public class NetworkConfigParser implements NetworkConfigReader {
    /** The reader's name in the {@code nubis.netreader} namespace, which the assemblies require. */
    static final String NAME = "default";

    /** For DS and for tests in other modules. */
    public NetworkConfigParser() {
    }

    @Override
    public NetworkState read(Map<String, Object> config, String origin, UnaryOperator<String> macToName)
            throws NetworkConfigException {
        Problems problems = new Problems();
        Values values = new Values(problems);
        String where = origin == null ? "network-config" : origin;
        if (config == null) {
            problems.add("", "the network config is empty");
            problems.throwIfAny(where);
        }
        Map<String, Object> cfg = config;
        if (config.containsKey("network")) {
            if (config.size() > 1) {
                for (String k : config.keySet()) {
                    if (!k.equals("network")) {
                        problems.add(k, "unknown key beside 'network'");
                    }
                }
            }
            cfg = values.map(config.get("network"), "network");
            if (cfg == null) {
                if (config.get("network") == null) {
                    problems.add("network", "is empty");
                }
                problems.throwIfAny(where);
            }
        }
        Object version = cfg.get("version");
        NetworkState state = null;
        if (version == null) {
            if ("disabled".equals(cfg.get("config"))) {
                return new NetworkState(1, java.util.List.of(), java.util.List.of(), null, cfg);
            }
            problems.add("version", "is missing (1 or 2)");
        } else if (Integer.valueOf(1).equals(version) || Long.valueOf(1).equals(version)) {
            state = new V1Reader(values).read(cfg);
        } else if (Integer.valueOf(2).equals(version) || Long.valueOf(2).equals(version)) {
            state = new V2Reader(values, macToName).read(cfg);
        } else {
            problems.add("version", "must be 1 or 2, not " + Values.describe(version));
        }
        problems.throwIfAny(where, cfg);
        return state;
    }
}

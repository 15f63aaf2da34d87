package io.nubis.api.net;

import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Reads network-config version 1 or 2 into a {@link NetworkState}. A service the engine
 * provides; datasources and tools use it to check the network config they produce.
 */
public interface NetworkConfigReader {
    /**
     * Reads a config.
     *
     * @param config    the config, with or without its {@code network:} wrapper
     * @param origin    where it came from, for messages ({@code /var/lib/cloud/seed/nocloud/network-config})
     * @param macToName the name of the present interface with a MAC address, or null if none has it
     *                  (version 2 {@code match: macaddress} definitions without {@code set-name})
     * @throws NetworkConfigException if it is not a usable config; every problem is listed
     */
    NetworkState read(Map<String, Object> config, String origin, UnaryOperator<String> macToName)
            throws NetworkConfigException;
}

package io.nubis.api.net;

import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Converts OpenStack's {@code network_data.json} (links, networks, services) into a
 * network-config version 1 mapping. A service the engine provides, for the OpenStack and
 * ConfigDrive datasources and for {@code devel net-convert -k network_data.json}.
 */
public interface NetworkDataConverter {
    /**
     * Converts.
     *
     * @param networkData the parsed {@code network_data.json}
     * @param macToName   the name of the present interface with a MAC address, or null
     * @throws NetworkConfigException if it cannot be converted; every problem names its key path
     */
    Map<String, Object> toNetworkConfig(Map<String, Object> networkData, UnaryOperator<String> macToName)
            throws NetworkConfigException;
}

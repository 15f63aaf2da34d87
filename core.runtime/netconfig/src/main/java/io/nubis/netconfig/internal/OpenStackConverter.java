package io.nubis.netconfig.internal;

import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.osgi.service.component.annotations.Component;

import io.nubis.api.capability.Namespaces;
import io.nubis.api.net.NetworkConfigException;
import io.nubis.api.net.NetworkDataConverter;

/** The {@link NetworkDataConverter} service: {@link OpenStackNetworkData} with its problems as exceptions. */
@Component(service = NetworkDataConverter.class, property = Namespaces.NET_READER + "=" + NetworkConfigParser.NAME)
public class OpenStackConverter implements NetworkDataConverter {
    @Override
    public Map<String, Object> toNetworkConfig(Map<String, Object> networkData, UnaryOperator<String> macToName)
            throws NetworkConfigException {
        try {
            return OpenStackNetworkData.toV1(networkData, macToName);
        } catch (IllegalArgumentException | ClassCastException e) {
            throw new NetworkConfigException("network_data.json",
                    List.of(new NetworkConfigException.Problem("", String.valueOf(e.getMessage()))));
        }
    }
}

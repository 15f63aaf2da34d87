package io.nubis.runtime.internal.ds;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.nubis.api.capability.Attributes;
import io.nubis.api.config.ConfigException;
import io.nubis.api.config.Values;
import io.nubis.runtime.internal.plugin.PluginInfo;

/**
 * The update events of the network scope a datasource supports and enables by default (its
 * {@code update.events} and {@code update.events.default} service properties), and which of them
 * the config allows, as the reference's {@code stages.update_event_enabled}: a
 * {@code updates: network: when: [...]} list replaces the datasource's defaults.
 *
 * @param supported the events the datasource can react to ({@code hotplug}...)
 * @param defaults  those enabled when the config does not say
 */
public record UpdateEvents(List<String> supported, List<String> defaults) {
    /** The event types of the {@code updates} schema. */
    public static final List<String> TYPES = List.of("boot-new-instance", "boot", "boot-legacy", "hotplug");
    /** The only scope: network. */
    public static final String NETWORK = "network";
    /** A datasource that declares none (NoCloud, None). */
    public static final UpdateEvents NONE = new UpdateEvents(List.of(), List.of());

    private static final Logger LOG = LoggerFactory.getLogger("stages");

    /** Copies the lists. */
    public UpdateEvents {
        supported = List.copyOf(supported);
        defaults = List.copyOf(defaults);
    }

    /** The events a {@code nubis.datasource} plug-in declares. */
    public static UpdateEvents of(PluginInfo p) {
        return new UpdateEvents(p.list(Attributes.UPDATE_EVENTS), p.list(Attributes.UPDATE_EVENTS_DEFAULT));
    }

    /**
     * The events allowed for the network scope: the config's {@code updates.network.when} if it
     * sets one, else the datasource's defaults. An unknown event type empties the scope, as in the
     * reference (a warning names the key and the value); a malformed {@code updates} is warned
     * about and ignored.
     *
     * @param cfg    the merged config
     * @param source where {@code updates} came from, for messages
     */
    public List<String> allowed(Map<String, Object> cfg, String source) {
        return userEvents(cfg, source).orElse(defaults);
    }

    /** Whether {@code event} is supported and allowed. */
    public boolean enabled(String event, Map<String, Object> cfg, String source) {
        List<String> allowed = allowed(cfg, source);
        if (supported.contains(event) && allowed.contains(event)) {
            LOG.debug("Allowed events: {{{}: {}}}", NETWORK, allowed);
            return true;
        }
        LOG.debug("Event Denied: scopes=['{}'] EventType={}", NETWORK, event);
        return false;
    }

    private static Optional<List<String>> userEvents(Map<String, Object> cfg, String source) {
        Object updates = cfg.get("updates");
        if (updates == null) {
            return Optional.empty();
        }
        try {
            Map<String, Object> scopes = Values.asMap("updates", updates);
            for (String scope : scopes.keySet()) {
                if (!scope.equals(NETWORK)) {
                    LOG.warn("{}: updates.{}: '{}' is not a valid EventScope! Update data will be ignored for '{}' scope",
                            source, scope, scope, scope);
                }
            }
            if (!scopes.containsKey(NETWORK)) {
                return Optional.empty();
            }
            Map<String, Object> network = Values.asMap("updates.network", scopes.get(NETWORK));
            if (!network.containsKey("when")) {
                throw new ConfigException("updates.network", "has no 'when' list");
            }
            List<String> events = new ArrayList<>();
            for (Object o : Values.asList("updates.network.when", network.get("when"))) {
                if (!(o instanceof String e) || !TYPES.contains(e)) {
                    LOG.warn("{}: updates.network.when: '{}' is not a valid EventType! Update data will be ignored"
                            + " for '{}' scope", source, o, NETWORK);
                    return Optional.of(List.of());
                }
                events.add(e);
            }
            return Optional.of(events);
        } catch (ConfigException e) {
            LOG.warn("{}: {}; the datasource's default update events apply", source, e.getMessage());
            return Optional.empty();
        }
    }
}

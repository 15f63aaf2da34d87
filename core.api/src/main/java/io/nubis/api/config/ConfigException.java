package io.nubis.api.config;

/** A config value has the wrong type or content; the message starts with the key path. */
public class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String keyPath;

    /**
     * @param keyPath dotted key path with list indexes ({@code users[2].groups})
     * @param problem what is wrong with the value
     */
    public ConfigException(String keyPath, String problem) {
        super(keyPath + ": " + problem);
        this.keyPath = keyPath;
    }

    /** The key path the problem is about. */
    public String keyPath() {
        return keyPath;
    }
}

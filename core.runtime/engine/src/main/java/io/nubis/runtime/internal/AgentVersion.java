package io.nubis.runtime.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The agent's version, and the cloud-init version it is compatible with. */
public final class AgentVersion {
    /** The cloud-init release whose interfaces Nubis reproduces. */
    public static final String CLOUD_INIT_COMPAT = "22.4";

    private static final String VERSION = load();

    private AgentVersion() {
    }

    /** Nubis's own version, from the build. */
    public static String version() {
        return VERSION;
    }

    private static String load() {
        Properties p = new Properties();
        try (InputStream in = AgentVersion.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // fall through to the default
        }
        return p.getProperty("version", "0.0.0");
    }
}

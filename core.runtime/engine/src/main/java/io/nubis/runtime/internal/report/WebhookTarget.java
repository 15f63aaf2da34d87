package io.nubis.runtime.internal.report;

import java.net.URI;
import java.util.Map;
import java.util.Objects;

/**
 * One {@code reporting:} webhook entry, validated: where to POST, how long to wait, how often to
 * retry and, when any OAuth key is set, how to sign.
 *
 * @param endpoint       the URL (http or https)
 * @param timeoutMillis  connect and read timeout per attempt
 * @param retries        extra attempts after the first
 * @param oauth          the signer, or null without OAuth keys
 * @param identity       what distinguishes two entries (endpoint, keys, options), for reuse
 */
record WebhookTarget(String endpoint, int timeoutMillis, int retries, OAuth1 oauth, String identity) {
    /** Timeout when the entry sets none (the reference has none; a boot must not hang forever). */
    static final double DEFAULT_TIMEOUT_SECONDS = 10;

    /**
     * Reads an entry.
     *
     * @throws IllegalArgumentException naming the bad key; the message holds no secret
     */
    static WebhookTarget of(Map<String, Object> config) {
        Object ep = config.get("endpoint");
        if (!(ep instanceof String endpoint) || endpoint.isBlank()) {
            throw new IllegalArgumentException("webhook reporting needs an 'endpoint' URL");
        }
        URI uri;
        try {
            uri = URI.create(endpoint.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("webhook 'endpoint' is not a URL: " + redact(endpoint));
        }
        if (uri.getScheme() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))
                || uri.getHost() == null) {
            throw new IllegalArgumentException("webhook 'endpoint' must be an http or https URL: " + redact(endpoint));
        }
        double timeout = number(config.get("timeout"), "timeout", DEFAULT_TIMEOUT_SECONDS);
        if (timeout <= 0) {
            throw new IllegalArgumentException("webhook 'timeout' must be more than 0 seconds");
        }
        double retries = number(config.get("retries"), "retries", 0);
        if (retries < 0 || retries != Math.floor(retries)) {
            throw new IllegalArgumentException("webhook 'retries' must be a whole number of at least 0");
        }
        String ck = string(config, "consumer_key");
        String cs = string(config, "consumer_secret");
        String tk = string(config, "token_key");
        String ts = string(config, "token_secret");
        OAuth1 oauth = null;
        OAuth1.Method method = OAuth1.Method.PLAINTEXT;
        if (config.get("signature_method") != null) {
            method = OAuth1.Method.parse(String.valueOf(config.get("signature_method")));
        }
        if (ck != null || cs != null || tk != null || ts != null) {
            oauth = new OAuth1(ck, cs, tk, ts, method);
        }
        String identity = endpoint.trim() + "\0" + timeout + "\0" + retries + "\0" + Objects.hash(ck, cs, tk, ts)
                + "\0" + method;
        return new WebhookTarget(endpoint.trim(), (int) Math.ceil(timeout * 1000), (int) retries, oauth, identity);
    }

    private static String string(Map<String, Object> config, String key) {
        Object v = config.get(key);
        return v == null ? null : String.valueOf(v);
    }

    private static double number(Object v, String key, double dflt) {
        if (v == null) {
            return dflt;
        }
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        try {
            return Double.parseDouble(String.valueOf(v).trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("webhook '" + key + "' must be a number, got '" + v + "'");
        }
    }

    /** The endpoint without user info, for messages. */
    static String redact(String endpoint) {
        int scheme = endpoint.indexOf("://");
        int at = endpoint.indexOf('@');
        int slash = endpoint.indexOf('/', scheme < 0 ? 0 : scheme + 3);
        if (scheme >= 0 && at > scheme && (slash < 0 || at < slash)) {
            return endpoint.substring(0, scheme + 3) + "<redacted>@" + endpoint.substring(at + 1);
        }
        return endpoint;
    }

    @Override
    public String toString() {
        return "webhook " + redact(endpoint);
    }
}

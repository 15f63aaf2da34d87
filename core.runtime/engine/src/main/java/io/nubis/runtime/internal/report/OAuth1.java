package io.nubis.runtime.internal.report;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * OAuth 1.0 request signing (RFC 5849) with the JDK only, for the webhook reporter. The header
 * has the parameters in oauthlib's order. {@code PLAINTEXT} is what the reference sends (MAAS
 * accepts only that); {@code HMAC-SHA1} signs method, URL and query parameters.
 */
public final class OAuth1 {
    /** Signature methods. */
    public enum Method {
        PLAINTEXT("PLAINTEXT"), HMAC_SHA1("HMAC-SHA1");

        private final String wire;

        Method(String wire) {
            this.wire = wire;
        }

        /** The {@code oauth_signature_method} value. */
        public String wire() {
            return wire;
        }

        /** Parses {@code PLAINTEXT} or {@code HMAC-SHA1} (any case). */
        public static Method parse(String s) {
            for (Method m : values()) {
                if (m.wire.equalsIgnoreCase(s.trim())) {
                    return m;
                }
            }
            throw new IllegalArgumentException("unknown OAuth signature method '" + s
                    + "' (PLAINTEXT or HMAC-SHA1)");
        }
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final String consumerKey;
    private final String consumerSecret;
    private final String tokenKey;
    private final String tokenSecret;
    private final Method method;
    private final LongSupplier clock;
    private final Supplier<String> nonces;

    public OAuth1(String consumerKey, String consumerSecret, String tokenKey, String tokenSecret, Method method) {
        this(consumerKey, consumerSecret, tokenKey, tokenSecret, method, () -> System.currentTimeMillis() / 1000,
                OAuth1::nonce);
    }

    OAuth1(String consumerKey, String consumerSecret, String tokenKey, String tokenSecret, Method method,
            LongSupplier clock, Supplier<String> nonces) {
        this.consumerKey = consumerKey == null ? "" : consumerKey;
        this.consumerSecret = consumerSecret == null ? "" : consumerSecret;
        this.tokenKey = tokenKey;
        this.tokenSecret = tokenSecret == null ? "" : tokenSecret;
        this.method = method;
        this.clock = clock;
        this.nonces = nonces;
    }

    private static String nonce() {
        byte[] b = new byte[15];
        RANDOM.nextBytes(b);
        StringBuilder sb = new StringBuilder();
        for (byte x : b) {
            sb.append(String.format("%02d", (x & 0xff) % 100));
        }
        return sb.toString();
    }

    /** The {@code Authorization} header value for a request. */
    public String header(String httpMethod, String url) {
        List<String[]> params = new ArrayList<>();
        params.add(new String[] {"oauth_nonce", nonces.get()});
        params.add(new String[] {"oauth_timestamp", Long.toString(clock.getAsLong())});
        params.add(new String[] {"oauth_version", "1.0"});
        params.add(new String[] {"oauth_signature_method", method.wire()});
        params.add(new String[] {"oauth_consumer_key", consumerKey});
        if (tokenKey != null && !tokenKey.isEmpty()) {
            params.add(new String[] {"oauth_token", tokenKey});
        }
        String key = escape(consumerSecret) + "&" + escape(tokenSecret);
        String signature = method == Method.PLAINTEXT ? key : hmacSha1(key, baseString(httpMethod, url, params));
        params.add(new String[] {"oauth_signature", signature});
        StringBuilder sb = new StringBuilder("OAuth ");
        for (int i = 0; i < params.size(); i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(params.get(i)[0]).append("=\"").append(escape(params.get(i)[1])).append('"');
        }
        return sb.toString();
    }

    /** The RFC 5849 section 3.4.1 signature base string. */
    static String baseString(String httpMethod, String url, List<String[]> oauthParams) {
        URI u = URI.create(url);
        String scheme = u.getScheme().toLowerCase(Locale.ROOT);
        String host = u.getHost().toLowerCase(Locale.ROOT);
        int port = u.getPort();
        boolean defaultPort = port < 0 || (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
        String path = u.getRawPath() == null || u.getRawPath().isEmpty() ? "/" : u.getRawPath();
        String base = scheme + "://" + host + (defaultPort ? "" : ":" + port) + path;
        TreeMap<String, List<String>> sorted = new TreeMap<>();
        for (String[] p : oauthParams) {
            sorted.computeIfAbsent(escape(p[0]), k -> new ArrayList<>()).add(escape(p[1]));
        }
        if (u.getRawQuery() != null) {
            for (String pair : u.getRawQuery().split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String k = decode(eq < 0 ? pair : pair.substring(0, eq));
                String v = eq < 0 ? "" : decode(pair.substring(eq + 1));
                sorted.computeIfAbsent(escape(k), x -> new ArrayList<>()).add(escape(v));
            }
        }
        StringBuilder norm = new StringBuilder();
        for (Map.Entry<String, List<String>> e : sorted.entrySet()) {
            List<String> values = new ArrayList<>(e.getValue());
            values.sort(null);
            for (String v : values) {
                if (norm.length() > 0) {
                    norm.append('&');
                }
                norm.append(e.getKey()).append('=').append(v);
            }
        }
        return httpMethod.toUpperCase(Locale.ROOT) + "&" + escape(base) + "&" + escape(norm.toString());
    }

    private static String hmacSha1(String key, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is not available", e);
        }
    }

    /** RFC 3986 percent-encoding of everything but unreserved characters. */
    static String escape(String s) {
        StringBuilder sb = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
                    || c == '_' || c == '~') {
                sb.append((char) c);
            } else {
                sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return sb.toString();
    }

    private static String decode(String s) {
        return java.net.URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
}

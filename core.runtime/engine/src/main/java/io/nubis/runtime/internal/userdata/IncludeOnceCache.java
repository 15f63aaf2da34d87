package io.nubis.runtime.internal.userdata;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Where {@code #include-once} keeps what it fetched, so that a URL is fetched once per instance
 * (the reference: {@code /var/lib/cloud/instance/data/urlcache/<md5 of the URL>}, mode 0600).
 */
public interface IncludeOnceCache {
    /** No cache: include-once behaves like include. */
    IncludeOnceCache NONE = new IncludeOnceCache() {
        @Override
        public Optional<byte[]> get(String url) {
            return Optional.empty();
        }

        @Override
        public void put(String url, byte[] content) {
            // nothing kept
        }
    };

    /** The cached content for a URL, if any. */
    Optional<byte[]> get(String url) throws IOException;

    /** Stores the content fetched for a URL (privately: it may hold secrets). */
    void put(String url, byte[] content) throws IOException;

    /** The cache file name for a URL: the MD5 of the URL text, in lower-case hex. */
    static String fileName(String url) {
        try {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            return HexFormat.of().formatHex(md5.digest(url.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is always available", e);
        }
    }
}

package io.nubis.adapter.networkmanager.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * The reference's connection UUIDs: name-based (version 5, SHA-1) UUIDs of the interface name
 * in the reference's fixed namespace, so a profile keeps its UUID across renders and
 * replaces the one the reference wrote.
 */
final class ConnectionUuid {
    /** The reference's namespace for cloud-init connections. */
    static final UUID NAMESPACE = UUID.fromString("a3924cb8-09e0-43e9-890b-77972a800108");

    private ConnectionUuid() {
    }

    static UUID of(String iface) {
        return v5(NAMESPACE, iface);
    }

    static UUID v5(UUID namespace, String name) {
        MessageDigest sha1;
        try {
            sha1 = MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-1", e);
        }
        ByteBuffer ns = ByteBuffer.allocate(16);
        ns.putLong(namespace.getMostSignificantBits()).putLong(namespace.getLeastSignificantBits());
        sha1.update(ns.array());
        byte[] hash = sha1.digest(name.getBytes(StandardCharsets.UTF_8));
        hash[6] = (byte) (hash[6] & 0x0f | 0x50);
        hash[8] = (byte) (hash[8] & 0x3f | 0x80);
        ByteBuffer b = ByteBuffer.wrap(hash, 0, 16);
        return new UUID(b.getLong(), b.getLong());
    }
}

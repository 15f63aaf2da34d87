package io.nubis.cc.ssh.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * A public key line ({@code type base64 [comment]}) decoded far enough to print what
 * {@code ssh-keygen -l} prints: bits, SHA256 fingerprint, comment and type label.
 *
 * @param type    key type from the line ({@code ssh-ed25519})
 * @param blob    decoded key blob
 * @param comment comment, empty if none
 */
record PublicKeyInfo(String type, byte[] blob, String comment) {

    /**
     * Parses a public key line.
     *
     * @throws IllegalArgumentException if the line has no type and base64 blob, or the blob's
     *                                  own type differs from the line's
     */
    static PublicKeyInfo parse(String line) {
        String[] f = line.trim().split("\\s+", 3);
        if (f.length < 2) {
            throw new IllegalArgumentException("not a public key line");
        }
        byte[] blob;
        try {
            blob = Base64.getDecoder().decode(f[1]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("public key is not valid base64");
        }
        String inner = new SshWire.Reader(blob).utf8();
        if (!inner.equals(f[0])) {
            throw new IllegalArgumentException("key type " + f[0] + " does not match the key data (" + inner + ")");
        }
        return new PublicKeyInfo(f[0], blob, f.length > 2 ? f[2].trim() : "");
    }

    /** {@code SHA256:<base64 without padding>}, as ssh-keygen prints. */
    String sha256() {
        return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest("SHA-256", blob));
    }

    /** Key size in bits as ssh-keygen reports it. */
    int bits() {
        SshWire.Reader r = new SshWire.Reader(blob);
        String t = r.utf8();
        if (t.startsWith("ssh-rsa")) {
            r.mpint();
            return r.mpint().bitLength();
        }
        if (t.startsWith("ssh-dss")) {
            return r.mpint().bitLength();
        }
        if (t.contains("nistp384")) {
            return 384;
        }
        if (t.contains("nistp521")) {
            return 521;
        }
        return 256;
    }

    /** ssh-keygen's type label: RSA, DSA, ECDSA, ED25519 (with -SK / -CERT suffixes). */
    String label() {
        String base;
        if (type.startsWith("ssh-rsa")) {
            base = "RSA";
        } else if (type.startsWith("ssh-dss")) {
            base = "DSA";
        } else if (type.startsWith("sk-ecdsa")) {
            base = "ECDSA-SK";
        } else if (type.startsWith("ecdsa")) {
            base = "ECDSA";
        } else if (type.startsWith("sk-ssh-ed25519")) {
            base = "ED25519-SK";
        } else if (type.startsWith("ssh-ed25519")) {
            base = "ED25519";
        } else {
            base = type.toUpperCase(java.util.Locale.ROOT);
        }
        return type.contains("-cert-") ? base + "-CERT" : base;
    }

    /** The line {@code ssh-keygen -l -f FILE} prints. */
    String fingerprintLine() {
        return bits() + " " + sha256() + " " + (comment.isEmpty() ? "no comment" : comment) + " (" + label() + ")";
    }

    /** Hex digest with colons between bytes, as the reference's authkey fingerprints table shows. */
    static String hexColons(String algorithm, byte[] data) throws NoSuchAlgorithmException {
        byte[] d = MessageDigest.getInstance(algorithm).digest(data);
        StringBuilder sb = new StringBuilder(d.length * 3);
        for (byte b : d) {
            if (sb.length() > 0) {
                sb.append(':');
            }
            sb.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
        }
        return sb.toString();
    }

    private static byte[] digest(String algorithm, byte[] data) {
        try {
            return MessageDigest.getInstance(algorithm).digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " missing from the JDK", e);
        }
    }
}

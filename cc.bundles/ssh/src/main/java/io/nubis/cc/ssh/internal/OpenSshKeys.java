package io.nubis.cc.ssh.internal;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.EdECPrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.RSAKeyGenParameterSpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

/**
 * Host keys made in-process with the JDK and written in OpenSSH's own formats: the private key
 * as {@code openssh-key-v1} (unencrypted, what {@code ssh-keygen} writes since OpenSSH 7.8) and
 * the public key as an {@code authorized_keys}-style line. Sizes match ssh-keygen's defaults:
 * RSA 3072 bits, ECDSA nistp256, Ed25519.
 */
final class OpenSshKeys {
    static final String BEGIN = "-----BEGIN OPENSSH PRIVATE KEY-----";
    static final String END = "-----END OPENSSH PRIVATE KEY-----";
    private static final byte[] MAGIC = "openssh-key-v1\0".getBytes(StandardCharsets.US_ASCII);
    private static final int RSA_BITS = 3072;
    private static final int LINE = 70;

    /** A generated key pair in file form. */
    record KeyFiles(String privateKey, String publicLine) {
    }

    private OpenSshKeys() {
    }

    /**
     * Generates a host key of a type the JDK can make ({@code rsa}, {@code ecdsa}, {@code ed25519}).
     *
     * @throws GeneralSecurityException if the JDK's providers lack the algorithm (then use ssh-keygen)
     */
    static KeyFiles generate(HostKeyType type, String comment, SecureRandom random) throws GeneralSecurityException {
        switch (type) {
            case RSA:
                return rsa(comment, random);
            case ECDSA:
                return ecdsa(comment, random);
            case ED25519:
                return ed25519(comment, random);
            default:
                throw new GeneralSecurityException("no in-process generator for " + type.id() + " keys");
        }
    }

    private static KeyFiles rsa(String comment, SecureRandom random) throws GeneralSecurityException {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(new RSAKeyGenParameterSpec(RSA_BITS, RSAKeyGenParameterSpec.F4), random);
        KeyPair kp = g.generateKeyPair();
        RSAPublicKey pub = (RSAPublicKey) kp.getPublic();
        RSAPrivateCrtKey priv = (RSAPrivateCrtKey) kp.getPrivate();
        String t = "ssh-rsa";
        byte[] blob = new SshWire.Writer().string(t).mpint(pub.getPublicExponent()).mpint(pub.getModulus()).bytes();
        // OpenSSH order: n, e, d, iqmp (= q^-1 mod p, the JDK's CRT coefficient), p, q
        byte[] fields = new SshWire.Writer().mpint(pub.getModulus()).mpint(pub.getPublicExponent())
                .mpint(priv.getPrivateExponent()).mpint(priv.getCrtCoefficient())
                .mpint(priv.getPrimeP()).mpint(priv.getPrimeQ()).bytes();
        return files(t, blob, fields, comment, random);
    }

    private static KeyFiles ecdsa(String comment, SecureRandom random) throws GeneralSecurityException {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"), random);
        KeyPair kp = g.generateKeyPair();
        ECPublicKey pub = (ECPublicKey) kp.getPublic();
        byte[] q = new byte[65];
        q[0] = 4;
        System.arraycopy(unsigned(pub.getW().getAffineX(), 32), 0, q, 1, 32);
        System.arraycopy(unsigned(pub.getW().getAffineY(), 32), 0, q, 33, 32);
        String t = "ecdsa-sha2-nistp256";
        byte[] blob = new SshWire.Writer().string(t).string("nistp256").string(q).bytes();
        byte[] fields = new SshWire.Writer().string("nistp256").string(q)
                .mpint(((ECPrivateKey) kp.getPrivate()).getS()).bytes();
        return files(t, blob, fields, comment, random);
    }

    private static KeyFiles ed25519(String comment, SecureRandom random) throws GeneralSecurityException {
        KeyPairGenerator g = KeyPairGenerator.getInstance("Ed25519");
        g.initialize(255, random);
        KeyPair kp = g.generateKeyPair();
        byte[] x509 = kp.getPublic().getEncoded();
        // SubjectPublicKeyInfo for Ed25519 is a 12-byte header followed by the raw 32-byte key
        if (x509.length != 44) {
            throw new GeneralSecurityException("unexpected Ed25519 public key encoding (" + x509.length + " bytes)");
        }
        byte[] pub = Arrays.copyOfRange(x509, 12, 44);
        byte[] seed = ((EdECPrivateKey) kp.getPrivate()).getBytes()
                .orElseThrow(() -> new GeneralSecurityException("Ed25519 private key has no extractable seed"));
        byte[] secret = new byte[64];
        System.arraycopy(seed, 0, secret, 0, 32);
        System.arraycopy(pub, 0, secret, 32, 32);
        String t = "ssh-ed25519";
        byte[] blob = new SshWire.Writer().string(t).string(pub).bytes();
        byte[] fields = new SshWire.Writer().string(pub).string(secret).bytes();
        Arrays.fill(seed, (byte) 0);
        Arrays.fill(secret, (byte) 0);
        return files(t, blob, fields, comment, random);
    }

    /** Both files: the private key in openssh-key-v1 form and the public line. */
    private static KeyFiles files(String type, byte[] blob, byte[] fields, String comment, SecureRandom random) {
        SshWire.Writer section = new SshWire.Writer();
        int check = random.nextInt();
        section.uint32(check).uint32(check).string(type).raw(fields).string(comment);
        // cipher "none" pads the private section to a multiple of 8 with bytes 1, 2, 3...
        for (int pad = 1; section.size() % 8 != 0; pad++) {
            section.raw(new byte[] {(byte) pad});
        }
        byte[] body = new SshWire.Writer().raw(MAGIC).string("none").string("none").string(new byte[0])
                .uint32(1).string(blob).string(section.bytes()).bytes();
        String b64 = Base64.getEncoder().encodeToString(body);
        StringBuilder pem = new StringBuilder(b64.length() + 100).append(BEGIN).append('\n');
        for (int i = 0; i < b64.length(); i += LINE) {
            pem.append(b64, i, Math.min(b64.length(), i + LINE)).append('\n');
        }
        pem.append(END).append('\n');
        String pubLine = type + " " + Base64.getEncoder().encodeToString(blob)
                + (comment.isEmpty() ? "" : " " + comment) + "\n";
        return new KeyFiles(pem.toString(), pubLine);
    }

    private static byte[] unsigned(BigInteger v, int len) {
        byte[] b = v.toByteArray();
        if (b.length == len) {
            return b;
        }
        byte[] out = new byte[len];
        if (b.length > len) {
            // a leading sign byte
            System.arraycopy(b, b.length - len, out, 0, len);
        } else {
            System.arraycopy(b, 0, out, len - b.length, b.length);
        }
        return out;
    }

    /**
     * The public key blob stored in the clear in an {@code openssh-key-v1} private key (encrypted
     * or not); empty for other formats (PEM RSA/EC keys), which need {@code ssh-keygen -y}.
     *
     * @throws IllegalArgumentException if the text claims the OpenSSH format but is malformed
     */
    static Optional<byte[]> publicBlobOf(String privateKey) {
        int b = privateKey.indexOf(BEGIN);
        int e = privateKey.indexOf(END);
        if (b < 0 || e < b) {
            return Optional.empty();
        }
        String b64 = privateKey.substring(b + BEGIN.length(), e).replaceAll("\\s", "");
        byte[] body = Base64.getDecoder().decode(b64);
        if (body.length < MAGIC.length || !Arrays.equals(Arrays.copyOf(body, MAGIC.length), MAGIC)) {
            throw new IllegalArgumentException("not an openssh-key-v1 key");
        }
        SshWire.Reader r = new SshWire.Reader(body, MAGIC.length);
        r.string();
        r.string();
        r.string();
        if (r.uint32() < 1) {
            throw new IllegalArgumentException("the key file holds no key");
        }
        return Optional.of(r.string());
    }

    /** The public line ({@code type base64 comment}) for a public key blob. */
    static String publicLine(byte[] blob, String comment) {
        String type = new SshWire.Reader(blob).utf8();
        return type + " " + Base64.getEncoder().encodeToString(blob) + (comment.isEmpty() ? "" : " " + comment) + "\n";
    }
}

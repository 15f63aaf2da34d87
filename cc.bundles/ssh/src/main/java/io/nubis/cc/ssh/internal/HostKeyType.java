package io.nubis.cc.ssh.internal;

import java.util.Optional;

/**
 * The host key types {@code ssh_genkeytypes} and {@code ssh_keys} accept. {@code dsa} is left to
 * ssh-keygen (OpenSSH 9.8 dropped it; the JDK route would write keys sshd no longer loads).
 */
enum HostKeyType {
    RSA("rsa", true),
    ECDSA("ecdsa", true),
    ED25519("ed25519", true),
    DSA("dsa", false);

    private final String id;
    private final boolean inProcess;

    HostKeyType(String id, boolean inProcess) {
        this.id = id;
        this.inProcess = inProcess;
    }

    /** Name in config and in file names ({@code ed25519}). */
    String id() {
        return id;
    }

    /** Whether the JDK generator can make it. */
    boolean inProcess() {
        return inProcess;
    }

    /** {@code /etc/ssh/ssh_host_<type>_key}. */
    String privateFile() {
        return "/etc/ssh/ssh_host_" + id + "_key";
    }

    /** {@code /etc/ssh/ssh_host_<type>_key.pub}. */
    String publicFile() {
        return privateFile() + ".pub";
    }

    /** {@code /etc/ssh/ssh_host_<type>_key-cert.pub}. */
    String certificateFile() {
        return privateFile() + "-cert.pub";
    }

    /** The type for a config name, if known. */
    static Optional<HostKeyType> of(String name) {
        for (HostKeyType t : values()) {
            if (t.id.equals(name)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}

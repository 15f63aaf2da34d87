package io.nubis.cc.ssh.internal;

import io.nubis.api.distro.DistroProfile;
import java.util.Map;

/** Fixed keys made with ssh-keygen (OpenSSH 9.2) and what ssh-keygen -l says about them. */
final class Fixtures {
    static final String ED = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIFkDm0Gt+0tzsgVVMJNF+oHE28oe9Sk+JOO8VitcCKzo root@fixture";
    static final String ED_FP = "256 SHA256:1YkkNclZ6592hxCcGF2CKeMkyROBzJulZ5BvJ/TLyz0 root@fixture (ED25519)";
    static final String EC = "ecdsa-sha2-nistp256 AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYAAAAIbmlzdHAyNTYAAABBBOmyAl/PPTiFkepqnpUBylY4vNBdEb/"
            + "Q4BNQK8WgORNdNy3eXpWJolwZ2TJMLCR7ikfbH6rfQ7j84vOEhJ/83nA= root@fixture";
    static final String EC_FP = "256 SHA256:auQRcPpIzgo135hspmna0kz7k7v0l/z5mD1pNht263w root@fixture (ECDSA)";
    static final String RSA = "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAAAgQCzxrIUZEJPldDHt4vQvjOufBtalCvayNcBw4jglRWRVq9Ls8vGh9mB1q0FXTce8"
            + "SatjXqBiwO70J747jwIJ5m/EcOJAVDQkcRgZacPtR2oJrxTFR28WBVz6VcWTtYHSQEtnWVoY6Dhl22fLYG0b5kNsrLpkmF1TYV5OHaueOusAw=="
            + " alice@laptop";
    static final String RSA_FP = "1024 SHA256:+ikL1sJcGjAGZt8NlylkRlm6/9vwKUT5HVG7dydpogc alice@laptop (RSA)";

    private Fixtures() {
    }

    /** A profile with the given name for the logical service {@code ssh}. */
    static DistroProfile profile(String sshService) {
        return new DistroProfile() {
            @Override
            public String name() {
                return "test";
            }

            @Override
            public String family() {
                return "test";
            }

            @Override
            public String variant() {
                return "test";
            }

            @Override
            public String defaultConfig() {
                return "";
            }

            @Override
            public Map<String, String> serviceNames() {
                return Map.of("ssh", sshService);
            }
        };
    }
}

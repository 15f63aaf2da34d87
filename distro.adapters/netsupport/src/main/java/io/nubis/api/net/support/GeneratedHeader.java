package io.nubis.api.net.support;

/**
 * The comment the reference writes at the top of the network files it generates from the
 * datasource's config (ENI, netplan), in the two spellings its distros use.
 */
public final class GeneratedHeader {
    /** Debian's and Ubuntu's: two spaces after each full stop. */
    public static final String TWO_SPACES = """
            # This file is generated from information provided by the datasource.  Changes
            # to it will not persist across an instance reboot.  To disable cloud-init's
            # network configuration capabilities, write a file
            # /etc/cloud/cloud.cfg.d/99-disable-network-config.cfg with the following:
            # network: {config: disabled}
            """;

    /** Alpine's and Mariner's: one space after each full stop. */
    public static final String ONE_SPACE = """
            # This file is generated from information provided by the datasource. Changes
            # to it will not persist across an instance reboot. To disable cloud-init's
            # network configuration capabilities, write a file
            # /etc/cloud/cloud.cfg.d/99-disable-network-config.cfg with the following:
            # network: {config: disabled}
            """;

    private GeneratedHeader() {
    }
}

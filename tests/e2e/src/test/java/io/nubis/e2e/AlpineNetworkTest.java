package io.nubis.e2e;

/**
 * The network scenarios in the Alpine-like root: busybox's ifup and ip, the ENI renderer's busybox
 * dialect in {@code /etc/network/interfaces}, no persistent-net rules (mdev has none), and mdev's
 * hotplug environment.
 */
class AlpineNetworkTest extends NetworkScenarios {
    @Override
    String namespace() {
        return "nbe2ealp";
    }

    @Override
    Machine buildRoot() {
        return Machine.build("alpine-root.sh", "alpine", "alpine-net");
    }

    @Override
    String eniPath() {
        return "/etc/network/interfaces";
    }

    @Override
    String rulesPath() {
        return null;
    }

    @Override
    String hookEnvironment(String action) {
        return "ACTION=" + action + " DEVPATH=/devices/virtual/net/eth3 MDEV=eth3 SUBSYSTEM=net";
    }
}

package io.nubis.adapter.sysconfig.internal;

import static io.nubis.testkit.NetIface.of;
import static io.nubis.testkit.NetIface.physical;
import static io.nubis.testkit.NetStates.dynamic;
import static io.nubis.testkit.NetStates.state;
import static io.nubis.testkit.NetStates.static4;
import static io.nubis.testkit.NetStates.static6;
import static io.nubis.testkit.NetStates.withControl;
import static io.nubis.testkit.NetStates.withRaw;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.nubis.api.net.InterfaceType;
import io.nubis.api.net.Subnet;
import io.nubis.testkit.NetIface;

class SuseIfcfgTest {
    private static final String HEADER = "# Created by cloud-init on instance boot automatically, do not edit.\n#\n";

    private static String render(NetIface... ifaces) {
        StringBuilder sb = new StringBuilder();
        SuseIfcfg.of(state(ifaces)).forEach((name, vars) -> sb.append("[").append(name).append("]\n")
                .append(vars.render().substring(HEADER.length())));
        return sb.toString();
    }

    @Test
    void bootprotoCombinesDhcpFamiliesInOrder() {
        assertEquals("[a]\nBOOTPROTO=dhcp\nDHCLIENT6_MODE=managed\nSTARTMODE=auto\n"
                + "[b]\nBOOTPROTO=dhcp\nDHCLIENT6_MODE=managed\nSTARTMODE=auto\n"
                + "[c]\nBOOTPROTO=dhcp6\nDHCLIENT6_MODE=info\nSTARTMODE=auto\n"
                + "[d]\nBOOTPROTO=dhcp4\nSTARTMODE=auto\n"
                + "[e]\nBOOTPROTO=dhcp\nSTARTMODE=auto\n",
                render(physical("a").subnets(dynamic("dhcp4"), dynamic("dhcp6")),
                        physical("b").subnets(dynamic("dhcp6"), dynamic("dhcp4")),
                        physical("c").subnets(dynamic("ipv6_slaac")),
                        physical("d").subnets(dynamic("dhcp4")),
                        physical("e").subnets(dynamic("dhcp"))));
    }

    @Test
    void staticAddressesAreNumberedPerFamily() {
        assertEquals("[eth0]\nBOOTPROTO=static\nIPADDR=10.0.0.1\nIPADDR1=10.1.0.1\nIPADDR6=2001:db8::1/64\n"
                + "IPADDR6_1=2001:db8::2/64\nIPADDR6_2=2001:db8::3/80\nLLADDR=02:00:00:00:00:01\n"
                + "NETMASK=255.255.255.0\nNETMASK1=255.255.0.0\nSTARTMODE=auto\n",
                render(physical("eth0").mac("02:00:00:00:00:01").subnets(static4("10.0.0.1", 24, "10.0.0.254"),
                        static6("2001:db8::1", 64, null), static4("10.1.0.1", 16, null), static6("2001:db8::2", 64, null),
                        static6("2001:db8::3", 80, null))));
    }

    @Test
    void manualControlAndSubnetMtu() {
        Subnet mtu = withRaw(withControl(static4("10.0.0.2", 8, null), "manual"), Map.of("type", "static", "mtu", 1400));
        assertEquals("[eth0]\nBOOTPROTO=static\nIPADDR=10.0.0.2\nMTU=1400\nNETMASK=255.0.0.0\nSTARTMODE=manual\n",
                render(physical("eth0").subnets(mtu)));
    }

    @Test
    void bondOptionsInTheReferenceOrderWithCommaSeparatedTargets() {
        NetIface bond = of("bond0", InterfaceType.BOND).mac("02:00:00:00:00:09").members("eth1", "eth0")
                .params(Map.of("bond-arp-ip-target", List.of("10.0.0.1", "10.0.0.2"), "bond_mode", "active-backup",
                        "bond-miimon", 100, "bond-arp-interval", 500))
                .subnets(dynamic("dhcp4"));
        assertEquals("[eth0]\nBOOTPROTO=none\nSTARTMODE=hotplug\n"
                + "[eth1]\nBOOTPROTO=none\nSTARTMODE=hotplug\n"
                + "[bond0]\nBONDING_MASTER=yes\nBONDING_MODULE_OPTS=\"mode=active-backup miimon=100 arp_interval=500 "
                + "arp_ip_target=10.0.0.1,10.0.0.2\"\nBONDING_SLAVE_0=eth0\nBONDING_SLAVE_1=eth1\nBOOTPROTO=dhcp4\n"
                + "LLADDR=02:00:00:00:00:09\nSTARTMODE=auto\n",
                render(physical("eth0"), physical("eth1"), bond));
    }

    @Test
    void theBridgeIsMarkedAsBridgeWithItsMacAsLladdrAndItsPortsAreLeftAlone() {
        NetIface br = of("br0", InterfaceType.BRIDGE).mac("02:00:00:00:00:0b").members("eth0", "eth1")
                .params(Map.of("bridge_stp", false, "bridge_bridgeprio", 4096, "bridge_fd", 0)).subnets(dynamic("dhcp"));
        assertEquals("[eth0]\nBOOTPROTO=static\nSTARTMODE=auto\n"
                + "[eth1]\nBOOTPROTO=static\nSTARTMODE=auto\n"
                + "[br0]\nBOOTPROTO=dhcp\nBRIDGE=yes\nBRIDGE_PORTS=\"eth0 eth1\"\nBRIDGE_PRIORITY=4096\nBRIDGE_STP=off\n"
                + "LLADDR=02:00:00:00:00:0b\nSTARTMODE=auto\n",
                render(physical("eth0"), physical("eth1"), br));
    }

    @Test
    void aVlansDeviceIsItsLinkWhateverItsName() {
        assertEquals("[eth0]\nBOOTPROTO=static\nSTARTMODE=auto\n"
                + "[storage]\nBOOTPROTO=dhcp4\nETHERDEVICE=eth0\nSTARTMODE=auto\nVLAN_ID=30\n",
                render(physical("eth0"), of("storage", InterfaceType.VLAN).vlan("eth0", 30).subnets(dynamic("dhcp4"))));
    }

    @Test
    void wakeOnLanIsSusesEthtoolOptions() {
        NetIface wol = physical("eth0").mtu(1500).acceptRa(true).wakeOnLan();
        assertEquals("[eth0]\nBOOTPROTO=static\nETHTOOL_OPTIONS=\"wol g\"\nMTU=1500\nSTARTMODE=auto\n", render(wol));
    }

    @Test
    void loopbackHasNoFile() {
        assertFalse(SuseIfcfg.of(state(of("lo", InterfaceType.LOOPBACK))).containsKey("lo"));
    }

    @Test
    void anUnknownSubnetTypeIsAnError() {
        assertThrows(IllegalArgumentException.class, () -> render(physical("eth0").subnets(dynamic("pppoe"))));
    }
}

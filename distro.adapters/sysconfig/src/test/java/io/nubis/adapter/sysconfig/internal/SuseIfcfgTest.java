package io.nubis.adapter.sysconfig.internal;

import static io.nubis.adapter.sysconfig.internal.States.dynamic;
import static io.nubis.adapter.sysconfig.internal.States.iface;
import static io.nubis.adapter.sysconfig.internal.States.of;
import static io.nubis.adapter.sysconfig.internal.States.physical;
import static io.nubis.adapter.sysconfig.internal.States.v4;
import static io.nubis.adapter.sysconfig.internal.States.v6;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.nubis.api.net.Dns;
import io.nubis.api.net.InterfaceType;
import io.nubis.api.net.Match;
import io.nubis.api.net.NetInterface;
import io.nubis.api.net.Subnet;

class SuseIfcfgTest {
    private static final String HEADER = "# Created by cloud-init on instance boot automatically, do not edit.\n#\n";

    private static String render(NetInterface... ifaces) {
        StringBuilder sb = new StringBuilder();
        SuseIfcfg.of(of(ifaces)).forEach((name, vars) -> sb.append("[").append(name).append("]\n")
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
                render(physical("a", null, dynamic("dhcp4"), dynamic("dhcp6")),
                        physical("b", null, dynamic("dhcp6"), dynamic("dhcp4")),
                        physical("c", null, dynamic("ipv6_slaac")),
                        physical("d", null, dynamic("dhcp4")),
                        physical("e", null, dynamic("dhcp"))));
    }

    @Test
    void staticAddressesAreNumberedPerFamily() {
        assertEquals("[eth0]\nBOOTPROTO=static\nIPADDR=10.0.0.1\nIPADDR1=10.1.0.1\nIPADDR6=2001:db8::1/64\n"
                + "IPADDR6_1=2001:db8::2/64\nIPADDR6_2=2001:db8::3/80\nLLADDR=02:00:00:00:00:01\n"
                + "NETMASK=255.255.255.0\nNETMASK1=255.255.0.0\nSTARTMODE=auto\n",
                render(physical("eth0", "02:00:00:00:00:01", v4("10.0.0.1", 24, "10.0.0.254"),
                        v6("2001:db8::1", 64, null), v4("10.1.0.1", 16, null), v6("2001:db8::2", 64, null),
                        v6("2001:db8::3", 80, null))));
    }

    @Test
    void manualControlAndSubnetMtu() {
        Subnet mtu = new Subnet("static", "10.0.0.2", 8, "255.0.0.0", null, Dns.NONE, List.of(), "manual",
                Map.of("type", "static", "mtu", 1400));
        assertEquals("[eth0]\nBOOTPROTO=static\nIPADDR=10.0.0.2\nMTU=1400\nNETMASK=255.0.0.0\nSTARTMODE=manual\n",
                render(physical("eth0", null, mtu)));
    }

    @Test
    void bondOptionsInTheReferenceOrderWithCommaSeparatedTargets() {
        NetInterface bond = iface("bond0", InterfaceType.BOND, "02:00:00:00:00:09", List.of("eth1", "eth0"),
                Map.of("bond-arp-ip-target", List.of("10.0.0.1", "10.0.0.2"), "bond_mode", "active-backup",
                        "bond-miimon", 100, "bond-arp-interval", 500),
                dynamic("dhcp4"));
        assertEquals("[eth0]\nBOOTPROTO=none\nSTARTMODE=hotplug\n"
                + "[eth1]\nBOOTPROTO=none\nSTARTMODE=hotplug\n"
                + "[bond0]\nBONDING_MASTER=yes\nBONDING_MODULE_OPTS=\"mode=active-backup miimon=100 arp_interval=500 "
                + "arp_ip_target=10.0.0.1,10.0.0.2\"\nBONDING_SLAVE_0=eth0\nBONDING_SLAVE_1=eth1\nBOOTPROTO=dhcp4\n"
                + "LLADDR=02:00:00:00:00:09\nSTARTMODE=auto\n",
                render(physical("eth0", null), physical("eth1", null), bond));
    }

    @Test
    void theBridgeIsMarkedAsBridgeWithItsMacAsLladdrAndItsPortsAreLeftAlone() {
        NetInterface br = iface("br0", InterfaceType.BRIDGE, "02:00:00:00:00:0b", List.of("eth0", "eth1"),
                Map.of("bridge_stp", false, "bridge_bridgeprio", 4096, "bridge_fd", 0), dynamic("dhcp"));
        assertEquals("[eth0]\nBOOTPROTO=static\nSTARTMODE=auto\n"
                + "[eth1]\nBOOTPROTO=static\nSTARTMODE=auto\n"
                + "[br0]\nBOOTPROTO=dhcp\nBRIDGE=yes\nBRIDGE_PORTS=\"eth0 eth1\"\nBRIDGE_PRIORITY=4096\nBRIDGE_STP=off\n"
                + "LLADDR=02:00:00:00:00:0b\nSTARTMODE=auto\n",
                render(physical("eth0", null), physical("eth1", null), br));
    }

    @Test
    void aVlansDeviceIsItsLinkWhateverItsName() {
        assertEquals("[eth0]\nBOOTPROTO=static\nSTARTMODE=auto\n"
                + "[storage]\nBOOTPROTO=dhcp4\nETHERDEVICE=eth0\nSTARTMODE=auto\nVLAN_ID=30\n",
                render(physical("eth0", null), States.vlan("storage", "eth0", 30, dynamic("dhcp4"))));
    }

    @Test
    void wakeOnLanIsSusesEthtoolOptions() {
        NetInterface wol = new NetInterface("eth0", InterfaceType.PHYSICAL, null, 1500, true, true, false, Match.NONE,
                List.of(), List.of(), null, null, Map.of(), Dns.NONE, Map.of());
        assertEquals("[eth0]\nBOOTPROTO=static\nETHTOOL_OPTIONS=\"wol g\"\nMTU=1500\nSTARTMODE=auto\n", render(wol));
    }

    @Test
    void loopbackHasNoFile() {
        assertFalse(SuseIfcfg.of(of(iface("lo", InterfaceType.LOOPBACK, null, List.of(), Map.of()))).containsKey("lo"));
    }

    @Test
    void anUnknownSubnetTypeIsAnError() {
        assertThrows(IllegalArgumentException.class, () -> render(physical("eth0", null, dynamic("pppoe"))));
    }

    @Test
    void netmasks() {
        assertEquals("0.0.0.0", SuseIfcfg.netmask(0));
        assertEquals("255.255.255.255", SuseIfcfg.netmask(32));
        assertEquals("255.255.240.0", SuseIfcfg.netmask(20));
        assertEquals("128.0.0.0", SuseIfcfg.netmask(1));
    }
}

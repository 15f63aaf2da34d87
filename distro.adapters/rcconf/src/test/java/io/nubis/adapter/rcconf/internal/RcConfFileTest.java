package io.nubis.adapter.rcconf.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class RcConfFileTest {
    private static final String KEYS = RcConfFile.KEYS_MARK + " ";
    private static final String NAMES = RcConfFile.NAMES_MARK + " ";

    private static RcConfKeys want(String... keyValues) {
        RcConfKeys k = new RcConfKeys();
        for (int i = 0; i < keyValues.length; i += 2) {
            if (RcConfKeys.SHARED.contains(keyValues[i])) {
                k.add(keyValues[i], keyValues[i + 1]);
            } else {
                k.put(keyValues[i], keyValues[i + 1]);
            }
        }
        return k;
    }

    @Test
    void appendsToAFileWithoutNetworkKeys() {
        String text = "hostname=\"bsd\"\nsshd_enable=\"YES\"\n";
        assertEquals("hostname=\"bsd\"\nsshd_enable=\"YES\"\n" + KEYS + "ifconfig_em0 defaultrouter\n"
                        + "ifconfig_em0=DHCP\ndefaultrouter=192.0.2.1\n",
                RcConfFile.parse(text).merge(want("ifconfig_em0", "DHCP", "defaultrouter", "192.0.2.1")));
    }

    @Test
    void createsAMissingFile() {
        assertEquals(KEYS + "ifconfig_em0\nifconfig_em0=DHCP\n", RcConfFile.parse("").merge(want("ifconfig_em0", "DHCP")));
    }

    @Test
    void replacesExistingKeysInPlaceAndKeepsEverythingElse() {
        String text = "# installer\nhostname=\"bsd\"\n\nifconfig_em0=\"DHCP\" # first NIC\n"
                + "ifconfig_em0_ipv6=\"inet6 accept_rtadv\"\nsshd_enable=\"YES\"\n";
        assertEquals("# installer\nhostname=\"bsd\"\n\nifconfig_em0='inet 192.0.2.5 netmask 255.255.255.0' # first NIC\n"
                        + "ifconfig_em0_ipv6=\"inet6 accept_rtadv\"\nsshd_enable=\"YES\"\n"
                        + KEYS + "ifconfig_em0\n",
                RcConfFile.parse(text).merge(want("ifconfig_em0", "inet 192.0.2.5 netmask 255.255.255.0")));
    }

    @Test
    void removesItsOwnKeysThatAreNoLongerWantedAndKeepsTheMarkerInPlace() {
        String text = "hostname=bsd\n" + KEYS + "ifconfig_em0 ifconfig_em1 defaultrouter\n"
                + "ifconfig_em0=DHCP\nifconfig_em1=DHCP\ndefaultrouter=192.0.2.1\nsshd_enable=YES\n";
        assertEquals("hostname=bsd\n" + KEYS + "ifconfig_em0\nifconfig_em0=DHCP\nsshd_enable=YES\n",
                RcConfFile.parse(text).merge(want("ifconfig_em0", "DHCP")));
    }

    @Test
    void anEmptyStateRemovesEverythingItWrote() {
        String text = "hostname=bsd\n" + KEYS + "ifconfig_em0 cloned_interfaces=lagg0\n" + NAMES + "bond0=lagg0\n"
                + "cloned_interfaces=lagg0\nifconfig_em0=DHCP\n";
        assertEquals("hostname=bsd\n", RcConfFile.parse(text).merge(new RcConfKeys()));
        assertEquals("", RcConfFile.parse(KEYS + "ifconfig_em0\nifconfig_em0=DHCP\n").merge(new RcConfKeys()));
    }

    @Test
    void sharedListsKeepOtherElements() {
        String text = "cloned_interfaces=\"tap0 lagg0 bridge3\"\n" + KEYS + "cloned_interfaces=lagg0 ifconfig_lagg0\n"
                + "ifconfig_lagg0=up\n";
        RcConfFile file = RcConfFile.parse(text);
        assertEquals(List.of("tap0", "bridge3"), file.foreignElements("cloned_interfaces"));
        assertEquals("cloned_interfaces='tap0 bridge3 bridge0'\n" + KEYS + "cloned_interfaces=bridge0 ifconfig_bridge0\n"
                + "ifconfig_bridge0=up\n", file.merge(want("cloned_interfaces", "bridge0", "ifconfig_bridge0", "up")));
        assertEquals("cloned_interfaces=\"${cloned_interfaces} tap0 lagg0\"\n" + KEYS + "cloned_interfaces=lagg0\n",
                RcConfFile.parse("cloned_interfaces=\"${cloned_interfaces} tap0\"\n")
                        .merge(want("cloned_interfaces", "lagg0")));
    }

    @Test
    void aSharedListLeftEmptyLosesItsLines() {
        String text = "static_routes=net0:em0\n" + KEYS + "static_routes=net0:em0 route_net0\nroute_net0='-net 10.0.0.0/8 192.0.2.1'\n";
        assertEquals("", RcConfFile.parse(text).merge(new RcConfKeys()));
    }

    @Test
    void everyLineAssigningAWantedKeyIsReplaced() {
        String text = "defaultrouter=10.0.0.1\ndefaultrouter=10.0.0.2\n";
        assertEquals("defaultrouter=192.0.2.1\ndefaultrouter=192.0.2.1\n" + KEYS + "defaultrouter\n",
                RcConfFile.parse(text).merge(want("defaultrouter", "192.0.2.1")));
    }

    @Test
    void readsItsMarkers() {
        RcConfFile file = RcConfFile.parse("ifconfig_vtnet0=DHCP\nroute_net0=x\n" + KEYS + "ifconfig_lagg0 cloned_interfaces=lagg0\n"
                + NAMES + "bond0=lagg0 br0=bridge0\nifconfig_lagg0=up\n");
        assertEquals(Map.of("bond0", "lagg0", "br0", "bridge0"), file.renamed());
        assertEquals(Set.of("ifconfig_vtnet0", "route_net0"), file.foreignKeys());
    }

    @Test
    void writesTheNamesMarker() {
        RcConfKeys k = want("cloned_interfaces", "lagg0", "ifconfig_lagg0", "up");
        k.renamed(Map.of("bond0", "lagg0"));
        assertEquals(KEYS + "cloned_interfaces=lagg0 ifconfig_lagg0\n" + NAMES + "bond0=lagg0\n"
                + "cloned_interfaces=lagg0\nifconfig_lagg0=up\n", RcConfFile.parse("").merge(k));
    }
}

package io.nubis.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The network corpus and its deviations are well formed (runs everywhere, without root). */
class NetCorpusTest {
    @TempDir
    Path tmp;

    @Test
    void corpusHasFortyCasesOfBothInputKinds() throws Exception {
        List<NetCorpusCase> cases = NetCorpusCase.load(NetConformanceTest.CORPUS);
        assertTrue(cases.size() >= 40, "network corpus has " + cases.size() + " cases");
        Set<String> kinds = cases.stream().map(NetCorpusCase::inputKind).collect(Collectors.toSet());
        assertEquals(Set.of("yaml", "network_data.json"), kinds);
        for (NetCorpusCase c : cases) {
            if (c.inputKind().equals("yaml")) {
                String text = Files.readString(c.input());
                assertTrue(text.matches("(?s).*version: [12]\\b.*"), c.name() + " states no network config version");
                assertTrue(c.name().matches("\\d\\d-v[12]-.*"), c.name() + ": YAML cases are named NN-v1-... or NN-v2-...");
                assertTrue(text.contains("version: " + c.name().charAt(4)), c.name() + ": version differs from the name");
            } else {
                assertTrue(c.name().matches("\\d\\d-openstack-.*"), c.name());
                assertFalse(c.macs().isEmpty(), c.name() + ": OpenStack cases name their NICs with a macs file");
            }
        }
    }

    @Test
    void caseNumbersAreUnique() throws Exception {
        List<String> numbers = NetCorpusCase.load(NetConformanceTest.CORPUS).stream().map(c -> c.name().substring(0, 2)).toList();
        assertEquals(numbers.size(), Set.copyOf(numbers).size(), "duplicate case numbers: " + numbers);
    }

    @Test
    void bothSidesGetTheSameFlags() throws Exception {
        NetCorpusCase c = NetCorpusCase.load(NetConformanceTest.CORPUS).stream()
                .filter(x -> x.name().equals("49-openstack-bond-vlan")).findFirst().orElseThrow();
        assertEquals(List.of("-p", "/in", "-k", "network_data.json", "-d", "/out", "-D", "opensuse", "-O", "sysconfig",
                "-m", "eno1,3c:fd:fe:a1:b2:01", "-m", "eno2,3c:fd:fe:a1:b2:02"), c.convertArgs("/in", "/out", NetKind.SYSCONFIG));
        assertEquals("ubuntu", NetKind.NETPLAN.distro());
        assertEquals(List.of(NetKind.ENI, NetKind.NETWORKD), NetKind.selected("networkd, eni"));
    }

    @Test
    void malformedCasesAreRejected() throws Exception {
        Path d = Files.createDirectories(tmp.resolve("01-v1-x"));
        Files.writeString(d.resolve("description"), "x\n");
        assertTrue(assertThrows(java.io.IOException.class, () -> NetCorpusCase.read(d)).getMessage().contains("exactly one"));
        Files.writeString(d.resolve("network-config"), "version: 1\nconfig: []\n");
        Files.writeString(d.resolve("macs"), "eth0,52:54:00:AA:00:01\n");
        assertTrue(assertThrows(java.io.IOException.class, () -> NetCorpusCase.read(d)).getMessage().contains("lower case"));
        Files.writeString(d.resolve("macs"), "eth0,52:54:00:aa:00:01\n");
        assertEquals(List.of("eth0,52:54:00:aa:00:01"), NetCorpusCase.read(d).macs());
        Files.writeString(d.resolve("notes"), "x");
        assertTrue(assertThrows(java.io.IOException.class, () -> NetCorpusCase.read(d)).getMessage().contains("unexpected file notes"));
        Files.delete(d.resolve("notes"));
        Files.writeString(d.resolve("network-config"), "version: [1\n");
        assertTrue(assertThrows(java.io.IOException.class, () -> NetCorpusCase.read(d)).getMessage().contains("does not parse"));
    }

    @Test
    void deviationsNameExistingCasesAndDocSections() throws Exception {
        Set<String> names = NetCorpusCase.load(NetConformanceTest.CORPUS).stream().map(NetCorpusCase::name).collect(Collectors.toSet());
        NetDeviations d = NetDeviations.load(NetConformanceTest.CORPUS.resolve("deviations.yaml"), NetConformanceTest.REPO);
        for (NetDeviations.Deviation x : d.all()) {
            assertTrue(names.stream().anyMatch(x::appliesToCase), "deviation matches no case: " + x);
            assertTrue(x.doc().startsWith("docs/compatibility/network-conformance.md#"), "deviations are explained in network-conformance.md: " + x);
        }
    }
}

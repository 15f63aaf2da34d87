package io.nubis.runtime.internal.ds;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.nubis.runtime.internal.config.KernelCmdline;

class DatasourceSelectorTest {
    static final Map<String, DetectionHints> AVAILABLE = new LinkedHashMap<>();

    static {
        AVAILABLE.put("NoCloud", new DetectionHints("NoCloud", List.of("local", "network"),
                List.of("/var/lib/cloud/seed/nocloud"), List.of("cidata", "CIDATA"), List.of("product_serial=ds=nocloud*"),
                List.of("ds=nocloud*"), false, null));
        AVAILABLE.put("Ec2", new DetectionHints("Ec2", List.of("local"), List.of(), List.of(),
                List.of("sys_vendor=Amazon EC2", "product_uuid=[Ee][Cc]2*"), List.of(), false, null));
        AVAILABLE.put("OpenStack", new DetectionHints("OpenStack", List.of("network"), List.of(), List.of(),
                List.of("product_name=OpenStack Nova"), List.of(), false, null));
        AVAILABLE.put("None", new DetectionHints("None", List.of("network"), List.of(), List.of(), List.of(), List.of(),
                true, null));
    }

    record Facts(Set<String> files, Map<String, String> dmi, Set<String> labels, List<String> cmdline)
            implements MachineFacts {
        @Override
        public boolean exists(String path) {
            return files.contains(path);
        }

        @Override
        public Optional<String> dmi(String field) {
            return Optional.ofNullable(dmi.get(field));
        }
    }

    static final List<String> LIST = List.of("NoCloud", "ConfigDrive", "Ec2", "OpenStack", "None");

    static List<String> names(DatasourceSelector.Selection s) {
        return s.candidates().stream().map(c -> c.name() + " (" + c.reason() + ")").toList();
    }

    @Test
    void matchesHintsInListOrderPerStage() {
        Facts f = new Facts(Set.of(), Map.of("product_uuid", "ec2e1916-9099-7caf"), Set.of("cidata"), List.of("quiet"));
        DatasourceSelector.Selection local = DatasourceSelector.select(LIST, AVAILABLE, "local", Map.of(),
                Optional.empty(), f);
        assertEquals(List.of("NoCloud (filesystem label cidata)", "Ec2 (DMI product_uuid=ec2e1916-9099-7caf)"),
                names(local));
        assertEquals(List.of("ConfigDrive"), local.notInAssembly());
        assertEquals(List.of("OpenStack", "None"), local.otherStage());
        DatasourceSelector.Selection net = DatasourceSelector.select(LIST, AVAILABLE, "network", Map.of(),
                Optional.empty(), f);
        assertEquals(List.of("NoCloud (filesystem label cidata)", "None (always a candidate)"), names(net));
        assertEquals(List.of("OpenStack"), net.notDetected());
    }

    @Test
    void filesCmdlineAndConfigSectionsMatch() {
        Facts none = new Facts(Set.of(), Map.of(), Set.of(), List.of());
        assertEquals(List.of(), names(DatasourceSelector.select(List.of("NoCloud", "Ec2"), AVAILABLE, "local", Map.of(),
                Optional.empty(), none)));
        assertEquals(List.of("NoCloud (file /var/lib/cloud/seed/nocloud)"), names(DatasourceSelector.select(
                List.of("NoCloud", "Ec2"), AVAILABLE, "local", Map.of(), Optional.empty(),
                new Facts(Set.of("/var/lib/cloud/seed/nocloud"), Map.of(), Set.of(), List.of()))));
        assertEquals(List.of("NoCloud (kernel command line ds=nocloud;...)"), names(DatasourceSelector.select(
                List.of("NoCloud", "Ec2"), AVAILABLE, "local", Map.of(), Optional.empty(),
                new Facts(Set.of(), Map.of(), Set.of(), List.of("ro", "ds=nocloud;s=http://user:pw@10.0.0.1/")))));
        assertEquals(List.of("NoCloud (config datasource.NoCloud)"), names(DatasourceSelector.select(
                List.of("NoCloud", "Ec2"), AVAILABLE, "local", Map.of("NoCloud", Map.of("seedfrom", "/srv/seed/"),
                        "Ec2", Map.of()), Optional.empty(), none)));
    }

    @Test
    void aSingleEntryListSkipsDetection() {
        Facts none = new Facts(Set.of(), Map.of(), Set.of(), List.of());
        assertEquals(List.of("OpenStack (the only entry of datasource_list)"), names(DatasourceSelector.select(
                List.of("OpenStack"), AVAILABLE, "network", Map.of(), Optional.empty(), none)));
    }

    @Test
    void dsOnTheKernelCommandLineForces() {
        Facts none = new Facts(Set.of(), Map.of(), Set.of(), List.of());
        DatasourceSelector.Selection s = DatasourceSelector.select(LIST, AVAILABLE, "network", Map.of(),
                KernelCmdline.parse("ro ds=openstack").datasource(), none);
        assertEquals(List.of("OpenStack (kernel command line ds=openstack)", "None (fallback)"), names(s));
        assertEquals(Optional.of("OpenStack"), s.forced());
        s = DatasourceSelector.select(LIST, AVAILABLE, "local", Map.of(),
                KernelCmdline.parse("ci.ds=nocloud-net;s=http://x/").datasource(), none);
        assertEquals(List.of("NoCloud (kernel command line ci.ds=nocloud-net)"), names(s));
        s = DatasourceSelector.select(LIST, AVAILABLE, "local", Map.of(),
                KernelCmdline.parse("ds=unknowncloud").datasource(), none);
        assertEquals(Optional.empty(), s.forced());
    }

    @Test
    void globs() {
        assertEquals(true, Glob.matches("ds=nocloud*", "ds=nocloud;s=x"));
        assertEquals(false, Glob.matches("ds=nocloud*", "xds=nocloud"));
        assertEquals(true, Glob.matches("[Ee][Cc]2*", "EC2abc"));
        assertEquals(true, Glob.matches("a?c", "abc"));
        assertEquals(true, Glob.matches("[!a]b", "xb"));
        assertEquals(true, Glob.matches("a.b(c)", "a.b(c)"));
    }
}

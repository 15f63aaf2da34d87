package io.nubis.ds.nocloud.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** The DS descriptor bnd generated: the service properties the runtime matches before loading the class. */
class ComponentMetadataTest {
    @Test
    void serviceProperties() throws Exception {
        String xml;
        try (InputStream in = NoCloudDatasource.class.getResourceAsStream(
                "/OSGI-INF/io.nubis.ds.nocloud.internal.NoCloudDatasource.xml")) {
            xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        for (String expected : new String[] {
            "<property name=\"nubis.datasource\" type=\"String\" value=\"NoCloud\"/>",
            "<property name=\"stage\" type=\"String\">local\nnetwork</property>",
            "<property name=\"detect.files\" type=\"String\">/var/lib/cloud/seed/nocloud\n/var/lib/cloud/seed/nocloud-net</property>",
            "<property name=\"detect.labels\" type=\"String\">cidata\nCIDATA</property>",
            "<property name=\"detect.cmdline\" type=\"String\">ds=nocloud*\nds=nocloud-net*</property>",
            "<property name=\"detect.dmi\" type=\"String\">product_serial=ds=nocloud*</property>",
            "<property name=\"detect.always\" type=\"Boolean\" value=\"false\"/>",
            "<provide interface=\"io.nubis.api.datasource.Datasource\"/>",
        }) {
            assertTrue(xml.contains(expected), expected + " in\n" + xml);
        }
        assertTrue(!xml.contains("immediate=\"true\""), "delayed component");
    }
}

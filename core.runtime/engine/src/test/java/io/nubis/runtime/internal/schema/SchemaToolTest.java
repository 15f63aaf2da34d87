package io.nubis.runtime.internal.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.nubis.runtime.internal.query.TemplateRendering;
import io.nubis.runtime.internal.status.ToolPaths;
import io.nubis.runtime.internal.target.ChrootTarget;
import io.nubis.runtime.internal.testing.Files2;

class SchemaToolTest {
    @TempDir
    Path root;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    boolean asRoot = true;
    Optional<TemplateRendering> renderer = Optional.empty();
    static final SchemaValidator VALIDATOR = SchemaValidatorTest.validator();

    @BeforeEach
    void dirs() throws IOException {
        Files.createDirectories(root.resolve("run/cloud-init"));
    }

    private int schema(SchemaTool.Request req) throws IOException {
        return new SchemaTool(new ChrootTarget(root, false), ToolPaths.LINUX, asRoot, () -> VALIDATOR, () -> renderer,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(req);
    }

    private int file(String content, String... flags) throws IOException {
        Path p = Files.writeString(root.resolve("user-data.yaml"), content);
        boolean annotate = java.util.List.of(flags).contains("--annotate");
        String type = java.util.List.of(flags).contains("network") ? "network-config" : null;
        return schema(new SchemaTool.Request(p.toString(), false, type, null, annotate));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private String path() {
        return root.resolve("user-data.yaml").toString();
    }

    @Test
    void validFile() throws IOException {
        assertEquals(0, file("#cloud-config\nusers: [default]\nruncmd: [ls]\n"));
        assertEquals("Valid schema " + path() + "\n", out());
        assertEquals("", err());
    }

    @Test
    void invalidFile() throws IOException {
        assertEquals(1, file("#cloud-config\nusers:\n- name: 1\nfoo: bar\n"));
        assertEquals("Invalid user-data " + path() + "\n", out());
        assertEquals("Error: Cloud config schema errors: foo: Additional properties are not allowed ('foo' was"
                + " unexpected), users.0: {'name': 1} is not valid under any of the given schemas, users.0.name: 1 is not"
                + " of type 'string'\n\nError: Invalid schema: user-data\n\n", err());
    }

    @Test
    void deprecationsArePrintedButValid() throws IOException {
        assertEquals(0, file("#cloud-config\nold_key: x\n"));
        assertEquals("Cloud config schema deprecations: old_key: Deprecated in version 20.1. Use ``new_key`` instead.\n"
                + "Valid schema " + path() + "\n", out());
    }

    @Test
    void annotateMarksLinesAndAddsFooters() throws IOException {
        String doc = """
                #cloud-config
                users:
                - default
                - name: bob
                  lock-passwd: true
                  shell: bash
                old_key: x
                bogus: 1
                """;
        assertEquals(1, file(doc, "--annotate"));
        assertEquals(expectedAnnotation(), out());
        assertEquals("Error: Invalid schema: user-data\n\n", err());
    }

    private static String expectedAnnotation() {
        return "#cloud-config\n"
                + "users:\n"
                + "- default\n"
                + "- name: bob\t\t# E1\n"
                + "  lock-passwd: true\n"
                + "  shell: bash\t\t# E2\n"
                + "old_key: x\t\t# D1\n"
                + "bogus: 1\t\t# E3\n"
                + "\n"
                + "# Errors: -------------\n"
                + "# E1: {'name': 'bob', 'lock-passwd': True, 'shell': 'bash'} is not valid under any of the given schemas\n"
                + "# E2: 'bash' does not match '^/'\n"
                + "# E3: Additional properties are not allowed ('bogus' was unexpected)\n"
                + "\n"
                + "\n"
                + "# Deprecations: -------------\n"
                + "# D1: Deprecated in version 20.1. Use ``new_key`` instead.\n"
                + "\n\n";
    }

    @Test
    void annotateOfAValidFileWithDeprecationsOnly() throws IOException {
        assertEquals(0, file("#cloud-config\nold_key: x\n", "--annotate"));
        assertEquals("#cloud-config\nold_key: x\t\t# D1\n\n# Deprecations: -------------\n# D1: Deprecated in version"
                + " 20.1. Use ``new_key`` instead.\n\n\nValid schema " + path() + "\n", out());
    }

    @Test
    void emptyAndNonCloudConfigAreSkipped() throws IOException {
        assertEquals(0, file(""));
        assertEquals("Empty 'cloud-config' found at " + path() + ". Nothing to validate.\n", out());
        out.reset();
        assertEquals(0, file("#!/bin/sh\necho hi\n"));
        assertEquals("User-data type 'text/x-shellscript' not currently evaluated by cloud-init schema\n", out());
    }

    @Test
    void unknownHeaderIsAnError() throws IOException {
        assertEquals(1, file("runcmd: [ls]\n"));
        assertEquals("Error: Cloud config schema errors: format-l1.c1: Unrecognized user-data header in " + path()
                + ": \"runcmd: [ls]\".\nExpected first line to be one of: #!, ## template: jinja, #cloud-boothook,"
                + " #cloud-config, #cloud-config-archive, #cloud-config-jsonp, #include, #include-once, #part-handler\n\n"
                + "Error: Invalid schema: user-data\n\n", err());
    }

    @Test
    void brokenYamlNamesLineAndColumn() throws IOException {
        assertEquals(1, file("#cloud-config\nusers: [a, b\nruncmd: [ls]\n"));
        assertTrue(err().startsWith("Error: Cloud config schema errors: format-l3.c7: File " + path()
                + " is not valid YAML. "), err());
        out.reset();
        err.reset();
        assertEquals(1, file("#cloud-config\nusers: [a, b\n", "--annotate"));
        assertTrue(out().startsWith("#cloud-config\nusers: [a, b\n\t\t# E1\n# Errors: -------------\n# E1: File "), out());
    }

    @Test
    void notAMapping() throws IOException {
        assertEquals(1, file("#cloud-config\n- a\n- b\n"));
        assertEquals("Invalid user-data\n", out());
        assertEquals("Error: cloud-config " + path() + " is not a YAML dict.\n\nError: Invalid schema: user-data\n\n",
                err());
    }

    @Test
    void argumentErrors() throws IOException {
        assertEquals(1, schema(new SchemaTool.Request(null, false, null, null, false)));
        assertEquals("Error:\nExpected one of --config-file or --system arguments\n", err());
        err.reset();
        assertEquals(1, schema(new SchemaTool.Request(root.resolve("nope").toString(), false, null, null, false)));
        assertEquals("Error: Config file " + root.resolve("nope") + " does not exist\n", err());
        err.reset();
        asRoot = false;
        assertEquals(1, schema(new SchemaTool.Request(null, true, null, null, false)));
        assertEquals("Error:\nUnable to read system userdata or vendordata as non-root user. Try using sudo.\n", err());
    }

    @Test
    void networkConfigFiles() throws IOException {
        assertEquals(0, file("network:\n  version: 2\n  ethernets: {eth0: {dhcp4: true}}\n", "network"));
        assertEquals("Valid schema " + path() + "\n", out());
        out.reset();
        assertEquals(1, file("version: 2\nethernets: {eth0: {dhcp4: true, adresses: [10.0.0.1/8]}}\n", "network"));
        assertEquals("Invalid network-config " + path() + "\n", out());
        assertTrue(err().contains("ethernets.eth0: Additional properties are not allowed ('adresses' was unexpected)"), err());
        out.reset();
        err.reset();
        assertEquals(0, file("network:\n  version: 3\n", "network"));
        assertEquals("Skipping network-config schema validation. No network schema for version: 3\n", out());
        out.reset();
        assertEquals(0, file("version: 1\nconfig: [{type: physical, name: eth0}]\n", "network"));
        assertEquals("Valid schema " + path() + "\n", out());
        out.reset();
        assertEquals(1, file("version: 1\nconfig: [{type: physical}]\n", "network"));
        assertEquals("Invalid network-config " + path() + "\n", out());
        assertEquals("Error: Cloud config schema errors: config.0: 'name' is a required property\n\n"
                + "Error: Invalid schema: network-config\n\n", err());
    }

    @Test
    void systemValidatesEveryInstanceFile() throws IOException {
        Files2.write(root, "/var/lib/cloud/instances/iid-1/cloud-config.txt", "#cloud-config\nruncmd: [ls]\n");
        Files2.write(root, "/var/lib/cloud/instances/iid-1/user-data.txt", "#cloud-config\nruncmd: [ls]\n");
        Files2.write(root, "/var/lib/cloud/instances/iid-1/vendor-cloud-config.txt", "#cloud-config\nbogus: 1\n");
        Files2.write(root, "/var/lib/cloud/instances/iid-1/network-config.json",
                "{\"version\": 1, \"config\": [{\"type\": \"physical\", \"name\": \"eth0\"}]}");
        Files.createSymbolicLink(root.resolve("var/lib/cloud/instance"), Path.of("/var/lib/cloud/instances/iid-1"));
        assertEquals(1, schema(new SchemaTool.Request(null, true, "cloud-config", null, false)));
        assertEquals("""
                WARNING: The --schema-type parameter is inapplicable when either --system or --docs present
                Found cloud-config data types: user-data, vendor-data, network-config

                1. user-data at /var/lib/cloud/instances/iid-1/cloud-config.txt:
                  Valid schema user-data

                2. vendor-data at /var/lib/cloud/instances/iid-1/vendor-cloud-config.txt:
                  Invalid vendor-data /var/lib/cloud/instances/iid-1/vendor-cloud-config.txt

                3. network-config at /var/lib/cloud/instances/iid-1/network-config.json:
                  Valid schema network-config
                """, out());
        assertEquals("  Error: Cloud config schema errors: bogus: Additional properties are not allowed ('bogus' was"
                + " unexpected)\n\nError: Invalid schema: vendor-data\n\n", err());
    }

    @Test
    void systemFallsBackToRawUserDataWhenProcessedIsEmpty() throws IOException {
        Files2.write(root, "/var/lib/cloud/instances/iid-1/cloud-config.txt", "");
        Files2.write(root, "/var/lib/cloud/instances/iid-1/user-data.txt", "#!/bin/sh\necho hi\n");
        Files.createSymbolicLink(root.resolve("var/lib/cloud/instance"), Path.of("instances/iid-1"));
        assertEquals(0, schema(new SchemaTool.Request(null, true, null, null, false)));
        assertEquals("User-data type 'text/x-shellscript' not currently evaluated by cloud-init schema\n", out());
    }

    @Test
    void jinjaUserDataIsRenderedFirst() throws IOException {
        Files2.write(root, "/run/cloud-init/instance-data-sensitive.json", "{\"v1\": {\"local-hostname\": \"h1\"}}");
        renderer = Optional.of((t, v) -> t.replace("{{ v1.local_hostname }}",
                String.valueOf(((Map<?, ?>) v.get("v1")).get("local_hostname"))));
        assertEquals(1, file("## template: jinja\n#cloud-config\nusers: [{name: 1, groups: '{{ v1.local_hostname }}'}]\n"));
        assertTrue(err().startsWith("Error: Cloud config schema errors: users.0: {'name': 1, 'groups': 'h1'} is not"
                + " valid"), err());
        out.reset();
        err.reset();
        assertEquals(1, file("## template: jinja\nruncmd: [ls]\n"));
        assertTrue(err().startsWith("Error: Cloud config schema errors: format-l2.c1: Unrecognized user-data header"),
                err());
        err.reset();
        renderer = Optional.empty();
        assertEquals(1, file("## template: jinja\n#cloud-config\n"));
        assertEquals("Error:\nFailed to render templated user-data. No Jinja template renderer"
                + " (io.nubis.api.template.TemplateRenderer) is installed in this assembly\n", err());
        err.reset();
        Files.delete(root.resolve("run/cloud-init/instance-data-sensitive.json"));
        assertEquals(1, file("## template: jinja\n#cloud-config\n"));
        assertEquals("Error:\nCannot render jinja template vars. Instance data not yet present at"
                + " /run/cloud-init/instance-data-sensitive.json\n", err());
    }
}

package io.nubis.runtime.internal.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.nubis.api.logging.LogLevel;
import io.nubis.api.logging.LogOutput;
import io.nubis.api.logging.LogRecord;
import io.nubis.runtime.internal.yaml.Yaml;

class SchemaValidatorTest {
    static String fixture(String name) {
        try (InputStream in = SchemaValidatorTest.class.getResourceAsStream("/schema-fixtures/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static SchemaValidator validator() {
        return new SchemaValidator(List.of(
                SchemaFragment.of("io.nubis.cc.users!/schema/users.json", fixture("users.json")),
                new SchemaFragment("io.nubis.cc.runcmd (module runcmd, no schema)", null, List.of("runcmd"), null)));
    }

    static SchemaReport check(String yaml) {
        return validator().validate(Yaml.load(yaml, "test"), SchemaType.CLOUD_CONFIG);
    }

    private static List<String> formatted(List<SchemaProblem> problems) {
        return problems.stream().map(SchemaProblem::format).toList();
    }

    @Test
    void validConfigHasNoFindings() {
        SchemaReport r = check("""
                users:
                - default
                - name: bob
                  groups: [adm, sudo]
                  lock_passwd: false
                  uid: 1001
                runcmd: [ls, [echo, hi]]
                apt_pipelining: os
                datasource_list: [NoCloud, None]
                merge_how: 'list(append)+dict(recurse_array)+str()'
                reporting: {hook: {type: webhook, endpoint: 'http://10.0.0.1/hook'}, quiet: false}
                nubis: {schema_errors: fatal}
                """);
        assertEquals(List.of(), r.errors());
        assertEquals(List.of(), r.deprecations());
    }

    @Test
    void errorsCarryKeyPathsAndTheReferenceWording() {
        SchemaReport r = check("""
                users:
                - default
                - name: 1
                - {name: bob, bogus: 1, other: 2}
                - {name: amy, shell: bash, uid: -3}
                foo: 1
                bar: [x]
                apt_pipelining: maybe
                datasource_list: NoCloud
                allow_userdata: 'yes please'
                """);
        assertEquals(List.of(
                "allow_userdata: 'yes please' is not of type 'boolean'",
                "apt_pipelining: 'maybe' is not one of ['none', 'unchanged', 'os']",
                "bar: Additional properties are not allowed ('bar' was unexpected)",
                "datasource_list: 'NoCloud' is not of type 'array'",
                "foo: Additional properties are not allowed ('foo' was unexpected)",
                "users.1: {'name': 1} is not valid under any of the given schemas",
                "users.1.name: 1 is not of type 'string'",
                "users.2: Additional properties are not allowed ('bogus', 'other' were unexpected)",
                "users.2: {'name': 'bob', 'bogus': 1, 'other': 2} is not valid under any of the given schemas",
                "users.3: {'name': 'amy', 'shell': 'bash', 'uid': -3} is not valid under any of the given schemas",
                "users.3.shell: 'bash' does not match '^/'",
                "users.3.uid: -3 is less than the minimum of 0"),
                formatted(r.errors()));
    }

    @Test
    void formatsAreAsserted() {
        SchemaReport r = check("reporting: {hook: {type: webhook, endpoint: 'http://[bad'}}\n");
        assertEquals(List.of("reporting.hook: {'type': 'webhook', 'endpoint': 'http://[bad'} is not valid under any of"
                + " the given schemas", "reporting.hook.endpoint: 'http://[bad' is not a 'uri'"), formatted(r.errors()));
        assertEquals(List.of("reporting.hook: 'endpoint' is a required property",
                "reporting.hook: {'type': 'webhook'} is not valid under any of the given schemas"),
                formatted(check("reporting: {hook: {type: webhook}}\n").errors()));
    }

    @Test
    void requiredAndNestedTypeErrors() {
        SchemaReport r = check("""
                users: [{groups: [1]}]
                output: {all: 3, init: {output: x, bogus: y}}
                """);
        assertTrue(formatted(r.errors()).contains("users.0: 'name' is a required property"), r.errors().toString());
        assertTrue(formatted(r.errors()).contains("output.all: 3 is not of type 'string', 'null', 'array', 'object'"),
                r.errors().toString());
        assertTrue(formatted(r.errors()).contains("users.0.groups.0: 1 is not of type 'string'"), r.errors().toString());
        assertTrue(formatted(r.errors()).contains("output.init: Additional properties are not allowed ('bogus' was"
                + " unexpected)"), r.errors().toString());
    }

    @Test
    void deprecationsAreSeparateAndOnlyFromTheMatchingBranch() {
        SchemaReport r = check("""
                users:
                - {name: bob, lock-passwd: true}
                - {name: 7, lock-passwd: true}
                old_key: x
                vendor_data: {enabled: 'true'}
                """);
        assertEquals(List.of(
                "old_key: Deprecated in version 20.1. Use ``new_key`` instead.",
                "users.0.lock-passwd: Default: ``true`` Deprecated in version 22.3. Use ``lock_passwd`` instead.",
                "vendor_data.enabled: Deprecated in version 22.3. Use a boolean value instead."),
                formatted(r.deprecations()));
        assertEquals(List.of("users.1: {'name': 7, 'lock-passwd': True} is not valid under any of the given schemas",
                "users.1.name: 7 is not of type 'string'"),
                formatted(r.errors()));
    }

    @Test
    void brokenAndMissingFragmentsStillAcceptTheirKeys() {
        SchemaValidator v = new SchemaValidator(List.of(
                new SchemaFragment("io.vendor.x!/schema/x.json", "{\"properties\": [", List.of("x_key"), null),
                new SchemaFragment("io.vendor.y!/schema/y.json", null, List.of("y_key"), "no such resource in the bundle"),
                SchemaFragment.of("io.vendor.z!/schema/z.json", "{\"properties\": {\"z\": {\"type\": \"string\"}},"
                        + " \"oops\": 1}")));
        SchemaReport r = v.validate(Map.of("x_key", List.of(1), "y_key", 2, "z", "ok"), SchemaType.CLOUD_CONFIG);
        assertEquals(List.of(), r.errors());
        List<String> w = v.fragmentWarnings();
        assertEquals(3, w.size(), w.toString());
        assertTrue(w.get(0).startsWith("Schema fragment io.vendor.x!/schema/x.json is not valid JSON ("), w.get(0));
        assertTrue(w.get(0).endsWith("); accepting its keys [x_key] unchecked"), w.get(0));
        assertEquals("Schema fragment io.vendor.y!/schema/y.json cannot be read (no such resource in the bundle);"
                + " accepting its keys [y_key] unchecked", w.get(1));
        assertEquals("Schema fragment io.vendor.z!/schema/z.json: ignoring top-level key 'oops' (a fragment has $defs,"
                + " properties and allOf)", w.get(2));
    }

    @Test
    void draft04StyleFragmentsOfTheModuleBundlesWork() {
        SchemaValidator v = new SchemaValidator(List.of(SchemaFragment.of("io.nubis.cc.bootcmd!/schema/bootcmd.json", """
                {"$schema": "http://json-schema.org/draft-04/schema#", "title": "bootcmd", "type": "object",
                 "definitions": {"cmd": {"oneOf": [{"type": "array", "items": {"type": "string"}}, {"type": "string"}]}},
                 "properties": {"bootcmd": {"type": "array", "minItems": 1, "items": {"$ref": "#/definitions/cmd"}}}}
                """)));
        assertEquals(List.of(), v.fragmentWarnings());
        assertEquals(List.of(), v.validate(Map.of("bootcmd", List.of("echo hi", List.of("ls", "-l"))),
                SchemaType.CLOUD_CONFIG).errors());
        assertEquals(List.of("bootcmd.0: 3 is not of type 'array', 'string'"),
                formatted(v.validate(Map.of("bootcmd", List.of(3)), SchemaType.CLOUD_CONFIG).errors()));
        assertEquals(List.of("bootcmd: [] is too short"),
                formatted(v.validate(Map.of("bootcmd", List.of()), SchemaType.CLOUD_CONFIG).errors()));
    }

    @Test
    void twoModulesOnOneKeyMustBothHold() {
        SchemaValidator v = new SchemaValidator(List.of(
                SchemaFragment.of("a", "{\"properties\": {\"k\": {\"type\": \"string\"}}}"),
                SchemaFragment.of("b", "{\"properties\": {\"k\": {\"maxLength\": 2}}}")));
        assertEquals(List.of("k: 'abc' is too long"),
                formatted(v.validate(Map.of("k", "abc"), SchemaType.CLOUD_CONFIG).errors()));
    }

    @Test
    void networkConfigV1() {
        SchemaValidator v = validator();
        Object ok = Yaml.load("""
                network:
                  version: 1
                  config:
                  - type: physical
                    name: eth0
                    mac_address: '52:54:00:12:34:00'
                    subnets: [{type: static, address: 192.168.1.2/24, gateway: 192.168.1.1}]
                  - type: nameserver
                    address: [1.1.1.1]
                """, "n");
        assertEquals(List.of(), v.validate(ok, SchemaType.NETWORK_CONFIG).errors());
        Object bad = Yaml.load("""
                version: 1
                config:
                - type: physical
                  subnets: [{type: static4}]
                - type: vlan
                  name: v10
                  vlan_link: eth0
                - type: tunnel
                """, "n");
        assertEquals(List.of(
                "config.0: 'name' is a required property",
                "config.0.subnets.0.type: 'static4' is not one of ['dhcp4', 'dhcp', 'dhcp6', 'static', 'static6',"
                        + " 'ipv6_dhcpv6-stateful', 'ipv6_dhcpv6-stateless', 'ipv6_slaac', 'manual']",
                "config.1: 'vlan_id' is a required property",
                "config.2.type: 'tunnel' is not one of ['physical', 'bond', 'bridge', 'vlan', 'nameserver', 'route',"
                        + " 'loopback', 'infiniband']"),
                formatted(v.validate(bad, SchemaType.NETWORK_CONFIG).errors()));
    }

    @Test
    void bootValidationLogsLikeTheReference() {
        List<LogRecord> records = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.function.Consumer<LogRecord> listener = r -> {
            if (r.loggerName().endsWith("SchemaValidator")) {
                records.add(r);
            }
        };
        LogOutput.addListener(listener);
        try {
            validator().validateAtBoot(Map.of("old_key", "x", "users", List.of(Map.of("name", 1))), Map.of());
        } finally {
            LogOutput.removeListener(listener);
        }
        assertEquals(2, records.size(), records.toString());
        assertEquals(LogLevel.DEPRECATED, records.get(0).level());
        assertEquals("Deprecated cloud-config provided:\nold_key: Deprecated in version 20.1. Use ``new_key`` instead.",
                records.get(0).message());
        assertEquals(LogLevel.WARNING, records.get(1).level());
        assertEquals("Invalid cloud-config provided: Please run 'sudo cloud-init schema --system' to see the schema"
                + " errors.", records.get(1).message());
        assertFalse(records.get(1).message().contains("name"), "no user-data detail at boot");
    }

    @Test
    void fatalSettingAtBoot() {
        SchemaValidator v = validator();
        Map<String, Object> bad = Map.of("users", List.of(Map.of("name", 1)));
        assertFalse(v.validateAtBoot(bad, Map.of()).fatal());
        assertFalse(v.validateAtBoot(bad, Map.of("nubis", Map.of("schema_errors", "warn"))).fatal());
        SchemaValidator.BootValidation b = v.validateAtBoot(bad, Map.of("nubis", Map.of("schema_errors", "fatal")));
        assertTrue(b.fatal());
        assertEquals(2, b.report().errors().size());
        assertFalse(v.validateAtBoot(Map.of("runcmd", List.of("ls")), Map.of("nubis", Map.of("schema_errors", "fatal")))
                .fatal());
    }
}

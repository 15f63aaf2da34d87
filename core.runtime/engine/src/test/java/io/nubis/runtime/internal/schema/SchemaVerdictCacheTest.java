package io.nubis.runtime.internal.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.nubis.runtime.internal.yaml.Yaml;
import io.nubis.runtime.internal.target.ChrootTarget;

class SchemaVerdictCacheTest {
    private static final String FILE = "/var/lib/cloud/data/nubis-schema-verdict.json";

    @TempDir
    Path dir;

    @SuppressWarnings("unchecked")
    private static Map<String, Object> yaml(String text) {
        return (Map<String, Object>) Yaml.load(text, "test");
    }

    @Test
    void theDigestChangesWithTheConfigTheFragmentsAndTheValidator() {
        List<SchemaFragment> f = List.of(SchemaFragment.of("a", "{\"properties\": {}}"));
        String d = SchemaVerdictCache.digest(yaml("runcmd: [ls]"), f, "v1");
        assertEquals(d, SchemaVerdictCache.digest(yaml("runcmd: [ls]"), f, "v1"));
        assertNotEquals(d, SchemaVerdictCache.digest(yaml("runcmd: [ls, pwd]"), f, "v1"));
        assertNotEquals(d, SchemaVerdictCache.digest(yaml("runcmd: ['1']"), f, "v1"));
        assertNotEquals(SchemaVerdictCache.digest(yaml("runcmd: ['1']"), f, "v1"),
                SchemaVerdictCache.digest(yaml("runcmd: [1]"), f, "v1"), "a string and a number differ");
        assertNotEquals(d, SchemaVerdictCache.digest(yaml("runcmd: [ls]"), List.of(SchemaFragment.of("a", "{}")), "v1"));
        assertNotEquals(d, SchemaVerdictCache.digest(yaml("runcmd: [ls]"), f, "v2"));
        // length prefixes: moving text between neighbouring strings changes the digest
        assertNotEquals(SchemaVerdictCache.digest(List.of("ab", "c"), f, "v1"), SchemaVerdictCache.digest(List.of("a", "bc"), f, "v1"));
    }

    @Test
    void aStoredVerdictIsPrivateAndReturnedOnlyForItsDigest() throws Exception {
        ChrootTarget t = new ChrootTarget(dir);
        SchemaVerdictCache cache = new SchemaVerdictCache(t, FILE);
        SchemaReport r = new SchemaReport(List.of(new SchemaProblem("runcmd", "'x' is not of type 'array'")),
                List.of(new SchemaProblem("apt.sources", "Deprecated in version 22.2. \"with\" \"quotes\"\n")));
        cache.store("d1", r);
        assertEquals(r, cache.lookup("d1").orElseThrow());
        assertTrue(cache.lookup("d2").isEmpty());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(FILE.substring(1)))));
        Files.writeString(dir.resolve(FILE.substring(1)), "{broken");
        assertTrue(cache.lookup("d1").isEmpty(), "a damaged file is a miss");
    }

    @Test
    void bootValidationReusesTheVerdictOfAnUnchangedConfigAndValidatesAChangedOne() throws Exception {
        ChrootTarget t = new ChrootTarget(dir);
        SchemaVerdictCache cache = new SchemaVerdictCache(t, FILE);
        Map<String, Object> config = yaml("users: [default]\nruncmd: [ls]\n");
        Map<String, Object> system = Map.of();
        SchemaValidator v = SchemaValidatorTest.validator();
        assertTrue(v.validateAtBoot(config, system, cache).report().errors().isEmpty());
        // plant a verdict under the same digest: a reuse must return it without validating again
        String digest = SchemaVerdictCache.digest(config, fragments(), SchemaVerdictCache.validatorIdentity());
        SchemaReport planted = new SchemaReport(List.of(new SchemaProblem("planted", "reused")), List.of());
        cache.store(digest, planted);
        assertEquals(planted, SchemaValidatorTest.validator().validateAtBoot(config, system, cache).report());
        // a changed config is validated afresh
        Map<String, Object> changed = yaml("users: 5\nruncmd: [ls]\n");
        SchemaReport fresh = SchemaValidatorTest.validator().validateAtBoot(changed, system, cache).report();
        assertEquals(List.of("users"), fresh.errors().stream().map(SchemaProblem::path).toList());
    }

    private static List<SchemaFragment> fragments() {
        return List.of(
                SchemaFragment.of("io.nubis.cc.users!/schema/users.json", SchemaValidatorTest.fixture("users.json")),
                new SchemaFragment("io.nubis.cc.runcmd (module runcmd, no schema)", null, List.of("runcmd"), null));
    }
}

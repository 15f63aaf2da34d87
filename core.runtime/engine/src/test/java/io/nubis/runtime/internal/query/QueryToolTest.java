package io.nubis.runtime.internal.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.nubis.api.target.TargetRoot;
import io.nubis.runtime.internal.status.ToolPaths;
import io.nubis.runtime.internal.target.ChrootTarget;
import io.nubis.runtime.internal.testing.Files2;

class QueryToolTest {
    static final String SENSITIVE = """
            {
             "_beta_keys": ["subplatform"],
             "base64_encoded_keys": ["ds/meta_data/secret-blob"],
             "ds": {
              "_doc": "EXPERIMENTAL: The structure and format of content scoped under the 'ds' key may change in subsequent releases of cloud-init.",
              "meta_data": {"instance-id": "iid-abc", "local-hostname": "myhost.example.com", "secret-blob": "aGVsbG8gd29ybGQ="}
             },
             "merged_cfg": {"password": "s3cret"},
             "sensitive_keys": ["merged_cfg", "security-credentials"],
             "sys_info": {"dist": ["debian", "12", "bookworm"]},
             "v1": {
              "_beta_keys": ["subplatform"],
              "availability-zone": null,
              "availability_zone": null,
              "cloud-name": "nocloud",
              "cloud_id": "nocloud",
              "cloud_name": "nocloud",
              "instance-id": "iid-abc",
              "instance_id": "iid-abc",
              "local-hostname": "myhost",
              "local_hostname": "myhost",
              "platform": "nocloud",
              "region": null
             }
            }
            """;
    static final String REDACTED_FILE = SENSITIVE.replace("{\"password\": \"s3cret\"}", "\"redacted for non-root user\"");

    @TempDir
    Path root;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    TargetRoot target;
    boolean asRoot = true;
    Optional<TemplateRendering> renderer = Optional.empty();

    @BeforeEach
    void files() throws IOException {
        Files2.write(root, "/run/cloud-init/instance-data-sensitive.json", SENSITIVE);
        Files2.write(root, "/run/cloud-init/instance-data.json", REDACTED_FILE);
        Files2.write(root, "/var/lib/cloud/instances/iid-abc/user-data.txt", "#cloud-config\nruncmd: [ls]\n");
        Files2.write(root, "/var/lib/cloud/instances/iid-abc/vendor-data.txt", "");
        Files.createSymbolicLink(root.resolve("var/lib/cloud/instance"), Path.of("/var/lib/cloud/instances/iid-abc"));
        target = new ChrootTarget(root, false);
    }

    private int query(String varname, boolean listKeys, boolean all, String format) {
        return query(new QueryRequest(null, null, null, varname, listKeys, all, format));
    }

    private int query(QueryRequest req) {
        return new QueryTool(target, ToolPaths.LINUX, asRoot, () -> renderer, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(req);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void valueAtADotPathIsPrintedRaw() {
        assertEquals(0, query("v1.cloud_name", false, false, null));
        assertEquals("nocloud\n", out());
        assertEquals("", err());
    }

    @Test
    void hyphenAliasesWalkButAreNotPrinted() {
        assertEquals(0, query("ds.meta_data.local_hostname", false, false, null));
        assertEquals("myhost.example.com\n", out());
        out.reset();
        assertEquals(0, query("ds.meta_data", false, false, null));
        assertEquals("{\n \"instance-id\": \"iid-abc\",\n \"local-hostname\": \"myhost.example.com\",\n"
                + " \"secret-blob\": \"aGVsbG8gd29ybGQ=\"\n}\n", out());
    }

    @Test
    void topLevelCopiesOfV1Keys() {
        assertEquals(0, query("local_hostname", false, false, null));
        assertEquals("myhost\n", out());
    }

    @Test
    void listKeysAtTopAndAtAPath() {
        assertEquals(0, query(null, true, false, null));
        assertEquals(String.join("\n", "_beta_keys", "availability-zone", "availability_zone", "base64_encoded_keys",
                "cloud-name", "cloud_id", "cloud_name", "combined_cloud_config", "ds", "instance-id", "instance_id",
                "local-hostname", "local_hostname", "merged_cfg", "platform", "region", "sensitive_keys", "sys_info",
                "userdata", "v1", "vendordata") + "\n", out());
        out.reset();
        assertEquals(0, query("ds", true, false, null));
        assertEquals("_doc\nmeta_data\n", out());
    }

    @Test
    void listKeysOfALeafIsAnError() {
        assertEquals(1, query("v1.cloud_name", true, false, null));
        assertTrue(err().endsWith(" - query.py[ERROR]: --list-keys provided but 'v1.cloud_name' is not a dict\n"),
                err());
    }

    @Test
    void unknownKeysAreErrors() {
        assertEquals(1, query("nope", false, false, null));
        assertTrue(err().endsWith("query.py[ERROR]: Undefined instance-data key 'nope'\n"), err());
        err.reset();
        assertEquals(1, query("v1.nope", false, false, null));
        assertTrue(err().endsWith("query.py[ERROR]: instance-data 'v1' has no 'nope'\n"), err());
        err.reset();
        assertEquals(1, query("v1.cloud_name.more", false, false, null));
        assertTrue(err().endsWith("query.py[ERROR]: instance-data 'v1.cloud_name' has no 'more'\n"), err());
        assertEquals("", out());
    }

    @Test
    void rootGetsUserDataVendorDataAndCombinedConfig() throws IOException {
        Files2.write(root, "/run/cloud-init/combined-cloud-config.json", "{\"runcmd\": [\"ls\"]}");
        assertEquals(0, query("userdata", false, false, null));
        assertEquals("#cloud-config\nruncmd: [ls]\n\n", out());
        out.reset();
        assertEquals(0, query("combined_cloud_config", false, false, null));
        assertEquals("{\n \"runcmd\": [\n  \"ls\"\n ]\n}\n", out());
        out.reset();
        assertEquals(0, query("merged_cfg.password", false, false, null));
        assertEquals("s3cret\n", out());
    }

    @Test
    void nonRootReadsTheRedactedFileAndGetsPlaceholders() {
        asRoot = false;
        assertEquals(0, query("userdata", false, false, null));
        assertEquals("<redacted for non-root user> file:/var/lib/cloud/instance/user-data.txt\n", out());
        out.reset();
        assertEquals(0, query("merged_cfg", false, false, null));
        assertEquals("redacted for non-root user\n", out());
        out.reset();
        assertEquals(0, query("combined_cloud_config", false, false, null));
        assertEquals("<redacted for non-root user> file:/run/cloud-init/combined-cloud-config.json\n", out());
    }

    @Test
    void rootFallsBackToTheRedactedFileWithAWarning() throws IOException {
        Files.delete(root.resolve("run/cloud-init/instance-data-sensitive.json"));
        assertEquals(0, query("merged_cfg", false, false, null));
        assertEquals("redacted for non-root user\n", out());
        assertTrue(err().endsWith("query.py[WARNING]: Missing root-readable /run/cloud-init/instance-data-sensitive.json."
                + " Using redacted /run/cloud-init/instance-data.json instead.\n"), err());
    }

    @Test
    void missingUnreadableAndCorruptFilesAreClearErrors() throws Exception {
        asRoot = false;
        Files.delete(root.resolve("run/cloud-init/instance-data.json"));
        assertEquals(1, query("v1", false, false, null));
        assertTrue(err().endsWith("query.py[ERROR]: Missing instance-data file: /run/cloud-init/instance-data.json\n"),
                err());
        err.reset();
        Files2.write(root, "/run/cloud-init/instance-data.json", "{\"v1\": {\"cloud_name\": }");
        assertEquals(1, query("v1", false, false, null));
        assertTrue(err().endsWith("query.py[ERROR]: Invalid JSON in /run/cloud-init/instance-data.json, line 1,"
                + " column 23: unexpected character '}', expected a value\n"), err());
        err.reset();
        target = denyReads(target);
        assertEquals(1, query("v1", false, false, null));
        assertTrue(err().endsWith("query.py[ERROR]: No read permission on '/run/cloud-init/instance-data.json'."
                + " Try sudo\n"), err());
        assertEquals("", out());
    }

    @Test
    void missingUserDataIsAnErrorForRoot() throws IOException {
        Files.delete(root.resolve("var/lib/cloud/instances/iid-abc/user-data.txt"));
        assertEquals(1, query("v1.cloud_name", false, false, null));
        assertTrue(err().endsWith("query.py[ERROR]: Missing user-data file: /var/lib/cloud/instance/user-data.txt\n"),
                err());
    }

    @Test
    void gzippedUserDataIsDecompressedAndBinaryIsBase64() throws IOException {
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(gz)) {
            z.write("#!/bin/sh\necho hi\n".getBytes(StandardCharsets.UTF_8));
        }
        Path ud = root.resolve("var/lib/cloud/instances/iid-abc/user-data.txt");
        Files.write(ud, gz.toByteArray());
        assertEquals(0, query("userdata", false, false, null));
        assertEquals("#!/bin/sh\necho hi\n\n", out());
        out.reset();
        Files.write(ud, new byte[] {(byte) 0xff, 0, 1});
        assertEquals(0, query("userdata", false, false, null));
        assertEquals("\"ci-b64:/wAB\"\n", out());
    }

    @Test
    void explicitFilesAreHostPaths() throws IOException {
        Path id = Files.writeString(root.resolve("custom.json"), "{\"v1\": {\"cloud_name\": \"ec2\"}}");
        Path ud = Files.writeString(root.resolve("ud.txt"), "hello");
        assertEquals(0, query(new QueryRequest(id.toString(), ud.toString(), ud.toString(), "cloud_name", false, false,
                null)));
        assertEquals("ec2\n", out());
    }

    @Test
    void allDumpsEverythingSortedWithV1CopiedUp() {
        asRoot = false;
        assertEquals(0, query(null, false, true, null));
        String o = out();
        assertTrue(o.startsWith("{\n \"_beta_keys\": [\n  \"subplatform\"\n ],\n \"availability-zone\": null,\n"), o);
        assertTrue(o.contains("\n \"cloud_name\": \"nocloud\",\n"), o);
        assertTrue(o.endsWith("\n \"vendordata\": \"<redacted for non-root user> file:/var/lib/cloud/instance/vendor-data.txt\"\n}\n"),
                o);
    }

    @Test
    void nothingAskedIsAnError() {
        assertEquals(1, query(null, false, false, null));
        assertTrue(err().endsWith("query.py[ERROR]: Expected one of the options: --all, --format, --list-keys or varname\n"),
                err());
    }

    @Test
    void formatRendersWithAliasesAndDecodedKeys() {
        renderer = Optional.of(QueryToolTest::miniJinja);
        assertEquals(0, query(null, false, false, "{{ v1.cloud_name }}/{{ ds.meta_data.local_hostname }}/"
                + "{{ ds.meta_data.secret_blob }}/{{ cloud_name }}"));
        assertEquals("nocloud/myhost.example.com/hello world/nocloud\n", out());
    }

    @Test
    void formatWarnsAboutMissingVariables() {
        renderer = Optional.of(QueryToolTest::miniJinja);
        assertEquals(0, query(null, false, false, "x={{ v1.nothing }}"));
        assertEquals("x=CI_MISSING_JINJA_VAR/nothing\n", out());
        assertTrue(err().endsWith("query.py[WARNING]: Could not render jinja template variables in file"
                + " 'query commandline': 'nothing'\n"), err());
    }

    @Test
    void formatErrorsAndMissingRenderer() {
        assertEquals(1, query(null, false, false, "{{ v1.cloud_name }}"));
        assertTrue(err().endsWith("query.py[ERROR]: Failed to render templated data. No Jinja template renderer"
                + " (io.nubis.api.template.TemplateRenderer) is installed in this assembly\n"), err());
        err.reset();
        renderer = Optional.of((t, v) -> {
            throw new Exception("unexpected '}' (line 1)");
        });
        assertEquals(1, query(null, false, false, "{{ }"));
        assertTrue(err().endsWith("query.py[ERROR]: Failed to render templated data. unexpected '}' (line 1)\n"), err());
        renderer = Optional.of((t, v) -> "");
        assertEquals(1, query(null, false, false, "{{ '' }}"));
    }

    /** Just enough Jinja for the tests: {{ dotted.path }} looked up in the variables. */
    static String miniJinja(String template, Map<String, Object> vars) {
        Matcher m = Pattern.compile("\\{\\{\\s*([\\w.]+)\\s*\\}\\}").matcher(template);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            Object v = vars;
            String last = null;
            for (String part : m.group(1).split("\\.")) {
                last = part;
                v = v instanceof Map<?, ?> map ? map.get(part) : null;
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(v == null ? "CI_MISSING_JINJA_VAR/" + last : String.valueOf(v)));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /** A target whose reads are refused as for a file without read permission. */
    static TargetRoot denyReads(TargetRoot delegate) {
        return (TargetRoot) Proxy.newProxyInstance(TargetRoot.class.getClassLoader(), new Class<?>[] {TargetRoot.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("read")) {
                        throw new AccessDeniedException(String.valueOf(args[0]));
                    }
                    try {
                        return method.invoke(delegate, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @Test
    void b64dKeepsNonBase64() {
        assertEquals("hello world", JinjaVars.b64d("aGVsbG8gd29ybGQ="));
        assertEquals(42L, JinjaVars.b64d(42L));
        // like Python's b64decode, characters outside the alphabet are discarded
        assertEquals("", JinjaVars.b64d("%%%"));
        byte[] bin = (byte[]) JinjaVars.b64d(Base64.getEncoder().encodeToString(new byte[] {(byte) 0xff}));
        assertEquals(1, bin.length);
    }

    @Test
    void aliasesReplaceJinjaOperators() {
        assertEquals("user_network_config", JinjaVars.alias("user.network-config"));
        assertEquals("a_b", JinjaVars.alias("a//b"));
        assertEquals(null, JinjaVars.alias("plain_key"));
    }
}

package io.nubis.runtime.internal.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.nubis.api.datasource.CrawledData;
import io.nubis.runtime.internal.paths.CloudPaths;
import io.nubis.runtime.internal.target.ChrootTarget;

class InstanceDataTest {
    static final InstanceData.SystemFacts FACTS = new InstanceData.SystemFacts("debian", "12", "bookworm", "debian",
            "fallback", "6.1.0-18-amd64", "x86_64", "Linux", "17.0.9");

    @TempDir
    Path dir;

    private Map<String, Object> data() {
        Map<String, Object> md = new LinkedHashMap<>();
        md.put("instance-id", "i-1");
        md.put("local-hostname", "web1.example.com");
        md.put("region", "cn-north-1");
        md.put("cloud-name", "AWS");
        md.put("public-keys", Map.of("0", List.of("ssh-rsa AAA k1")));
        md.put("user-data", "secret");
        md.put("blob", new byte[] {'h', 'i'});
        CrawledData d = new CrawledData("Ec2", "metadata (http://169.254.169.254)", md, null, null, null, null, "local");
        return InstanceData.build(d, "DataSourceEc2 [metadata (http://169.254.169.254)]", Map.of("a", 1), FACTS, "22.4",
                "0.1.0");
    }

    @Test
    @SuppressWarnings("unchecked")
    void standardizedV1Keys() {
        Map<String, Object> v1 = (Map<String, Object>) data().get("v1");
        assertEquals("aws-china", v1.get("cloud_id"));
        assertEquals("aws", v1.get("cloud_name"));
        assertEquals("ec2", v1.get("platform"));
        assertEquals("web1", v1.get("local_hostname"));
        assertEquals("web1", v1.get("local-hostname"));
        assertEquals("i-1", v1.get("instance_id"));
        assertEquals(List.of("ssh-rsa AAA k1"), v1.get("public_ssh_keys"));
        assertEquals("metadata (http://169.254.169.254)", v1.get("subplatform"));
        assertEquals("Linux-6.1.0-18-amd64-x86_64", v1.get("system_platform"));
        assertEquals(List.of("subplatform"), v1.get("_beta_keys"));
        assertEquals(null, v1.get("availability_zone"));
        assertEquals("bookworm", v1.get("distro_release"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void sensitiveAndBase64KeysAreListedAndRedacted() {
        Map<String, Object> d = data();
        assertEquals(List.of("ds/meta_data/blob"), d.get("base64_encoded_keys"));
        assertEquals(List.of("ds/meta_data/user-data", "merged_cfg", "merged_system_cfg"), d.get("sensitive_keys"));
        assertEquals("aGk=", ((Map<String, Object>) ((Map<String, Object>) d.get("ds")).get("meta_data")).get("blob"));
        Map<String, Object> pub = InstanceData.redacted(d);
        assertEquals("redacted for non-root user", pub.get("merged_cfg"));
        assertEquals("redacted for non-root user",
                ((Map<String, Object>) ((Map<String, Object>) pub.get("ds")).get("meta_data")).get("user-data"));
        assertEquals("secret", ((Map<String, Object>) ((Map<String, Object>) d.get("ds")).get("meta_data")).get("user-data"));
        assertEquals(Map.of("version", "22.4", "agent_version", "0.1.0",
                "datasource", "DataSourceEc2 [metadata (http://169.254.169.254)]"), d.get("nubis"));
    }

    @Test
    void writesFilesAndReplacesTheCloudIdLink() throws Exception {
        ChrootTarget t = new ChrootTarget(dir, false);
        CloudPaths p = new CloudPaths("/var/lib/cloud", "/run/cloud-init");
        t.writeString("/run/cloud-init/cloud-id-old", "old\n", null);
        t.symlink("/run/cloud-init/cloud-id", "/run/cloud-init/cloud-id-old");
        InstanceData.write(t, p, data());
        assertEquals("aws-china\n", Files.readString(dir.resolve("run/cloud-init/cloud-id-aws-china")));
        assertEquals("/run/cloud-init/cloud-id-aws-china",
                Files.readSymbolicLink(dir.resolve("run/cloud-init/cloud-id")).toString());
        assertFalse(Files.exists(dir.resolve("run/cloud-init/cloud-id-old")));
        assertEquals(0600, t.mode("/run/cloud-init/instance-data-sensitive.json"));
        assertEquals(0644, t.mode("/run/cloud-init/instance-data.json"));
        assertTrue(Files.readString(dir.resolve("run/cloud-init/instance-data-sensitive.json")).contains("\"secret\""));
        assertFalse(Files.readString(dir.resolve("run/cloud-init/instance-data.json")).contains("\"secret\""));
    }

    @Test
    void canonicalCloudId() {
        assertEquals("aws-gov", InstanceData.cloudId("aws", "us-gov-west-1", "ec2"));
        assertEquals("azure-china", InstanceData.cloudId("azure", "chinaeast", "azure"));
        assertEquals("nocloud", InstanceData.cloudId("nocloud", null, "nocloud"));
        assertEquals("ec2", InstanceData.cloudId(null, "x", "ec2"));
    }
}

package io.nubis.runtime.internal.state;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.nubis.api.datasource.CrawledData;
import io.nubis.api.target.FileAttributes;
import io.nubis.api.target.TargetRoot;
import io.nubis.runtime.internal.ds.CrawlCache;
import io.nubis.runtime.internal.paths.CloudPaths;

/**
 * Instance data as the reference's {@code persist_instance_data} writes it:
 * {@code instance-data-sensitive.json} (0600) and {@code instance-data.json} (0644, sensitive keys
 * replaced by {@code "redacted for non-root user"}), with {@code ds}, {@code merged_cfg},
 * {@code merged_system_cfg}, {@code sys_info}, the standardized {@code v1} keys,
 * {@code base64_encoded_keys} and {@code sensitive_keys}; plus {@code cloud-id-<id>} and its
 * {@code cloud-id} link. Nubis adds a {@code nubis} object ({@code version}: the version string
 * printed as the reference's, {@code agent_version}, {@code datasource}: the datasource
 * description) that modules such as final_message read.
 */
public final class InstanceData {
    /** Value of redacted keys in the world-readable file. */
    public static final String REDACTED = "redacted for non-root user";
    /** The reference's note on the {@code ds} key. */
    public static final String EXPERIMENTAL = "EXPERIMENTAL: The structure and format of content scoped under the 'ds'"
            + " key may change in subsequent releases of cloud-init.";
    /** Key names (or key paths) whose values are sensitive, as the reference's base set. */
    public static final Set<String> SENSITIVE = Set.of("combined_cloud_config", "merged_cfg", "merged_system_cfg",
            "security-credentials", "userdata", "user-data", "user_data", "vendordata", "vendor-data",
            "ds/vendor_data");

    private InstanceData() {
    }

    /**
     * What the machine and distro say about themselves.
     *
     * @param distro        {@code ID} from os-release ({@code debian})
     * @param distroVersion {@code VERSION_ID} ({@code 12})
     * @param distroRelease {@code VERSION_CODENAME} ({@code bookworm})
     * @param variant       the distro profile's variant
     * @param hostname      the system's host name, used when meta-data has no local-hostname
     * @param kernel        kernel release
     * @param machine       machine architecture ({@code x86_64})
     * @param system        operating system ({@code Linux})
     * @param runtime       the runtime in place of the reference's Python ({@code 17.0.9})
     */
    public record SystemFacts(String distro, String distroVersion, String distroRelease, String variant,
            String hostname, String kernel, String machine, String system, String runtime) {
    }

    /**
     * Builds the processed (sensitive) instance data.
     *
     * @param d            crawled data
     * @param description  datasource description ({@code DataSourceNoCloud [seed=...]})
     * @param systemConfig merged system config
     * @param facts        system facts
     * @param version      version string as printed in banners
     * @param agentVersion Nubis's own version
     */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> build(CrawledData d, String description, Map<String, Object> systemConfig,
            SystemFacts facts, String version, String agentVersion) {
        Map<String, Object> data = new LinkedHashMap<>();
        Map<String, Object> ds = new LinkedHashMap<>();
        ds.put("_doc", EXPERIMENTAL);
        ds.put("meta_data", CrawlCache.encode(d.metadata() == null ? Map.of() : d.metadata()));
        data.put("ds", ds);
        Map<String, Object> merged = new LinkedHashMap<>((Map<String, Object>) CrawlCache.encode(systemConfig));
        merged.put("_doc", "DEPRECATED: Use merged_system_cfg. Will be dropped from 24.1");
        data.put("merged_cfg", merged);
        Map<String, Object> mergedSystem = new LinkedHashMap<>(merged);
        mergedSystem.put("_doc", "Merged cloud-init system config from /etc/cloud/cloud.cfg and /etc/cloud/cloud.cfg.d/");
        data.put("merged_system_cfg", mergedSystem);
        data.put("sys_info", sysInfo(facts));
        data.put("v1", v1(d, facts));
        Map<String, Object> nubis = new LinkedHashMap<>();
        nubis.put("version", version);
        nubis.put("agent_version", agentVersion);
        nubis.put("datasource", description);
        data.put("nubis", nubis);
        return process(data, "");
    }

    /** The reference's {@code _get_standardized_metadata} {@code v1} object. */
    static Map<String, Object> v1(CrawledData d, SystemFacts f) {
        Map<String, Object> md = d.metadata() == null ? Map.of() : d.metadata();
        String platform = d.dsName().toLowerCase(Locale.ROOT);
        Object cn = md.get("cloud-name");
        // as the reference: the metadata's cloud-name, else "unknown" (a datasource that knows its
        // cloud says so in its metadata); cloud_id then falls back to the platform ("nocloud")
        String cloudName = cn instanceof String s && !s.isBlank() ? s.toLowerCase(Locale.ROOT) : "unknown";
        Object az = md.containsKey("availability-zone") ? md.get("availability-zone") : md.get("availability_zone");
        Object region = md.get("region");
        String host = d.localHostname() != null ? d.localHostname() : f.hostname();
        String shortHost = host == null || host.isEmpty() ? "localhost" : host.split("\\.")[0];
        Map<String, Object> v1 = new LinkedHashMap<>();
        v1.put("_beta_keys", List.of("subplatform"));
        v1.put("availability-zone", az);
        v1.put("availability_zone", az);
        v1.put("cloud-name", cloudName);
        v1.put("cloud_name", cloudName);
        v1.put("cloud_id", cloudId(cloudName, region == null ? null : String.valueOf(region), platform));
        v1.put("distro", f.distro());
        v1.put("distro_release", f.distroRelease());
        v1.put("distro_version", f.distroVersion());
        v1.put("instance-id", d.instanceId());
        v1.put("instance_id", d.instanceId());
        v1.put("kernel_release", f.kernel());
        v1.put("local-hostname", shortHost);
        v1.put("local_hostname", shortHost);
        v1.put("machine", f.machine());
        v1.put("platform", platform);
        v1.put("public_ssh_keys", publicKeys(md.get("public-keys")));
        v1.put("python_version", f.runtime());
        v1.put("region", region);
        v1.put("subplatform", d.subplatform());
        v1.put("system_platform", f.system() + "-" + f.kernel() + "-" + f.machine());
        v1.put("variant", f.variant());
        return v1;
    }

    private static Map<String, Object> sysInfo(SystemFacts f) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("dist", List.of(nz(f.distro()), nz(f.distroVersion()), nz(f.distroRelease())));
        s.put("platform", f.system() + "-" + f.kernel() + "-" + f.machine());
        s.put("python", f.runtime());
        s.put("release", f.kernel());
        s.put("system", f.system());
        s.put("uname", List.of(f.system(), nz(f.hostname()), f.kernel(), "", f.machine(), f.machine()));
        s.put("variant", f.variant());
        return s;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    /** {@code public-keys} as a list: a string, a list, or a mapping's values (as the reference normalizes). */
    static List<Object> publicKeys(Object v) {
        List<Object> out = new ArrayList<>();
        if (v instanceof String s) {
            for (String line : s.split("\n")) {
                if (!line.isBlank()) {
                    out.add(line.strip());
                }
            }
        } else if (v instanceof List<?> l) {
            for (Object o : l) {
                if (o != null) {
                    out.add(o);
                }
            }
        } else if (v instanceof Map<?, ?> m) {
            for (Object o : m.values()) {
                out.addAll(publicKeys(o));
            }
        }
        return out;
    }

    /** The reference's {@code canonical_cloud_id}. */
    public static String cloudId(String cloudName, String region, String platform) {
        String cn = cloudName == null || cloudName.isEmpty() ? "unknown" : cloudName;
        String r = region == null || region.isEmpty() ? "unknown" : region;
        String p = platform == null || platform.isEmpty() ? "unknown" : platform;
        if (r.startsWith("cn-") && "aws".equals(cn)) {
            return "aws-china";
        }
        if (r.startsWith("us-gov-") && "aws".equals(cn)) {
            return "aws-gov";
        }
        if (r.startsWith("china") && "azure".equals(cn)) {
            return "azure-china";
        }
        return "unknown".equals(cn) ? p : cn;
    }

    /**
     * The reference's {@code process_instance_metadata}: {@code ci-b64:} prefixes removed and their
     * key paths listed in {@code base64_encoded_keys}; sensitive key paths in {@code sensitive_keys}.
     */
    @SuppressWarnings("unchecked")
    static Map<String, Object> process(Map<String, Object> md, String keyPath) {
        Map<String, Object> out = new LinkedHashMap<>();
        List<String> b64 = new ArrayList<>();
        List<String> sens = new ArrayList<>();
        for (Map.Entry<String, Object> e : md.entrySet()) {
            String key = e.getKey();
            String sub = keyPath.isEmpty() ? key : keyPath + "/" + key;
            Object val = e.getValue();
            if (SENSITIVE.contains(sub) || SENSITIVE.contains(key)) {
                sens.add(sub);
            }
            if (val instanceof String s && s.startsWith("ci-b64:")) {
                b64.add(sub);
                val = s.substring("ci-b64:".length());
            }
            if (val instanceof Map<?, ?> m) {
                Map<String, Object> child = process((Map<String, Object>) m, sub);
                b64.addAll((List<String>) child.remove("base64_encoded_keys"));
                sens.addAll((List<String>) child.remove("sensitive_keys"));
                val = child;
            }
            out.put(key, val);
        }
        Collections.sort(b64);
        Collections.sort(sens);
        out.put("base64_encoded_keys", b64);
        out.put("sensitive_keys", sens);
        return out;
    }

    /** A deep copy with every listed sensitive key path replaced by {@link #REDACTED}. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> redacted(Map<String, Object> processed) {
        Map<String, Object> copy = (Map<String, Object>) deepCopy(processed);
        Object keys = processed.get("sensitive_keys");
        if (keys instanceof List<?> l) {
            for (Object k : l) {
                String[] parts = String.valueOf(k).split("/");
                Map<String, Object> obj = copy;
                for (int i = 0; i < parts.length - 1 && obj.get(parts[i]) instanceof Map; i++) {
                    obj = (Map<String, Object>) obj.get(parts[i]);
                }
                obj.put(parts[parts.length - 1], REDACTED);
            }
        }
        return copy;
    }

    private static Object deepCopy(Object v) {
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, x) -> out.put(String.valueOf(k), deepCopy(x)));
            return out;
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            for (Object x : l) {
                out.add(deepCopy(x));
            }
            return out;
        }
        return v;
    }

    /** Writes both files and the cloud-id file and link, removing a previous cloud-id file. */
    @SuppressWarnings("unchecked")
    public static void write(TargetRoot target, CloudPaths paths, Map<String, Object> processed) throws IOException {
        Object v1 = processed.get("v1");
        String cloudId = v1 instanceof Map<?, ?> m && m.get("cloud_id") != null ? String.valueOf(m.get("cloud_id"))
                : "none";
        String safeId = cloudId.replace('/', '_');
        String idFile = paths.cloudIdFile(safeId);
        String previous = null;
        try {
            if (target.exists(paths.cloudIdLink())) {
                String host = target.resolve(paths.cloudIdLink()).toString();
                String root = target.root().toString();
                previous = "/".equals(root) ? host : host.substring(root.length());
            }
        } catch (IOException | RuntimeException e) {
            previous = null;
        }
        target.writeString(idFile, cloudId + "\n", FileAttributes.PUBLIC);
        target.symlink(paths.cloudIdLink(), idFile);
        if (previous != null && !previous.equals(idFile)) {
            target.delete(previous);
        }
        JsonFiles.write(target, paths.instanceDataSensitiveJson(), processed, FileAttributes.PRIVATE);
        JsonFiles.write(target, paths.instanceDataJson(), redacted(processed), FileAttributes.PUBLIC);
    }
}

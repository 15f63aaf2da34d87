package io.nubis.runtime.internal.paths;

import java.util.List;

import io.nubis.api.distro.FilesystemLayout;

/**
 * Every path of the reference's on-disk state, as target paths: the state directory
 * ({@code /var/lib/cloud}: instance directories, the {@code instance} symlink, semaphores,
 * {@code data/}, {@code scripts/}, seeds) and the run directory ({@code /run/cloud-init}:
 * instance data, status links, the current instance id). Per-instance paths come from
 * {@link #instance(String)}.
 */
public final class CloudPaths {
    private final String cloudDir;
    private final String runDir;

    /**
     * @param cloudDir state directory, absolute ({@code /var/lib/cloud}, trailing slash allowed)
     * @param runDir   run directory, absolute ({@code /run/cloud-init})
     */
    public CloudPaths(String cloudDir, String runDir) {
        this.cloudDir = clean(cloudDir, "cloud_dir");
        this.runDir = clean(runDir, "run_dir");
    }

    /** The paths of a filesystem layout. */
    public static CloudPaths of(FilesystemLayout layout) {
        return new CloudPaths(layout.cloudDir(), layout.runDir());
    }

    private static String clean(String dir, String what) {
        if (dir == null || !dir.startsWith("/")) {
            throw new IllegalArgumentException(what + " must be an absolute path, got " + dir);
        }
        String d = dir;
        while (d.length() > 1 && d.endsWith("/")) {
            d = d.substring(0, d.length() - 1);
        }
        return d;
    }

    /** {@code /var/lib/cloud}. */
    public String cloudDir() {
        return cloudDir;
    }

    /** {@code /run/cloud-init}. */
    public String runDir() {
        return runDir;
    }

    /** A path under the state directory. */
    public String cloud(String rel) {
        return cloudDir + "/" + rel;
    }

    /** A path under the run directory. */
    public String run(String rel) {
        return runDir + "/" + rel;
    }

    /** The {@code instance} symlink to the current instance directory. */
    public String instanceLink() {
        return cloud("instance");
    }

    /** {@code instances/}, holding one directory per instance id. */
    public String instancesDir() {
        return cloud("instances");
    }

    /** Once-semaphores ({@code sem/config_NAME.once}, {@code sem/bootper.NAME.once}). */
    public String semDir() {
        return cloud("sem");
    }

    /** Per-boot semaphores, in the run directory (emptied at boot). */
    public String bootSemDir() {
        return run("sem");
    }

    /** {@code data/}. */
    public String dataDir() {
        return cloud("data");
    }

    /** A file in {@code data/} ({@code instance-id}, {@code status.json}...). */
    public String data(String name) {
        return dataDir() + "/" + name;
    }

    /** {@code data/instance-id}: the current instance id, across boots. */
    public String instanceIdFile() {
        return data("instance-id");
    }

    /** {@code data/previous-instance-id}. */
    public String previousInstanceIdFile() {
        return data("previous-instance-id");
    }

    /** {@code data/previous-datasource}. */
    public String previousDatasourceFile() {
        return data("previous-datasource");
    }

    /** {@code data/status.json}. */
    public String statusJson() {
        return data("status.json");
    }

    /** {@code data/result.json}. */
    public String resultJson() {
        return data("result.json");
    }

    /** {@code <run>/status.json}, a relative symlink to {@link #statusJson()}. */
    public String statusLink() {
        return run("status.json");
    }

    /** {@code <run>/result.json}, a relative symlink to {@link #resultJson()}. */
    public String resultLink() {
        return run("result.json");
    }

    /** {@code <run>/.instance-id}: the instance id this boot has settled on. */
    public String runInstanceId() {
        return run(".instance-id");
    }

    /** {@code <run>/cloud.cfg}, written by ds-identify. */
    public String runCloudCfg() {
        return run("cloud.cfg");
    }

    /** {@code <run>/instance-data.json} (0644, sensitive keys redacted). */
    public String instanceDataJson() {
        return run("instance-data.json");
    }

    /** {@code <run>/instance-data-sensitive.json} (0600). */
    public String instanceDataSensitiveJson() {
        return run("instance-data-sensitive.json");
    }

    /** {@code <run>/combined-cloud-config.json} (0600). */
    public String combinedCloudConfigJson() {
        return run("combined-cloud-config.json");
    }

    /** {@code <run>/cloud-id}, a symlink to {@link #cloudIdFile(String)}. */
    public String cloudIdLink() {
        return run("cloud-id");
    }

    /** {@code <run>/cloud-id-<id>}. */
    public String cloudIdFile(String cloudId) {
        return run("cloud-id-" + cloudId);
    }

    /** {@code <run>/enabled} and {@code <run>/disabled} markers. */
    public String runMarker(boolean enabled) {
        return run(enabled ? "enabled" : "disabled");
    }

    /** {@code scripts/}: {@code per-boot}, {@code per-instance}, {@code per-once}, {@code vendor}. */
    public String scriptsDir(String kind) {
        return cloud("scripts/" + kind);
    }

    /** {@code seed/<name>}. */
    public String seedDir(String name) {
        return cloud("seed/" + name);
    }

    /** The directories the reference creates at the start of {@code init}. */
    public List<String> initDirs() {
        return List.of(cloudDir, cloud("scripts"), scriptsDir("per-instance"), scriptsDir("per-once"),
                scriptsDir("per-boot"), scriptsDir("vendor"), cloud("seed"), instancesDir(), cloud("handlers"),
                semDir(), dataDir());
    }

    /** The directory of an instance: {@code instances/<iid>}, a {@code /} in the id becoming {@code _}. */
    public Instance instance(String instanceId) {
        if (instanceId == null || instanceId.isEmpty()) {
            throw new IllegalArgumentException("no instance id given");
        }
        String safe = instanceId.replace('/', '_');
        if (".".equals(safe) || "..".equals(safe) || safe.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("unusable instance id '" + instanceId.replace('\0', '?') + "'");
        }
        return new Instance(instancesDir() + "/" + safe, safe);
    }

    /**
     * The files of one instance directory.
     *
     * @param dir  {@code /var/lib/cloud/instances/<iid>}
     * @param name the directory's name (the path-safe instance id), the target of the {@code instance} link
     */
    public record Instance(String dir, String name) {
        /** A path in the instance directory. */
        public String path(String rel) {
            return dir + "/" + rel;
        }

        /** {@code user-data.txt}: raw user-data (0600). */
        public String userDataRaw() {
            return path("user-data.txt");
        }

        /** {@code user-data.txt.i}: processed user-data as MIME (0600). */
        public String userData() {
            return path("user-data.txt.i");
        }

        /** {@code vendor-data.txt} (0600). */
        public String vendorDataRaw() {
            return path("vendor-data.txt");
        }

        /** {@code vendor-data.txt.i} (0600). */
        public String vendorData() {
            return path("vendor-data.txt.i");
        }

        /** {@code vendor-data2.txt} (0600). */
        public String vendorData2Raw() {
            return path("vendor-data2.txt");
        }

        /** {@code vendor-data2.txt.i} (0600). */
        public String vendorData2() {
            return path("vendor-data2.txt.i");
        }

        /** {@code cloud-config.txt}: merged user cloud-config (0600). */
        public String cloudConfig() {
            return path("cloud-config.txt");
        }

        /** {@code vendor-cloud-config.txt} (0600). */
        public String vendorCloudConfig() {
            return path("vendor-cloud-config.txt");
        }

        /** {@code vendor2-cloud-config.txt} (0600). */
        public String vendor2CloudConfig() {
            return path("vendor2-cloud-config.txt");
        }

        /** {@code scripts/}: user-data scripts, run by scripts_user (0700 each). */
        public String scripts() {
            return path("scripts");
        }

        /** {@code scripts/vendor/}. */
        public String vendorScripts() {
            return path("scripts/vendor");
        }

        /** {@code boothooks/}. */
        public String boothooks() {
            return path("boothooks");
        }

        /** {@code handlers/}. */
        public String handlers() {
            return path("handlers");
        }

        /** {@code sem/}: per-instance semaphores. */
        public String sem() {
            return path("sem");
        }

        /** {@code datasource}: the datasource description. */
        public String datasource() {
            return path("datasource");
        }

        /** {@code obj.json}: the crawled datasource data (Nubis's JSON instead of {@code obj.pkl}; 0600). */
        public String cache() {
            return path("obj.json");
        }

        /** {@code boot-finished}, written by final_message. */
        public String bootFinished() {
            return path("boot-finished");
        }

        /** {@code network-config.json} (0600). */
        public String networkConfig() {
            return path("network-config.json");
        }

        /** {@code manual-clean}: marker that makes the cache trusted across instance-id changes. */
        public String manualClean() {
            return path("manual-clean");
        }

        /** {@code data/}: url cache of {@code #include-once}. */
        public String data() {
            return path("data");
        }
    }
}

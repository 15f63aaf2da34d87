package io.nubis.runtime.internal.boot;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.nubis.runtime.internal.config.SystemConfig;
import io.nubis.runtime.internal.merge.MergeException;
import io.nubis.runtime.internal.merge.MergedConfig;
import io.nubis.runtime.internal.merge.PartMerger;
import io.nubis.runtime.internal.paths.CloudPaths;
import io.nubis.runtime.internal.userdata.CloudConfigDocument;
import io.nubis.runtime.internal.userdata.IncludeFetcher;
import io.nubis.runtime.internal.userdata.IncludeOnceCache;
import io.nubis.runtime.internal.userdata.ProcessedUserData;
import io.nubis.runtime.internal.userdata.UserDataKind;
import io.nubis.runtime.internal.userdata.UserDataLimits;
import io.nubis.runtime.internal.userdata.UserDataProcessor;
import io.nubis.runtime.internal.yaml.Yaml;
import io.nubis.runtime.internal.yaml.YamlException;

/**
 * Backs {@code merge}: the cloud-config the stages would use, merged from the same sources in
 * the same order (system config, vendor-data, user-data, {@code -f} files), printed as YAML,
 * followed by where each key came from. Reads only; writes nothing in the target.
 */
public final class ConfigExplain {
    private final BootSession s;
    private final Path userData;
    private final PrintStream out;
    private final PrintStream err;

    /**
     * @param userData a user-data file to merge instead of the current instance's, or null
     */
    public ConfigExplain(BootSession s, Path userData, PrintStream out, PrintStream err) {
        this.s = s;
        this.userData = userData;
        this.out = out;
        this.err = err;
    }

    /** Prints the merged config and its provenance; 1 if the user-data file had errors. */
    public int run(boolean explain) throws IOException {
        SystemConfig sc = s.loadSystemConfig();
        sc.findings().forEach(f -> err.println("warning: " + f));
        CloudPaths paths = s.paths(sc.config().asMap());
        int rc = 0;
        MergedConfig user = null;
        CloudPaths.Instance inst = null;
        if (userData != null) {
            ProcessedUserData p = process(Files.readAllBytes(userData));
            rc = p.hasErrors() ? 1 : 0;
            p.findings().forEach(f -> err.println(userData + ": " + f));
            user = merge(p);
        } else {
            String iid = s.target().readString(paths.instanceIdFile()).map(String::strip).orElse("");
            if (!iid.isEmpty()) {
                inst = paths.instance(iid);
            }
        }
        MergedConfig merged = ConfigAssembler.merge(s, sc, inst,
                new ConfigAssembler.InstanceConfigs(user, null, null));
        out.print("#cloud-config\n" + merged.toYaml());
        if (explain) {
            out.println();
            out.println("# Where each key was last set (highest precedence first when several built it):");
            for (String line : merged.explain().split("\n")) {
                if (!line.isEmpty()) {
                    out.println("#   " + line);
                }
            }
        }
        return rc;
    }

    private ProcessedUserData process(byte[] raw) {
        UserDataProcessor p = new UserDataProcessor(IncludeFetcher.NONE, IncludeOnceCache.NONE,
                () -> s.plugins().templateRenderer().orElse(null), UserDataLimits.DEFAULT);
        return p.process(UserDataKind.USER_DATA, raw, Map::of, null);
    }

    private MergedConfig merge(ProcessedUserData p) {
        PartMerger merger = new PartMerger();
        for (CloudConfigDocument doc : p.cloudConfigs()) {
            try {
                merger.add(doc.label(), Yaml.load(doc.text(), doc.label()), doc.mergeType());
            } catch (YamlException | MergeException e) {
                err.println(userData + ": " + doc.label() + ": " + e.getMessage());
            }
        }
        return merger.result();
    }
}

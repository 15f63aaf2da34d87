package io.nubis.runtime.internal.boot;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.nubis.api.datasource.CrawledData;
import io.nubis.api.exec.Command;
import io.nubis.api.exec.CommandException;
import io.nubis.api.exec.CommandResult;
import io.nubis.api.report.Reporter;
import io.nubis.api.target.FileAttributes;
import io.nubis.runtime.internal.ds.UrlFetcher;
import io.nubis.runtime.internal.merge.ConfigMerge;
import io.nubis.runtime.internal.merge.ConfigSource;
import io.nubis.runtime.internal.merge.MergeException;
import io.nubis.runtime.internal.merge.MergedConfig;
import io.nubis.runtime.internal.merge.PartMerger;
import io.nubis.runtime.internal.paths.CloudPaths;
import io.nubis.runtime.internal.userdata.BoothookPart;
import io.nubis.runtime.internal.userdata.CloudConfigDocument;
import io.nubis.runtime.internal.userdata.Finding;
import io.nubis.runtime.internal.userdata.IncludeFetcher;
import io.nubis.runtime.internal.userdata.ProcessedMimeWriter;
import io.nubis.runtime.internal.userdata.ProcessedUserData;
import io.nubis.runtime.internal.userdata.ScriptPart;
import io.nubis.runtime.internal.userdata.TargetIncludeOnceCache;
import io.nubis.runtime.internal.userdata.UserDataKind;
import io.nubis.runtime.internal.userdata.UserDataLimits;
import io.nubis.runtime.internal.userdata.UserDataProcessor;
import io.nubis.runtime.internal.userdata.VendorDataPolicy;
import io.nubis.runtime.internal.yaml.Yaml;
import io.nubis.runtime.internal.yaml.YamlException;

/**
 * User-data, vendor-data and vendor-data2 of the current instance, as the reference's
 * {@code Init.update} and {@code Init.consume_data}:
 * <ul>
 * <li>{@link #store}: processes the three blobs ({@link UserDataProcessor}) and writes the raw
 * ({@code user-data.txt}, {@code vendor-data.txt}, {@code vendor-data2.txt}) and processed
 * ({@code .txt.i}) files, all 0600;</li>
 * <li>{@link #consume}: for user-data (unless {@code allow_userdata: false}), then vendor-data
 * and vendor-data2 (as {@code vendor_data}/{@code vendor_data2} of the system and user config
 * allow): merges the cloud-config parts in order into {@code cloud-config.txt} (or
 * {@code vendor-cloud-config.txt}, {@code vendor2-cloud-config.txt}) with part provenance,
 * writes scripts (0700) to the instance's {@code scripts/} ({@code scripts/vendor/} for vendor
 * parts) or {@code <cloud>/scripts/per-*}, and writes and runs boothooks with
 * {@code INSTANCE_ID} set.</li>
 * </ul>
 * Bad input never stops the boot: every problem is logged (error or warning) naming the part,
 * and counts among the stage's recoverable errors.
 */
public final class UserDataStep {
    private static final Logger LOG = LoggerFactory.getLogger("stages");
    /** {@code #include} fetches: the reference's 5 s timeout and 10 retries. */
    static final Duration INCLUDE_TIMEOUT = Duration.ofSeconds(5);
    static final int INCLUDE_RETRIES = 10;

    private final BootSession s;
    private final CloudPaths paths;
    private final CloudPaths.Instance inst;
    private final CrawledData data;
    private final Map<String, Object> instanceData;
    private final Map<String, Object> systemConfig;
    private ProcessedUserData user;
    private ProcessedUserData vendor;
    private ProcessedUserData vendor2;

    public UserDataStep(BootSession s, CloudPaths paths, CloudPaths.Instance inst, CrawledData data,
            Map<String, Object> instanceData, Map<String, Object> systemConfig) {
        this.s = s;
        this.paths = paths;
        this.inst = inst;
        this.data = data;
        this.instanceData = instanceData;
        this.systemConfig = systemConfig;
    }

    /** Processes the three blobs and writes their raw and processed files. */
    public void store(Reporter reporter) throws IOException {
        UserDataLimits limits = UserDataLimits.DEFAULT;
        UserDataProcessor p = new UserDataProcessor(includeFetcher(limits),
                new TargetIncludeOnceCache(s.target(), inst.data() + "/urlcache"),
                () -> s.plugins().templateRenderer().orElse(null), limits);
        Integer launchIndex = launchIndex();
        user = p.process(UserDataKind.USER_DATA, data.userData(), () -> instanceData, launchIndex);
        vendor = p.process(UserDataKind.VENDOR_DATA, data.vendorData(), () -> instanceData, launchIndex);
        vendor2 = p.process(UserDataKind.VENDOR_DATA2, data.vendorData2(), () -> instanceData, launchIndex);
        storeBlob(inst.userDataRaw(), inst.userData(), data.userData(), user);
        storeBlob(inst.vendorDataRaw(), inst.vendorData(), data.vendorData(), vendor);
        storeBlob(inst.vendorData2Raw(), inst.vendorData2(), data.vendorData2(), vendor2);
    }

    private void storeBlob(String rawPath, String processedPath, byte[] raw, ProcessedUserData processed)
            throws IOException {
        s.target().write(rawPath, raw == null ? new byte[0] : raw, FileAttributes.PRIVATE);
        s.target().writeString(processedPath, processed.parts().isEmpty() ? "" : ProcessedMimeWriter.render(processed),
                FileAttributes.PRIVATE);
    }

    private Integer launchIndex() {
        Object li = data.metadata() == null ? null : data.metadata().get("launch-index");
        if (li instanceof Number n) {
            return n.intValue();
        }
        if (li instanceof String str) {
            try {
                return Integer.valueOf(str.strip());
            } catch (NumberFormatException e) {
                LOG.warn("meta-data launch-index '{}' is not a number; ignored", str);
            }
        }
        return null;
    }

    private IncludeFetcher includeFetcher(UserDataLimits limits) {
        UrlFetcher f = new UrlFetcher(s.target());
        return uri -> f.fetch(uri, INCLUDE_TIMEOUT, INCLUDE_RETRIES, limits.maxPartBytes())
                .orElseThrow(() -> new IOException(UrlFetcher.display(uri) + ": not found (404)"));
    }

    /**
     * Consumes what {@link #store} processed.
     *
     * @return the user, vendor and vendor2 cloud-config merged from their parts
     */
    public ConfigAssembler.InstanceConfigs consume(Reporter reporter) throws IOException {
        if (user == null) {
            store(reporter);
        }
        MergedConfig userCfg;
        try (Reporter.Scope scope = reporter.start("consume-user-data", "reading and applying user-data")) {
            report(user);
            ProcessedUserData consumable = VendorDataPolicy.consumableUserData(user, systemConfig);
            if (!VendorDataPolicy.userDataAllowed(systemConfig)) {
                LOG.debug("allow_userdata = False: discarding user-data");
            }
            userCfg = apply(consumable, inst.cloudConfig());
        }
        MergedConfig policyCfg = ConfigMerge.mergeMany(List.of(userCfg.asSource(inst.cloudConfig()),
                ConfigSource.of("system config", systemConfig)), e -> LOG.warn("{}", e.getMessage()));
        MergedConfig vendorCfg;
        try (Reporter.Scope scope = reporter.start("consume-vendor-data", "reading and applying vendor-data")) {
            vendorCfg = consumeVendor(vendor, UserDataKind.VENDOR_DATA, policyCfg, inst.vendorCloudConfig());
        }
        MergedConfig vendor2Cfg;
        try (Reporter.Scope scope = reporter.start("consume-vendor-data2", "reading and applying vendor-data2")) {
            vendor2Cfg = consumeVendor(vendor2, UserDataKind.VENDOR_DATA2, policyCfg, inst.vendor2CloudConfig());
        }
        return new ConfigAssembler.InstanceConfigs(userCfg, vendorCfg, vendor2Cfg);
    }

    private MergedConfig consumeVendor(ProcessedUserData blob, UserDataKind kind, MergedConfig policyCfg, String cfgPath)
            throws IOException {
        report(blob);
        VendorDataPolicy policy = VendorDataPolicy.of(kind, policyCfg.asMap());
        ProcessedUserData consumable = policy.apply(blob);
        for (Finding f : consumable.findings()) {
            if (!blob.findings().contains(f)) {
                log(f);
            }
        }
        if (!policy.enabled()) {
            LOG.debug("{} consumption is disabled.", kind.label());
        }
        return apply(consumable, cfgPath);
    }

    /** Merges the cloud-configs into a file, writes the scripts, writes and runs the boothooks. */
    private MergedConfig apply(ProcessedUserData p, String cloudConfigPath) throws IOException {
        PartMerger merger = new PartMerger();
        List<String> files = new ArrayList<>();
        for (CloudConfigDocument doc : p.cloudConfigs()) {
            if (doc.jsonPatch()) {
                LOG.warn("{}: #cloud-config-jsonp (JSON patch) parts are not supported; part ignored", doc.label());
                continue;
            }
            try {
                Object parsed = Yaml.load(doc.text(), doc.label());
                merger.add(doc.label(), parsed, doc.mergeType());
                files.add(doc.filename());
            } catch (YamlException | MergeException e) {
                LOG.warn("Failed at merging in cloud config part from {}: {}", doc.label(), e.getMessage());
            }
        }
        MergedConfig merged = merger.result();
        s.target().writeString(cloudConfigPath, cloudConfigText(files, merged, !merger.labels().isEmpty()),
                FileAttributes.PRIVATE);
        for (ScriptPart sp : p.scripts()) {
            String dir = scriptDir(sp, p.kind());
            s.target().write(dir + "/" + sp.name(), sp.content(), FileAttributes.mode(0700));
        }
        for (BoothookPart b : p.boothooks()) {
            runBoothook(b);
        }
        return merged;
    }

    /** The reference's cloud-config file: header, the part file names, then the YAML document; empty if no part. */
    static String cloudConfigText(List<String> files, MergedConfig merged, boolean any) {
        if (!any) {
            return "";
        }
        List<String> lines = new ArrayList<>();
        lines.add("#cloud-config");
        lines.add("");
        if (!files.isEmpty()) {
            lines.add("# from " + files.size() + " files");
            for (String f : files) {
                lines.add("# " + (f == null || f.isEmpty() ? "?" : f));
            }
            lines.add("");
        }
        lines.add(Yaml.dumpDocument(merged.asMap()));
        return String.join("\n", lines);
    }

    private String scriptDir(ScriptPart sp, UserDataKind source) {
        return switch (sp.kind()) {
            case PART -> source == UserDataKind.USER_DATA ? inst.scripts() : inst.vendorScripts();
            case PER_BOOT -> paths.scriptsDir("per-boot");
            case PER_INSTANCE -> paths.scriptsDir("per-instance");
            case PER_ONCE -> paths.scriptsDir("per-once");
        };
    }

    private void runBoothook(BoothookPart b) throws IOException {
        String path = inst.boothooks() + "/" + b.name();
        s.target().write(path, b.content(), FileAttributes.mode(0700));
        Command c = Command.of(path).withEnv("INSTANCE_ID", data.instanceId());
        try {
            CommandResult r = s.runner().run(c);
            forward(r);
        } catch (CommandException e) {
            if (e.result() != null) {
                forward(e.result());
                LOG.warn("Boothook {} returned a non-zero exit code: {}", path, e.getMessage());
            } else {
                LOG.warn("Boothook {} failed: {}", path, e.getMessage());
            }
        }
    }

    private void forward(CommandResult r) {
        for (byte[] out : new byte[][] {r.stdout(), r.stderr()}) {
            String text = new String(out, StandardCharsets.UTF_8);
            if (!text.isEmpty()) {
                for (String line : text.split("\n", -1)) {
                    if (!line.isEmpty()) {
                        s.output().accept(line);
                    }
                }
            }
        }
    }

    private static void report(ProcessedUserData p) {
        for (Finding f : p.findings()) {
            log(f);
        }
    }

    private static void log(Finding f) {
        switch (f.severity()) {
            case ERROR -> LOG.error("{}: {}", f.where(), f.message());
            case WARNING -> LOG.warn("{}: {}", f.where(), f.message());
            default -> LOG.info("{}: {}", f.where(), f.message());
        }
    }
}

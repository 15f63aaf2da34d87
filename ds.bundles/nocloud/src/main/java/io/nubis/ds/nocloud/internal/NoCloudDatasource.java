package io.nubis.ds.nocloud.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;

import io.nubis.api.config.Values;
import io.nubis.api.datasource.CrawledData;
import io.nubis.api.datasource.Datasource;
import io.nubis.api.datasource.DatasourceContext;
import io.nubis.api.datasource.DatasourceException;
import io.nubis.api.datasource.NubisDatasource;
import io.nubis.api.module.Stage;

/**
 * The NoCloud datasource. Sources are read in the reference's order: DMI system serial and kernel
 * command line ({@code ds=nocloud;i=...;h=...;s=...}), the first complete seed directory,
 * {@code datasource.NoCloud} in system config ({@code seedfrom}, inline seed), then the first
 * valid {@code cidata} volume; finally {@code seedfrom} is read if any source named one. Meta-data
 * keys seen first win; user-data, vendor-data and network-config come from the last source that
 * has them. Network seeds are only fetched in the network stage.
 */
@Component(service = Datasource.class)
@NubisDatasource(nubis_datasource = NoCloudDatasource.NAME, stage = {"local", "network"},
        detect_files = {"/var/lib/cloud/seed/nocloud", "/var/lib/cloud/seed/nocloud-net"},
        detect_labels = {"cidata", "CIDATA"},
        detect_cmdline = {"ds=nocloud*", "ds=nocloud-net*"},
        detect_dmi = {"product_serial=ds=nocloud*"},
        // the reference's base DataSource: every network event supported, only a new instance by default
        update_events = {"boot-new-instance", "boot", "boot-legacy", "hotplug"},
        update_events_default = {"boot-new-instance"})
public final class NoCloudDatasource implements Datasource {
    /** Name in {@code datasource_list}. */
    static final String NAME = "NoCloud";
    /** Seed directories, searched in order; the first with both meta-data and user-data is used. */
    static final List<String> SEED_DIRS = List.of("/var/lib/cloud/seed/nocloud", "/var/lib/cloud/seed/nocloud-net");
    /** Instance id when no source gives one (the reference's default). */
    static final String DEFAULT_INSTANCE_ID = "nocloud";
    /** dsmode when no source gives one. */
    static final String DEFAULT_DSMODE = "net";
    private static final Set<String> DSMODES = Set.of("local", "net", "pass", "disabled");

    private final BooleanSupplier isRoot;

    /** Used by DS. */
    @Activate
    public NoCloudDatasource() {
        this(Privileges::isRoot);
    }

    /** For tests: decides whether volumes may be mounted. */
    NoCloudDatasource(BooleanSupplier isRoot) {
        this.isRoot = isRoot;
    }

    @Override
    public Optional<CrawledData> crawl(DatasourceContext ctx) throws DatasourceException {
        Logger log = ctx.log();
        NoCloudSettings settings = new NoCloudSettings(ctx.config());
        SeedMerge merge = new SeedMerge();

        Optional<String> serial = Dmi.read(ctx.target(), "product_serial", log);
        if (serial.isPresent()) {
            CmdlineSeed.parse(serial.get()).ifPresent(md -> merge.add(SeedPart.metaOnly("dmi", md)));
        }
        CmdlineSeed.parse(ctx.kernelCmdline()).ifPresent(md -> merge.add(SeedPart.metaOnly("cmdline", md)));

        for (String dir : SEED_DIRS) {
            SeedFiles seed = SeedFiles.read(ctx.target(), dir);
            if (seed.complete()) {
                log.debug("NoCloud: using seeded data from {}", dir);
                merge.add(SeedPart.of(dir, seed));
                break;
            }
            if (!seed.files().isEmpty()) {
                log.warn("NoCloud: seed directory {} ignored: it lacks {}", dir, String.join(", ", seed.missing()));
            }
        }

        String cfgSeedfrom = settings.seedfrom();
        if (cfgSeedfrom != null) {
            merge.note("ds_config_seedfrom");
            merge.force("seedfrom", cfgSeedfrom);
        }
        if (settings.hasInlineSeed()) {
            merge.add(settings.inlineSeed());
        }

        String label = settings.fsLabel();
        if (label != null) {
            new CidataVolumes(ctx, isRoot).read(label).ifPresent(merge::add);
        }

        if (merge.found().isEmpty()) {
            return Optional.empty();
        }

        Object seedfrom = merge.metaData().get("seedfrom");
        if (seedfrom != null && !"".equals(seedfrom)) {
            if (!(seedfrom instanceof String s)) {
                throw new DatasourceException("NoCloud meta-data seedfrom (from " + String.join(",", merge.found())
                        + "): expected a string, got " + Values.typeName(seedfrom));
            }
            if (!readSeedfrom(ctx, settings, merge, Dmi.substitute(s, ctx.target(), log))) {
                return Optional.empty();
            }
        }

        merge.defaults(Map.of("instance-id", DEFAULT_INSTANCE_ID, "dsmode", DEFAULT_DSMODE));
        checkInstanceId(merge.metaData(), log);
        String dsmode = dsmode(merge.metaData().get("dsmode"), log);
        if ("disabled".equals(dsmode)) {
            log.debug("NoCloud: not claiming datasource, dsmode=disabled");
            return Optional.empty();
        }
        String seed = String.join(",", merge.found());
        String subplatform = (seed.startsWith("/dev") ? "config-disk" : "seed-dir") + " (" + seed + ")";
        byte[] userData = merge.userData() == null ? new byte[0] : merge.userData();
        return Optional.of(new CrawledData(NAME, subplatform, merge.metaData(), userData, merge.vendorData(),
                null, merge.networkConfig(), dsmode));
    }

    /** Reads a seedfrom location into the merge; false if this stage cannot use it. */
    private static boolean readSeedfrom(DatasourceContext ctx, NoCloudSettings settings, SeedMerge merge,
            String seedfrom) throws DatasourceException {
        Logger log = ctx.log();
        String shown = SeedFrom.display(seedfrom);
        switch (SeedFrom.kind(seedfrom)) {
            case UNSUPPORTED:
                log.warn("NoCloud: seedfrom {} is not supported: use a /path/, file://, http:// or https:// "
                        + "location", shown);
                return false;
            case FTP:
                if (ctx.stage() == Stage.LOCAL) {
                    log.info("NoCloud: seedfrom {} needs the network stage", shown);
                    return false;
                }
                throw new DatasourceException("seedfrom " + shown + ": ftp and ftps seeds are not supported; "
                        + "serve the seed over http(s)");
            case NETWORK:
                if (ctx.stage() == Stage.LOCAL) {
                    log.info("NoCloud: seedfrom {} is fetched in the network stage", shown);
                    return false;
                }
                merge.add(SeedFrom.read(ctx, seedfrom, shown, settings.timeout(), settings.retries()));
                break;
            case LOCAL:
            default:
                merge.add(SeedFrom.read(ctx, seedfrom, shown, settings.timeout(), 0));
                break;
        }
        log.debug("NoCloud: using seeded data from {}", shown);
        return true;
    }

    /** A blank or missing instance id falls back to the default; a structured one is an error. */
    private static void checkInstanceId(Map<String, Object> md, Logger log) throws DatasourceException {
        Object iid = md.get("instance-id");
        if (iid instanceof Map || iid instanceof List) {
            throw new DatasourceException("NoCloud meta-data instance-id: expected a string, got "
                    + Values.typeName(iid));
        }
        if (iid == null || String.valueOf(iid).isBlank()) {
            log.warn("NoCloud: meta-data instance-id is empty; using '{}'", DEFAULT_INSTANCE_ID);
            md.put("instance-id", DEFAULT_INSTANCE_ID);
        }
    }

    /** The dsmode meta-data asks for; an unknown one falls back to {@code net} as in the reference. */
    static String dsmode(Object v, Logger log) {
        if (v == null) {
            return DEFAULT_DSMODE;
        }
        String s = String.valueOf(v);
        if (DSMODES.contains(s)) {
            return s;
        }
        log.warn("NoCloud: invalid dsmode '{}', using default={}", s, DEFAULT_DSMODE);
        return DEFAULT_DSMODE;
    }
}

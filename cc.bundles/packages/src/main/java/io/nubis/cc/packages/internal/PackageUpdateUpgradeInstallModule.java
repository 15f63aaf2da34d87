package io.nubis.cc.packages.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

import io.nubis.api.config.CloudConfig;
import io.nubis.api.config.Values;
import io.nubis.api.distro.PackageManager;
import io.nubis.api.distro.PackageSpec;
import io.nubis.api.exec.Command;
import io.nubis.api.exec.CommandException;
import io.nubis.api.module.ConfigModule;
import io.nubis.api.module.Frequency;
import io.nubis.api.module.ModuleContext;
import io.nubis.api.module.ModuleException;
import io.nubis.api.module.NubisModule;
import io.nubis.api.target.FileAttributes;

/**
 * {@code package_update_upgrade_install}, as the reference's module: refreshes the package index
 * (at most once per instance, recorded by the {@code update_sources} semaphore in the instance's
 * {@code sem/} directory, written only after the refresh succeeded), upgrades, installs
 * {@code packages} (names, {@code [name, version]} pins, or mappings keyed by package manager),
 * and reboots when asked to and the package manager says a reboot is required. Each step's
 * failure is recorded and the next step still runs; the module fails at the end naming them all.
 */
@Component(service = ConfigModule.class)
@NubisModule(nubis_module = PackageUpdateUpgradeInstallModule.NAME, stage = "final",
        frequency = Frequency.PER_INSTANCE_ID, idempotent = false,
        keys = {"apt_update", "package_update", "apt_upgrade", "package_upgrade", "packages",
                "apt_reboot_if_required", "package_reboot_if_required"},
        schema = "schema/package_update_upgrade_install.json")
public final class PackageUpdateUpgradeInstallModule implements ConfigModule {
    static final String NAME = "package_update_upgrade_install";
    /** The reference's semaphore name for a package-index refresh. */
    static final String UPDATE_SEMAPHORE = "update_sources";

    /** Stateless. */
    @Activate
    public PackageUpdateUpgradeInstallModule() {
    }

    @Override
    public void run(ModuleContext ctx) throws ModuleException {
        CloudConfig cfg = ctx.config();
        boolean update = cfg.bool("apt_update", false) || cfg.bool("package_update", false);
        boolean upgrade = cfg.bool("apt_upgrade", false) || cfg.bool("package_upgrade", false);
        boolean rebootIfRequired = cfg.bool("apt_reboot_if_required", false)
                || cfg.bool("package_reboot_if_required", false);
        List<String> managers = managers(ctx);
        Map<String, List<PackageSpec>> packages = PackageList.parse(cfg.list("packages"), managers);
        String nativeName = managers.isEmpty() ? "" : managers.get(0);
        for (Map.Entry<String, List<PackageSpec>> e : packages.entrySet()) {
            if (!e.getKey().equals(nativeName) && !e.getValue().isEmpty()) {
                throw new ModuleException("packages: package manager '" + e.getKey()
                        + "' is declared by system_info.package_managers but Nubis has no adapter for it;"
                        + " only '" + nativeName + "' packages can be installed");
            }
        }
        List<PackageSpec> install = packages.get(nativeName);
        if (!update && !upgrade && install.isEmpty()) {
            ctx.log().debug("Skipping module named {}, no package update, upgrade or install requested", ctx.name());
            return;
        }
        PackageManager pm = ctx.distro().packages();
        List<String> errors = new ArrayList<>();
        if (update || upgrade || !install.isEmpty()) {
            refresh(ctx, pm, errors);
        }
        if (upgrade) {
            step(ctx, pm.upgrade(), "Package upgrade failed", errors);
        }
        if (!install.isEmpty()) {
            Command cmd;
            try {
                cmd = pm.install(install);
            } catch (IllegalArgumentException e) {
                throw new ModuleException("packages: " + e.getMessage(), e);
            }
            step(ctx, cmd, "Failed to install packages: " + names(install), errors);
        }
        if ((upgrade || !install.isEmpty()) && rebootIfRequired) {
            if (pm.rebootRequired(ctx.target())) {
                ctx.log().warn("Rebooting after upgrade or install: the package manager says a reboot is required");
                step(ctx, ctx.distro().initSystem().powerState("reboot", "now", ""), "Requested reboot did not happen",
                        errors);
            } else {
                ctx.log().debug("No reboot required after upgrade or install");
            }
        }
        if (!errors.isEmpty()) {
            throw new ModuleException(NAME + ": " + errors.size() + " step(s) failed: " + String.join("; ", errors));
        }
    }

    /** Refreshes the index unless this instance already did; records the semaphore after success. */
    private static void refresh(ModuleContext ctx, PackageManager pm, List<String> errors) {
        String sem = ctx.instanceDir() + "/sem/" + UPDATE_SEMAPHORE;
        if (ctx.target().exists(sem)) {
            ctx.log().debug("update-sources already ran for this instance ({} exists)", sem);
            return;
        }
        if (step(ctx, pm.update(), "Package update failed", errors)) {
            if (ctx.runner().planMode()) {
                ctx.log().info("plan mode: the package index was not refreshed, {} is not written", sem);
                return;
            }
            try {
                String stamp = Support.semaphoreStamp();
                ctx.target().write(sem, stamp.getBytes(StandardCharsets.UTF_8), FileAttributes.PUBLIC);
            } catch (IOException e) {
                errors.add("cannot write semaphore " + sem + ": " + e.getMessage());
            }
        }
    }

    private static boolean step(ModuleContext ctx, Command cmd, String failure, List<String> errors) {
        try {
            ctx.runner().run(cmd);
            return true;
        } catch (CommandException e) {
            ctx.log().warn("{}: {}", failure, e.getMessage());
            errors.add(failure + ": " + e.getMessage());
            return false;
        }
    }

    /** {@code system_info.package_managers}, first entry = the native manager; may be empty. */
    static List<String> managers(ModuleContext ctx) {
        Object v = Support.systemInfo(ctx).get("package_managers");
        List<String> out = new ArrayList<>();
        List<Object> list = Values.asList("system_info.package_managers", v);
        for (int i = 0; i < list.size(); i++) {
            out.add(Values.asString("system_info.package_managers[" + i + "]", list.get(i)));
        }
        return out;
    }

    private static String names(List<PackageSpec> specs) {
        List<String> out = new ArrayList<>();
        for (PackageSpec s : specs) {
            out.add(s.version() == null ? s.name() : s.name() + " " + s.version());
        }
        return String.join(", ", out);
    }
}

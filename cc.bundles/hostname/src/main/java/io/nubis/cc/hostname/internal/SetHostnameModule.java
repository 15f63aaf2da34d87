package io.nubis.cc.hostname.internal;

import java.io.IOException;
import java.util.Objects;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

import io.nubis.api.exec.CommandException;
import io.nubis.api.module.ConfigModule;
import io.nubis.api.module.Frequency;
import io.nubis.api.module.ModuleContext;
import io.nubis.api.module.ModuleException;
import io.nubis.api.module.NubisModule;
import io.nubis.api.module.Resources;

/**
 * {@code set_hostname}: sets the host name once per instance, as the reference's
 * {@code cc_set_hostname}: nothing with {@code preserve_hostname}; names from {@code fqdn},
 * {@code hostname} or the metadata; skipped when {@code data/set-hostname} already records the
 * same names, or when only the made-up {@code localhost} is known; otherwise the persistent name
 * is written the distro's way ({@code system_info.hostname_conf}), applied with
 * {@code hostname NAME}, and recorded in {@code data/set-hostname}.
 */
@Component(service = ConfigModule.class)
@NubisModule(nubis_module = "set_hostname", stage = "network", frequency = Frequency.PER_INSTANCE_ID,
        idempotent = true, touches = {Resources.HOSTNAME, Resources.HOSTS}, schema = "schema/set_hostname.json")
public final class SetHostnameModule implements ConfigModule {
    /** Stateless. */
    @Activate
    public SetHostnameModule() {
    }

    @Override
    public void run(ModuleContext ctx) throws ModuleException {
        SystemFacts facts = SystemFacts.of(ctx);
        Options opts = Options.of(ctx, facts);
        if (opts.preserve()) {
            ctx.log().debug("Configuration option 'preserve_hostname' is set, not setting the hostname in module {}",
                    ctx.name());
            return;
        }
        HostnameStore store = new HostnameStore(facts);
        Names names = Names.resolve(ctx, new CurrentHostname(store));
        String recordPath = facts.dataFile("set-hostname");
        try {
            String[] prev = SetHostnameRecord.read(ctx, recordPath);
            if (Objects.equals(prev[0], names.hostname()) && Objects.equals(prev[1], names.fqdn())) {
                ctx.log().debug("No hostname changes. Skipping set_hostname");
                return;
            }
        } catch (IOException e) {
            ctx.log().debug("Cannot read {}: {}", recordPath, e.getMessage());
        }
        if (names.isDefault() && names.hostname().equals("localhost")) {
            ctx.log().debug("Hostname is localhost. Let other services handle this.");
            return;
        }
        String selected = names.select(opts.preferFqdn());
        ctx.log().debug("Setting the hostname to {} ({})", names.fqdn(), names.hostname());
        try {
            store.write(ctx, selected, opts.createFile());
            HostnameStore.apply(ctx, selected);
            SetHostnameRecord.write(ctx, recordPath, names.hostname(), names.fqdn());
        } catch (IOException | CommandException e) {
            throw new ModuleException("Failed to set the hostname to " + names.fqdn() + " (" + names.hostname() + "): "
                    + e.getMessage(), e);
        }
    }
}

package io.nubis.cc.hostname.internal;

import java.io.IOException;

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
 * {@code update_hostname}: on every boot, keeps the host name in line with the config and
 * metadata, as the reference's {@code Distro.update_hostname}: the name this module last wrote is
 * kept in {@code data/previous-hostname}; the persistent name is only rewritten while it is still
 * the one we wrote before (or missing), so a name the user changed by hand since is left alone
 * ("assuming user maintained hostname"); when the persistent name is rewritten it is also applied
 * with {@code hostname NAME}.
 */
@Component(service = ConfigModule.class)
@NubisModule(nubis_module = "update_hostname", stage = "network", frequency = Frequency.ALWAYS_ID,
        idempotent = true, touches = {Resources.HOSTNAME, Resources.HOSTS})
public final class UpdateHostnameModule implements ConfigModule {
    /** Stateless. */
    @Activate
    public UpdateHostnameModule() {
    }

    @Override
    public void run(ModuleContext ctx) throws ModuleException {
        SystemFacts facts = SystemFacts.of(ctx);
        Options opts = Options.of(ctx, facts);
        if (opts.preserve()) {
            ctx.log().debug("Configuration option 'preserve_hostname' is set, not updating the hostname in module {}",
                    ctx.name());
            return;
        }
        HostnameStore store = new HostnameStore(facts);
        Names names = Names.resolve(ctx, new CurrentHostname(store));
        if (names.isDefault() && names.hostname().equals("localhost")) {
            ctx.log().debug("Hostname is localhost. Let other services handle this.");
            return;
        }
        String wanted = names.select(opts.preferFqdn());
        String prevPath = facts.dataFile("previous-hostname");
        ctx.log().debug("Updating hostname to {} ({})", names.fqdn(), names.hostname());
        try {
            String prev = ctx.target().readString(prevPath).map(HostnameStore::readPlain).orElse(null);
            String sys = store.readSystem(ctx);
            boolean writePrev = prev == null || !prev.equals(wanted);
            boolean writeSys = sys == null || (sys.equals(prev) && !sys.equals(wanted));
            if (sys != null && prev != null && !sys.equals(prev)) {
                ctx.log().info("{} differs from {}, assuming user maintained hostname.", prevPath, store.path());
                return;
            }
            ctx.log().debug("Attempting to update hostname to {} in {} files", wanted,
                    (writePrev ? 1 : 0) + (writeSys ? 1 : 0));
            if (writePrev) {
                HostnameStore.writePlainFile(ctx, prevPath, wanted);
            }
            if (writeSys) {
                store.write(ctx, wanted, opts.createFile());
                HostnameStore.apply(ctx, wanted);
            }
        } catch (IOException | CommandException e) {
            throw new ModuleException("Failed to update the hostname to " + names.fqdn() + " (" + names.hostname()
                    + "): " + e.getMessage(), e);
        }
    }
}

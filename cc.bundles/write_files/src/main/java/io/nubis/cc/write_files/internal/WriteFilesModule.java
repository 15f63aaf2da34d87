package io.nubis.cc.write_files.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

import io.nubis.api.module.ConfigModule;
import io.nubis.api.module.Frequency;
import io.nubis.api.module.ModuleContext;
import io.nubis.api.module.ModuleException;
import io.nubis.api.module.NubisModule;

/**
 * {@code write_files}: writes the {@code write_files} entries without {@code defer: true} early
 * in the init stage, as the reference's {@code cc_write_files}. Idempotent: a file that already
 * has the content and mode is left alone, and {@code append: true} entries are skipped in update
 * mode.
 */
@Component(service = ConfigModule.class)
@NubisModule(nubis_module = "write_files", stage = "network", frequency = Frequency.PER_INSTANCE_ID,
        idempotent = true, keys = {FileEntries.KEY}, schema = "schema/write_files.json")
public final class WriteFilesModule implements ConfigModule {
    private final FileEntries entries;

    /** With the production URL fetcher. */
    @Activate
    public WriteFilesModule() {
        this(new UrlFetcher());
    }

    WriteFilesModule(UrlFetcher fetcher) {
        this.entries = new FileEntries(fetcher);
    }

    @Override
    public void run(ModuleContext ctx) throws ModuleException {
        entries.run(ctx, false);
    }
}

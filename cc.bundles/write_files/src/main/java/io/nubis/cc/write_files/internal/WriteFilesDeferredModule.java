package io.nubis.cc.write_files.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

import io.nubis.api.module.ConfigModule;
import io.nubis.api.module.Frequency;
import io.nubis.api.module.ModuleContext;
import io.nubis.api.module.ModuleException;
import io.nubis.api.module.NubisModule;

/**
 * {@code write_files_deferred}: writes the {@code write_files} entries with {@code defer: true}
 * in the final stage, after users and packages exist (so they may own the files), as the
 * reference's {@code cc_write_files_deferred}. Idempotent in the same way as {@code write_files}; the
 * schema fragment of the key comes with {@code write_files}.
 */
@Component(service = ConfigModule.class)
@NubisModule(nubis_module = "write_files_deferred", stage = "final", frequency = Frequency.PER_INSTANCE_ID,
        idempotent = true, keys = {FileEntries.KEY})
public final class WriteFilesDeferredModule implements ConfigModule {
    private final FileEntries entries;

    /** With the production URL fetcher. */
    @Activate
    public WriteFilesDeferredModule() {
        this(new UrlFetcher());
    }

    WriteFilesDeferredModule(UrlFetcher fetcher) {
        this.entries = new FileEntries(fetcher);
    }

    @Override
    public void run(ModuleContext ctx) throws ModuleException {
        entries.run(ctx, true);
    }
}

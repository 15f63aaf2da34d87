package io.nubis.api.module;

/**
 * A config module: converges one aspect of the machine from the merged cloud-config.
 * Implementations are delayed DS components annotated with {@link NubisModule}; the runtime
 * decides from service properties alone whether and when to run them.
 */
public interface ConfigModule {
    /**
     * Runs the module once. Bad input is reported with {@link ModuleException} naming the
     * config key; the runtime records it and goes on with the other modules.
     *
     * @param ctx everything the module may touch
     * @throws ModuleException when the module could not do its job
     */
    void run(ModuleContext ctx) throws ModuleException;

    /**
     * Called early on a new instance's first boot, at the end of the local stage, for every module
     * the boot's module lists name, before user-data is read ({@code ctx.config()} is the system
     * config). A module may start slow work here that leaves the machine as it is, keeping its
     * results private (a 0700 directory under the run directory), and then use or discard them in
     * {@link #run}, which must still work when nothing was prepared. Failures are ignored. Only
     * modules declaring {@link NubisModule#prepares()} are called. The default does nothing.
     *
     * @param ctx the module's context, with the system config
     */
    default void prepare(ModuleContext ctx) {
    }
}

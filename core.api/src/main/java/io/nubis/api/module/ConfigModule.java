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
}

package io.nubis.runtime.internal.boot;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code --all-stages}: the four boot stages in order in one process, each writing its own
 * status, as the reference's single long-lived {@code cloud-init-main} process does. Exit 1 if
 * any stage had errors, as the reference. Init-system integration can drive this one process per
 * boot, with the stage units as thin shims waiting on it.
 */
public final class AllStages {
    private static final Logger LOG = LoggerFactory.getLogger("main");

    private AllStages() {
    }

    /** Runs init-local, init, modules-config and modules-final; 0 if none had errors, else 1. */
    public static int run(BootSession s) throws java.io.IOException {
        return run(s, StageGate.NONE);
    }

    /**
     * The same, paced by {@code gate}: each stage starts when the init system reaches it, and its
     * exit code (the number of errors, as the stage verbs return) goes back to the waiting unit.
     */
    public static int run(BootSession s, StageGate gate) throws java.io.IOException {
        String[] names = {"init-local", "init", "modules-config", "modules-final"};
        java.util.List<java.util.function.IntSupplier> stages = java.util.List.of(
                () -> new InitStage(s, true).run(),
                () -> new InitStage(s, false).run(),
                () -> new ModulesStage(s, "config").run(),
                () -> new ModulesStage(s, "final").run());
        int failed = 0;
        for (int i = 0; i < stages.size(); i++) {
            String gateName = StageGate.STAGES.get(i);
            gate.awaitStart(gateName);
            int errors = stages.get(i).getAsInt();
            if (errors != 0) {
                LOG.debug("Stage {} had {} error(s)", names[i], errors);
                failed++;
            }
            gate.finished(gateName, errors);
        }
        return failed == 0 ? 0 : 1;
    }
}

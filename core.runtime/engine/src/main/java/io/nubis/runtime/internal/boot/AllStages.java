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
    public static int run(BootSession s) {
        int failed = 0;
        int[] errors = {
            new InitStage(s, true).run(),
            new InitStage(s, false).run(),
            new ModulesStage(s, "config").run(),
            new ModulesStage(s, "final").run(),
        };
        String[] names = {"init-local", "init", "modules-config", "modules-final"};
        for (int i = 0; i < errors.length; i++) {
            if (errors[i] != 0) {
                LOG.debug("Stage {} had {} error(s)", names[i], errors[i]);
                failed++;
            }
        }
        return failed == 0 ? 0 : 1;
    }
}

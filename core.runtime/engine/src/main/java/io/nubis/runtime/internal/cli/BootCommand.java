package io.nubis.runtime.internal.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import io.nubis.runtime.internal.boot.BootOptions;
import io.nubis.runtime.internal.boot.BootSession;
import io.nubis.runtime.internal.boot.CatalogPlugins;
import io.nubis.runtime.internal.boot.Clock;
import io.nubis.runtime.internal.boot.Plugins;
import io.nubis.runtime.internal.exec.PlanRunner;
import io.nubis.runtime.internal.plan.PlanSummary;

/**
 * Opens a boot session for a verb, honours the disabled switches for boot stages, and prints the
 * plan summary at the end of a plan-mode run.
 */
final class BootCommand {
    private BootCommand() {
    }

    /**
     * @param bootStage whether the verb is a boot stage, which the disabled switches turn off
     * @param files     {@code -f/--file} values
     */
    static int run(RootCommand root, boolean bootStage, List<String> files, BootSession.Body body) {
        Cli cli = root.cli();
        BootOptions opts = new BootOptions(Path.of(root.root()), root.plan, root.debug, files, root.force);
        Plugins plugins = cli.plugins();
        try (BootSession s = BootSession.open(opts, plugins, Clock.system(), cli.out(), cli.err())) {
            if (bootStage) {
                Optional<String> disabled = s.disabledReason();
                if (disabled.isPresent()) {
                    s.markDisabled(disabled.get());
                    cli.err().println(cli.prog() + " is disabled: " + disabled.get());
                    return 0;
                }
            }
            s.startLogging();
            int rc = body.run(s);
            if (s.planMode() && s.runner() instanceof PlanRunner pr) {
                cli.out().println();
                cli.out().print(PlanSummary.render(s.target().root().toString(), s.target().changes(), pr.recorded(),
                        List.of(s.layout().cloudDir(), s.layout().runDir(), s.layout().logFile(),
                                s.layout().outputLogFile())));
            }
            return rc;
        } catch (IOException | IllegalStateException e) {
            cli.err().println(cli.prog() + ": " + e.getMessage());
            return 1;
        } catch (Exception e) {
            cli.err().println(cli.prog() + ": " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            return 1;
        }
    }
}

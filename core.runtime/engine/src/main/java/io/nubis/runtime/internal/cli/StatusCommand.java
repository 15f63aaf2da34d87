package io.nubis.runtime.internal.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;

/**
 * {@code status}: whether the boot stages have not started, are running or are done, from
 * {@code status.json} and {@code result.json} in the run directory.
 */
@Command(name = "status", description = "Report the run status of the boot stages.")
final class StatusCommand implements Callable<Integer> {
    @picocli.CommandLine.ParentCommand
    RootCommand parent;

    @Override
    public Integer call() {
        Path run = Paths.get(parent.root(), "run", "cloud-init");
        String status;
        if (Files.exists(run.resolve("result.json"))) {
            status = "done";
        } else if (Files.exists(run.resolve("status.json"))) {
            status = "running";
        } else {
            status = "not started";
        }
        parent.cli().out().println("status: " + status);
        return 0;
    }
}

package io.nubis.runtime.internal.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import io.nubis.runtime.internal.status.HostStatusEnvironment;
import io.nubis.runtime.internal.status.RunningStatus;
import io.nubis.runtime.internal.status.StatusDetails;
import io.nubis.runtime.internal.status.StatusEnvironment;
import io.nubis.runtime.internal.status.StatusException;
import io.nubis.runtime.internal.status.StatusPrinter;
import io.nubis.runtime.internal.status.StatusReader;
import io.nubis.runtime.internal.status.ToolPaths;
import io.nubis.runtime.internal.target.ChrootTarget;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code status [--long] [--wait] [--format json|tabular|yaml]}: the run status of the boot
 * stages; exit 0 healthy, 1 error, 2 degraded. It is on the start-up budget: it reads two small
 * JSON files with a hand-written parser and loads YAML support only for {@code --format yaml}.
 */
@Command(name = "status", description = "Report cloud-init status or wait on completion.")
final class StatusCommand implements Callable<Integer> {
    @ParentCommand
    RootCommand parent;

    @Spec
    CommandSpec spec;

    @Option(names = "--format", paramLabel = "{json,tabular,yaml}", defaultValue = "tabular",
            description = "Specify output format for cloud-id (default: tabular)")
    String format;

    @Option(names = {"-l", "--long"}, description = "Report long format of statuses including run stage name and"
            + " error messages")
    boolean longForm;

    @Option(names = {"-w", "--wait"}, description = "Block waiting on cloud-init to complete")
    boolean waitForDone;

    @Override
    public Integer call() throws IOException, InterruptedException {
        StatusPrinter.Format fmt = parseFormat();
        ChrootTarget target = new ChrootTarget(Path.of(parent.root()));
        return run(target, ToolPaths.lookup(parent.cli().catalog(), target), new HostStatusEnvironment(target), fmt);
    }

    int run(ChrootTarget target, ToolPaths paths, StatusEnvironment env, StatusPrinter.Format fmt)
            throws InterruptedException {
        PrintStream out = parent.cli().out();
        StatusReader reader = new StatusReader(target, paths, env, parent.cli().err());
        try {
            StatusDetails details = reader.read(waitForDone);
            if (waitForDone) {
                while (details.running() == RunningStatus.NOT_STARTED || details.running() == RunningStatus.RUNNING) {
                    if (fmt == StatusPrinter.Format.TABULAR) {
                        out.print('.');
                        out.flush();
                    }
                    details = reader.read(true);
                    env.pause(250);
                }
            }
            out.print(StatusPrinter.render(details, fmt, longForm, waitForDone));
            out.flush();
            return details.condition().exitCode();
        } catch (StatusException e) {
            out.flush();
            new ConsoleLog(parent.cli().err(), "status.py").error(e.getMessage());
            return 1;
        }
    }

    private StatusPrinter.Format parseFormat() {
        return switch (format.toLowerCase(Locale.ROOT).equals(format) ? format : "") {
            case "json" -> StatusPrinter.Format.JSON;
            case "yaml" -> StatusPrinter.Format.YAML;
            case "tabular" -> StatusPrinter.Format.TABULAR;
            default -> throw new ParameterException(spec.commandLine(), "argument --format: invalid choice: '"
                    + format + "' (choose from 'json', 'tabular', 'yaml')");
        };
    }
}

package io.nubis.runtime.internal.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import io.nubis.runtime.internal.boot.PerRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code per once|instance|always NAME CMD [ARG...]}: the reference's {@code cloud-init-per}. */
@Command(name = "per", description = "Run CMD once, once per instance, or always (cloud-init-per).")
final class PerCommand implements Callable<Integer> {
    @ParentCommand
    RootCommand parent;

    @Parameters(index = "0", paramLabel = "FREQUENCY", description = "once, instance or always")
    String frequency;

    @Parameters(index = "1", paramLabel = "NAME", description = "Name of the semaphore (bootper.NAME.FREQUENCY).")
    String name;

    @Parameters(index = "2..*", arity = "1..*", paramLabel = "CMD", description = "Command and arguments.")
    List<String> command = new ArrayList<>();

    @Override
    public Integer call() {
        if (!PerRunner.FREQUENCIES.contains(frequency)) {
            parent.cli().err().println(parent.cli().prog() + " per: invalid frequency: " + frequency
                    + " (expected once, instance or always)");
            return 1;
        }
        if (name.contains("/")) {
            parent.cli().err().println(parent.cli().prog() + " per: name cannot contain a /");
            return 1;
        }
        return BootCommand.run(parent, false, List.of(), s -> new PerRunner(s).run(frequency, name, command));
    }
}

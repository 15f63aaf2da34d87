package io.nubis.runtime.internal.boot;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.nubis.api.exec.Command;
import io.nubis.api.exec.CommandException;
import io.nubis.api.exec.CommandResult;
import io.nubis.api.exec.CommandRunner;

/** Records commands and runs none; a program may be given an exit code and output. */
final class FakeRunner implements CommandRunner {
    final List<Command> commands = new ArrayList<>();
    private final Map<String, CommandResult> results = new HashMap<>();

    FakeRunner result(String program, int code, String stdout) {
        results.put(program, new CommandResult(code, stdout.getBytes(StandardCharsets.UTF_8), new byte[0], true));
        return this;
    }

    List<String> lines() {
        List<String> out = new ArrayList<>();
        for (Command c : commands) {
            out.add(String.join(" ", c.argv()));
        }
        return out;
    }

    @Override
    public synchronized CommandResult run(Command command) throws CommandException {
        commands.add(command);
        CommandResult r = results.getOrDefault(command.argv().get(0), new CommandResult(0, new byte[0], new byte[0], true));
        if (!command.okCodes().contains(r.exitCode())) {
            throw new CommandException("command '" + command.display() + "' exited with code " + r.exitCode(), r);
        }
        return r;
    }

    @Override
    public boolean planMode() {
        return false;
    }

    @Override
    public Optional<String> which(String program) {
        return Optional.empty();
    }
}

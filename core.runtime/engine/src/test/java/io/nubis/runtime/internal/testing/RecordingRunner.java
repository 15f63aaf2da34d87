package io.nubis.runtime.internal.testing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.nubis.api.exec.Command;
import io.nubis.api.exec.CommandException;
import io.nubis.api.exec.CommandResult;
import io.nubis.api.exec.CommandRunner;

/** Records commands; those whose program is listed in {@link #exitCodes} fail with that code. */
public final class RecordingRunner implements CommandRunner {
    public final List<List<String>> commands = new ArrayList<>();
    public final Map<String, Integer> exitCodes = new HashMap<>();

    @Override
    public CommandResult run(Command command) throws CommandException {
        commands.add(command.argv());
        int code = exitCodes.getOrDefault(command.argv().get(0), 0);
        CommandResult r = new CommandResult(code, new byte[0], new byte[0], true);
        if (!command.okCodes().contains(code)) {
            throw new CommandException(command.display() + " exited with " + code, r);
        }
        return r;
    }

    @Override
    public boolean planMode() {
        return false;
    }

    @Override
    public Optional<String> which(String program) {
        return Optional.of("/usr/bin/" + program);
    }
}

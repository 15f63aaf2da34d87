package io.nubis.ds.nocloud.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.nubis.api.exec.Command;
import io.nubis.api.exec.CommandException;
import io.nubis.api.exec.CommandResult;
import io.nubis.api.exec.CommandRunner;

/** Records every command; answers with a per-program script, success with no output otherwise. */
final class ScriptedRunner implements CommandRunner {
    /** What a scripted program does. */
    @FunctionalInterface
    interface Script {
        CommandResult run(Command c) throws Exception;
    }

    final List<Command> commands = new ArrayList<>();
    private final Map<String, Script> scripts = new HashMap<>();
    private final boolean plan;

    ScriptedRunner(boolean plan) {
        this.plan = plan;
    }

    ScriptedRunner on(String program, Script s) {
        scripts.put(program, s);
        return this;
    }

    /** A result for a command that exited with {@code code}. */
    static CommandResult exit(int code, String stderr) {
        return new CommandResult(code, new byte[0], stderr.getBytes(), true);
    }

    @Override
    public CommandResult run(Command c) throws CommandException {
        commands.add(c);
        if (plan) {
            return new CommandResult(0, new byte[0], new byte[0], false);
        }
        Script s = scripts.get(c.argv().get(0));
        CommandResult r;
        try {
            r = s == null ? exit(0, "") : s.run(c);
        } catch (Exception e) {
            throw new IllegalStateException("script for " + c + " failed", e);
        }
        if (!c.okCodes().contains(r.exitCode())) {
            throw new CommandException(c.display() + " exited with " + r.exitCode() + ": " + r.err(), r);
        }
        return r;
    }

    @Override
    public boolean planMode() {
        return plan;
    }

    @Override
    public Optional<String> which(String program) {
        return Optional.of("/usr/bin/" + program);
    }

    /** The commands run, each as its argv. */
    List<List<String>> argvs() {
        return commands.stream().map(Command::argv).toList();
    }
}

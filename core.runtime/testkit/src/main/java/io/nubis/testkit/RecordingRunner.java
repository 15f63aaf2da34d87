package io.nubis.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import io.nubis.api.exec.Command;
import io.nubis.api.exec.CommandException;
import io.nubis.api.exec.CommandResult;
import io.nubis.api.exec.CommandRunner;
import io.nubis.api.target.TargetRoot;
import io.nubis.runtime.internal.exec.ExecRunner;
import io.nubis.runtime.internal.exec.PathSearch;

/**
 * A command runner for tests: records every command and runs none. By default a command
 * succeeds with empty output; scripted results ({@link #on(String, CommandResult)} by program
 * name, {@link #on(Pattern, CommandResult)} by command line) are tried in the order they were
 * given and the first match wins. A program can also be simulated ({@link #on(String, Behaviour)}):
 * it then writes what the real one would, for the module to read back. A result whose exit code is not in the command's
 * {@code okCodes} throws a {@link CommandException} with the runtime's message, as the real
 * runner does. Thread-safe.
 *
 * <pre>{@code
 * RecordingRunner r = new RecordingRunner()
 *         .onOutput("ssh-keygen", "256 SHA256:abc alice (ED25519)\n")
 *         .onFailure("passwd", 3, "passwd: user already locked")
 *         .present("useradd");
 * // run the module, then
 * assertEquals(List.of("useradd -m alice", "passwd -l alice"), r.commandLines());
 * }</pre>
 */
public final class RecordingRunner implements CommandRunner {
    private static final byte[] EMPTY = new byte[0];

    private final TargetRoot target;
    private final List<Command> commands = new ArrayList<>();
    private final List<Script> scripts = new ArrayList<>();
    private final Set<String> present = new LinkedHashSet<>();
    private volatile boolean planMode;

    /** A runner whose {@link #which} knows only the programs given to {@link #present}. */
    public RecordingRunner() {
        this(null);
    }

    /**
     * A runner whose {@link #which} also finds executables in the target's PATH directories
     * (seed them with {@link TempTarget#executable}).
     */
    public RecordingRunner(TargetRoot target) {
        this.target = target;
    }

    // ---- scripting ---------------------------------------------------------------------------

    /** Answers commands whose program is {@code program} (by name, or full path) with {@code result}. */
    public RecordingRunner on(String program, CommandResult result) {
        return add(c -> programMatches(c, program), result);
    }

    /**
     * Simulates {@code program} (by name, or full path): each run calls {@code behaviour}, which may
     * change the target as the real program would and gives the result. In plan mode it is not
     * called (nothing runs) and the command succeeds with empty output.
     *
     * <pre>{@code
     * runner.on("update-locale", c -> {
     *     target.writeString("/etc/default/locale", c.argv().get(1) + "\n", FileAttributes.PUBLIC);
     *     return RecordingRunner.result(0, "", "");
     * });
     * }</pre>
     */
    public RecordingRunner on(String program, Behaviour behaviour) {
        synchronized (this) {
            scripts.add(new Script(c -> programMatches(c, program), null, behaviour));
        }
        return this;
    }

    /** Answers commands whose full command line (argv joined with spaces, unredacted) contains a match. */
    public RecordingRunner on(Pattern commandLine, CommandResult result) {
        return add(c -> commandLine.matcher(String.join(" ", c.argv())).find(), result);
    }

    /** Answers {@code program} with exit code 0 and this standard output. */
    public RecordingRunner onOutput(String program, String stdout) {
        return on(program, result(0, stdout, ""));
    }

    /** Answers {@code program} with this exit code and standard error. */
    public RecordingRunner onFailure(String program, int exitCode, String stderr) {
        return on(program, result(exitCode, "", stderr));
    }

    /** Programs {@link #which} finds, as {@code /usr/bin/NAME} (or the path itself if one is given). */
    public RecordingRunner present(String... programs) {
        synchronized (this) {
            present.addAll(List.of(programs));
        }
        return this;
    }

    /** Makes the runner report plan mode (results then say they were not executed). */
    public RecordingRunner planMode(boolean plan) {
        this.planMode = plan;
        return this;
    }

    /** A result with UTF-8 output, for scripting. */
    public static CommandResult result(int exitCode, String stdout, String stderr) {
        return new CommandResult(exitCode, stdout.getBytes(StandardCharsets.UTF_8),
                stderr.getBytes(StandardCharsets.UTF_8), true);
    }

    private synchronized RecordingRunner add(Predicate<Command> match, CommandResult result) {
        scripts.add(new Script(match, result, null));
        return this;
    }

    private static boolean programMatches(Command c, String program) {
        String p = c.argv().get(0);
        return p.equals(program) || p.endsWith("/" + program) || program.endsWith("/" + p);
    }

    // ---- CommandRunner -----------------------------------------------------------------------

    @Override
    public CommandResult run(Command command) throws CommandException {
        Script match = null;
        synchronized (this) {
            commands.add(command);
            for (Script s : scripts) {
                if (s.match.test(command)) {
                    match = s;
                    break;
                }
            }
        }
        CommandResult scripted = match == null ? null : match.result;
        if (match != null && match.behaviour != null && !planMode) {
            try {
                scripted = match.behaviour.run(command);
            } catch (IOException e) {
                throw new UncheckedIOException("simulated " + command.argv().get(0) + " failed: " + e.getMessage(), e);
            }
        }
        CommandResult r = scripted == null
                ? new CommandResult(0, EMPTY, EMPTY, !planMode)
                : new CommandResult(scripted.exitCode(), scripted.stdout(), scripted.stderr(), !planMode);
        if (!command.okCodes().contains(r.exitCode())) {
            throw new CommandException(ExecRunner.failureMessage(command, r), r);
        }
        return r;
    }

    @Override
    public boolean planMode() {
        return planMode;
    }

    @Override
    public Optional<String> which(String program) {
        synchronized (this) {
            if (present.contains(program)) {
                return Optional.of(program.indexOf('/') >= 0 ? program : "/usr/bin/" + program);
            }
        }
        return target == null ? Optional.empty() : PathSearch.which(target, program);
    }

    // ---- inspection --------------------------------------------------------------------------

    /** Every command run so far, in order (with env, stdin, user and flags). */
    public synchronized List<Command> commands() {
        return List.copyOf(commands);
    }

    /** Every command's argv joined with spaces, unredacted, in order: the usual thing to assert. */
    public synchronized List<String> commandLines() {
        List<String> out = new ArrayList<>();
        for (Command c : commands) {
            out.add(String.join(" ", c.argv()));
        }
        return out;
    }

    /** Forgets the recorded commands (scripts and present programs stay). */
    public synchronized void clear() {
        commands.clear();
    }

    /** What a simulated program does when it runs: changes the target, gives a result. */
    @FunctionalInterface
    public interface Behaviour {
        /** Runs {@code command}; the result's exit code is checked like any other. */
        CommandResult run(Command command) throws IOException;
    }

    /** A fixed result, or a behaviour. */
    private record Script(Predicate<Command> match, CommandResult result, Behaviour behaviour) {
    }
}

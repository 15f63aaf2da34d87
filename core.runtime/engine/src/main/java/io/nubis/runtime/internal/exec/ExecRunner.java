package io.nubis.runtime.internal.exec;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.commons.exec.CommandLine;
import org.apache.commons.exec.DefaultExecutor;
import org.apache.commons.exec.ExecuteException;
import org.apache.commons.exec.ExecuteWatchdog;
import org.apache.commons.exec.PumpStreamHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.nubis.api.exec.Command;
import io.nubis.api.exec.CommandException;
import io.nubis.api.exec.CommandResult;
import io.nubis.api.exec.CommandRunner;
import io.nubis.api.target.TargetRoot;
import io.nubis.runtime.internal.target.Privileges;

/**
 * Runs commands with Apache Commons Exec: no shell, a minimal environment ({@code PATH} and
 * {@code LANG=C.UTF-8}) plus the command's own variables, stdin from the command, stdout and
 * stderr captured up to {@value #MAX_OUTPUT} bytes each, killed after the command's timeout.
 * <ul>
 * <li>When the target root is not {@code /}, the command runs as {@code chroot ROOT argv...},
 * which needs uid 0; otherwise it fails with a {@link CommandException} before starting.</li>
 * <li>A command with a user runs as {@code runuser -u USER -- argv...} if the target has
 * {@code runuser} (util-linux), else as {@code su -m USER -c 'argv...'} with every argument
 * single-quoted for a POSIX shell (busybox, FreeBSD).</li>
 * </ul>
 * Commands are logged at DEBUG by {@link Command#display()}, so a sensitive command's arguments,
 * its stdin and its output are never logged; nor is its stderr put in exception messages.
 */
public final class ExecRunner implements CommandRunner {
    /** Bytes of stdout and of stderr kept per command. */
    public static final int MAX_OUTPUT = 16 * 1024 * 1024;
    /** Lines of stderr quoted in a failure message. */
    static final int STDERR_LINES = 5;

    private static final Logger LOG = LoggerFactory.getLogger(ExecRunner.class);
    private static final Path HOST_ROOT = Path.of("/");

    private final TargetRoot target;
    private final boolean privileged;
    private final int maxOutput;

    /** A runner for commands inside {@code target}; chroot is possible if the agent runs as uid 0. */
    public ExecRunner(TargetRoot target) {
        this(target, Privileges.isRoot(), MAX_OUTPUT);
    }

    ExecRunner(TargetRoot target, boolean privileged, int maxOutput) {
        this.target = target;
        this.privileged = privileged;
        this.maxOutput = maxOutput;
    }

    @Override
    public boolean planMode() {
        return false;
    }

    @Override
    public Optional<String> which(String program) {
        return PathSearch.which(target, program);
    }

    @Override
    public CommandResult run(Command command) throws CommandException {
        List<String> argv = argv(command);
        Map<String, String> env = environment(command);
        if (LOG.isDebugEnabled()) {
            LOG.debug("Running command {}{}{}", command.display(),
                    command.runAs() == null ? "" : " as " + command.runAs(),
                    chrooted() ? " in chroot " + target.root() : "");
        }
        CommandLine line = new CommandLine(argv.get(0));
        for (int i = 1; i < argv.size(); i++) {
            line.addArgument(argv.get(i), false);
        }
        BoundedOutput out = new BoundedOutput(maxOutput);
        BoundedOutput err = new BoundedOutput(maxOutput);
        ExecuteWatchdog watchdog = ExecuteWatchdog.builder().setTimeout(command.timeout()).get();
        DefaultExecutor executor = DefaultExecutor.builder()
                .setExecuteStreamHandler(new PumpStreamHandler(out, err,
                        command.stdin() == null ? null : new ByteArrayInputStream(command.stdin())))
                .setWorkingDirectory(new File("/"))
                .get();
        executor.setWatchdog(watchdog);
        executor.setExitValues(null);
        long start = System.nanoTime();
        int code;
        try {
            code = executor.execute(line, env);
        } catch (ExecuteException e) {
            code = e.getExitValue();
            if (!watchdog.killedProcess()) {
                throw new CommandException("command '" + command.display() + "' failed: " + reason(command, e),
                        new CommandResult(code, out.bytes(), err.bytes(), true));
            }
        } catch (IOException e) {
            throw new CommandException("cannot run '" + command.display() + "': " + reason(command, e), null);
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        CommandResult result = new CommandResult(code, out.bytes(), err.bytes(), true);
        LOG.debug("Command {} exited with code {} after {} ms", command.display(), code, millis);
        if (out.dropped() > 0 || err.dropped() > 0) {
            LOG.warn("Output of {} was longer than {} bytes and was cut (stdout: {} bytes dropped, stderr: {})",
                    command.display(), maxOutput, out.dropped(), err.dropped());
        }
        if (watchdog.killedProcess()) {
            throw new CommandException("command '" + command.display() + "' timed out after "
                    + describe(command.timeout()) + " and was killed", result);
        }
        if (!command.okCodes().contains(code)) {
            throw new CommandException(failureMessage(command, result), result);
        }
        return result;
    }

    /** The argv actually executed: wrapped for the user and for the chroot. */
    List<String> argv(Command command) throws CommandException {
        List<String> argv = new ArrayList<>();
        if (chrooted()) {
            if (!privileged) {
                throw new CommandException("cannot run '" + command.display() + "' inside target root "
                        + target.root() + ": chroot needs uid 0 and the agent is not running as root", null);
            }
            argv.add("chroot");
            argv.add(target.root().toString());
        }
        if (command.runAs() != null) {
            if (which("runuser").isPresent()) {
                argv.addAll(List.of("runuser", "-u", command.runAs(), "--"));
                argv.addAll(command.argv());
            } else {
                argv.addAll(List.of("su", "-m", command.runAs(), "-c", shellJoin(command.argv())));
            }
        } else {
            argv.addAll(command.argv());
        }
        return argv;
    }

    /** The environment: {@code PATH}, {@code LANG=C.UTF-8}, then the command's own variables. */
    static Map<String, String> environment(Command command) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PATH", PathSearch.DEFAULT_PATH);
        env.put("LANG", "C.UTF-8");
        env.putAll(command.env());
        return env;
    }

    private boolean chrooted() {
        return !target.root().toAbsolutePath().normalize().equals(HOST_ROOT);
    }

    /** Arguments single-quoted for a POSIX shell and joined with spaces. */
    static String shellJoin(List<String> argv) {
        StringBuilder sb = new StringBuilder();
        for (String a : argv) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append('\'').append(a.replace("'", "'\\''")).append('\'');
        }
        return sb.toString();
    }

    /** "command 'X' exited with code N (expected 0)" and, unless sensitive, the first lines of stderr. */
    public static String failureMessage(Command command, CommandResult result) {
        StringBuilder sb = new StringBuilder("command '").append(command.display()).append("' exited with code ")
                .append(result.exitCode());
        List<Integer> ok = new ArrayList<>(command.okCodes());
        ok.sort(null);
        sb.append(" (expected ").append(ok.size() == 1 ? ok.get(0).toString() : "one of " + ok).append(')');
        if (!command.sensitive()) {
            String err = new String(result.stderr(), StandardCharsets.UTF_8).strip();
            if (!err.isEmpty()) {
                String[] lines = err.split("\r?\n");
                sb.append(": ");
                for (int i = 0; i < Math.min(lines.length, STDERR_LINES); i++) {
                    String l = lines[i].length() > 300 ? lines[i].substring(0, 300) + "..." : lines[i];
                    sb.append(i == 0 ? "" : "\n").append(l);
                }
                if (lines.length > STDERR_LINES) {
                    sb.append("\n... (").append(lines.length - STDERR_LINES).append(" more lines)");
                }
            }
        }
        return sb.toString();
    }

    private static String reason(Command command, IOException e) {
        return command.sensitive() ? e.getClass().getSimpleName() : String.valueOf(e.getMessage());
    }

    static String describe(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? ms / 1000 + " s" : ms + " ms";
    }
}

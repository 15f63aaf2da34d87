package io.nubis.api.exec;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An external command to run inside the target: argv (no shell unless argv says so),
 * environment additions, optional stdin, a timeout, an optional user to run as, the exit codes
 * that count as success, and whether argv or stdin hold secrets that must never be logged.
 *
 * @param argv      program and arguments
 * @param env       variables added to a minimal environment
 * @param stdin     bytes fed to standard input, or null
 * @param timeout   kill the command after this long
 * @param runAs     user to run as inside the target, or null for the agent's user
 * @param okCodes   exit codes that mean success
 * @param sensitive true if argv or stdin hold secrets: they are redacted in logs and plans
 */
public record Command(List<String> argv, Map<String, String> env, byte[] stdin, Duration timeout,
        String runAs, Set<Integer> okCodes, boolean sensitive) {

    /** Default timeout for commands that do not set one. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(10);

    /** Validates and copies. */
    public Command {
        if (argv == null || argv.isEmpty()) {
            throw new IllegalArgumentException("a command needs at least a program name");
        }
        argv = List.copyOf(argv);
        env = Collections.unmodifiableMap(new LinkedHashMap<>(env == null ? Map.of() : env));
        timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
        okCodes = okCodes == null || okCodes.isEmpty() ? Set.of(0) : Set.copyOf(okCodes);
    }

    /** A command with defaults: no stdin, default timeout, success on exit 0. */
    public static Command of(String... argv) {
        return new Command(Arrays.asList(argv), null, null, null, null, null, false);
    }

    /** A command with defaults from a list. */
    public static Command of(List<String> argv) {
        return new Command(argv, null, null, null, null, null, false);
    }

    /** The same command with stdin. */
    public Command withStdin(byte[] input) {
        return new Command(argv, env, input, timeout, runAs, okCodes, sensitive);
    }

    /** The same command marked as carrying secrets. */
    public Command asSensitive() {
        return new Command(argv, env, stdin, timeout, runAs, okCodes, true);
    }

    /** The same command with another timeout. */
    public Command withTimeout(Duration t) {
        return new Command(argv, env, stdin, t, runAs, okCodes, sensitive);
    }

    /** The same command with an environment variable added. */
    public Command withEnv(String name, String value) {
        Map<String, String> e = new LinkedHashMap<>(env);
        e.put(name, value);
        return new Command(argv, e, stdin, timeout, runAs, okCodes, sensitive);
    }

    /** The same command run as another user. */
    public Command as(String user) {
        return new Command(argv, env, stdin, timeout, user, okCodes, sensitive);
    }

    /** The same command accepting more exit codes as success. */
    public Command okOn(Integer... codes) {
        Set<Integer> s = new java.util.HashSet<>(okCodes);
        s.addAll(Arrays.asList(codes));
        return new Command(argv, env, stdin, timeout, runAs, s, sensitive);
    }

    /** The same command with arguments appended. */
    public Command plus(String... more) {
        List<String> a = new ArrayList<>(argv);
        a.addAll(Arrays.asList(more));
        return new Command(a, env, stdin, timeout, runAs, okCodes, sensitive);
    }

    /**
     * Program and arguments as a shell would read them (words with spaces, quotes or other shell
     * characters, and empty words, in single quotes), secrets redacted: for logs and plans.
     */
    public String display() {
        if (sensitive) {
            return argv.get(0) + " <redacted>";
        }
        StringBuilder sb = new StringBuilder();
        for (String a : argv) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(a.isEmpty() || !a.matches("[A-Za-z0-9_@%+=:,./-]+") ? "'" + a.replace("'", "'\\''") + "'" : a);
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return display();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Command c && argv.equals(c.argv) && env.equals(c.env)
                && Arrays.equals(stdin, c.stdin) && timeout.equals(c.timeout)
                && java.util.Objects.equals(runAs, c.runAs) && okCodes.equals(c.okCodes)
                && sensitive == c.sensitive;
    }

    @Override
    public int hashCode() {
        return argv.hashCode() * 31 + Arrays.hashCode(stdin);
    }
}

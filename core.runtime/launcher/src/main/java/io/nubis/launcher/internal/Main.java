package io.nubis.launcher.internal;

import java.util.ArrayList;
import java.util.List;

/** Entry point: {@code java -jar nubis-launcher.jar [--root DIR] VERB ...}. */
public final class Main {
    private Main() {
    }

    /** Starts the assembly, runs one command and exits with that command's exit code. */
    public static void main(String[] args) {
        StartupTrace.mark("launcher main entered (JVM started)");
        int rc = 1;
        try {
            FrameworkLauncher launcher = new FrameworkLauncher(LaunchOptions.from(List.of(args)), System.err);
            rc = Boolean.getBoolean(TRAIN) ? launcher.runAll(commands(args)) : launcher.run(args);
        } catch (LaunchException e) {
            System.err.println(prog() + ": " + e.getMessage());
            rc = e.exitCode();
        } catch (Throwable t) {
            // anything else (a broken JDK install, out of memory...): report it and still exit,
            // never leave the JVM waiting on the framework's threads
            System.err.println(prog() + ": internal error: " + t);
            rc = 1;
        } finally {
            System.out.flush();
            StartupTrace.mark("framework stopped, exiting");
            System.err.flush();
            System.exit(rc);
        }
    }

    /**
     * System property set by {@code nubis prime}: the arguments are several command lines
     * separated by {@value #SEPARATOR}, run one after the other in one framework, so that one JVM
     * (whose class-data archive is being recorded) sees every common path.
     */
    static final String TRAIN = "nubis.train";
    static final String SEPARATOR = "::";

    /** Splits the arguments at each {@value #SEPARATOR}. */
    static List<String[]> commands(String[] args) {
        List<String[]> out = new ArrayList<>();
        List<String> cur = new ArrayList<>();
        for (String a : args) {
            if (a.equals(SEPARATOR)) {
                out.add(cur.toArray(new String[0]));
                cur.clear();
            } else {
                cur.add(a);
            }
        }
        out.add(cur.toArray(new String[0]));
        return out;
    }

    /** The name the agent was invoked as ({@code nubis} or {@code cloud-init}). */
    static String prog() {
        return System.getProperty("nubis.prog", "nubis");
    }
}

package io.nubis.launcher.internal;

import java.util.List;

/** Entry point: {@code java -jar nubis-launcher.jar [--root DIR] VERB ...}. */
public final class Main {
    private Main() {
    }

    /** Starts the assembly, runs one command and exits with that command's exit code. */
    public static void main(String[] args) {
        int rc = 1;
        try {
            rc = new FrameworkLauncher(LaunchOptions.from(List.of(args)), System.err).run(args);
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
            System.err.flush();
            System.exit(rc);
        }
    }

    /** The name the agent was invoked as ({@code nubis} or {@code cloud-init}). */
    static String prog() {
        return System.getProperty("nubis.prog", "nubis");
    }
}

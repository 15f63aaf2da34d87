package io.nubis.cc.scripts.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.nubis.api.exec.Command;
import io.nubis.api.exec.CommandException;
import io.nubis.api.exec.CommandResult;
import io.nubis.api.module.ModuleContext;
import io.nubis.api.module.ModuleException;
import io.nubis.api.target.TargetRoot;

/**
 * The reference's {@code util.runparts}: every regular file of a directory with an execute bit
 * is run, in sorted name order, through the command runner (optionally behind a prefix such as
 * {@code vendor_data.prefix}); a missing directory is no work. Output goes to the console and
 * cloud-init-output.log line by line. A failing script does not stop the others; when all have
 * run, the failures are reported as {@code Runparts: N failures (a,b) in M attempted commands}.
 */
final class RunParts {
    /** How long one script may run: user scripts may install packages or build things. */
    static final Duration TIMEOUT = Duration.ofHours(24);

    private RunParts() {
    }

    /**
     * Runs the executables in {@code dir}.
     *
     * @param prefix words put before each script's path (empty for none)
     * @throws ModuleException listing the scripts that failed
     */
    static void run(ModuleContext ctx, String dir, List<String> prefix) throws ModuleException {
        TargetRoot t = ctx.target();
        if (!t.isDirectory(dir)) {
            ctx.log().debug("{} does not exist: no scripts to run", dir);
            return;
        }
        List<String> names;
        try {
            names = t.list(dir);
        } catch (IOException e) {
            throw new ModuleException("cannot list " + dir + ": " + e.getMessage(), e);
        }
        List<String> failed = new ArrayList<>();
        int attempted = 0;
        for (String name : names) {
            String path = dir + "/" + name;
            if (!isExecutableFile(t, path)) {
                continue;
            }
            attempted++;
            List<String> argv = new ArrayList<>(prefix);
            argv.add(path);
            Command cmd = Command.of(argv).withTimeout(TIMEOUT);
            try {
                forward(ctx, ctx.runner().run(cmd));
            } catch (CommandException e) {
                if (e.result() != null) {
                    forward(ctx, e.result());
                }
                ctx.log().debug("{}", e.getMessage());
                ctx.log().warn("Script {} failed: {}", path, e.getMessage());
                failed.add(name);
            }
        }
        if (!failed.isEmpty()) {
            throw new ModuleException("Runparts: " + failed.size() + " failures (" + String.join(",", failed) + ") in "
                    + attempted + " attempted commands");
        }
    }

    private static boolean isExecutableFile(TargetRoot t, String path) {
        try {
            return t.exists(path) && !t.isDirectory(path) && (t.mode(path) & 0111) != 0;
        } catch (IOException e) {
            return false;
        }
    }

    private static void forward(ModuleContext ctx, CommandResult r) {
        for (byte[] b : new byte[][] {r.stdout(), r.stderr()}) {
            String text = new String(b, StandardCharsets.UTF_8);
            if (text.isEmpty()) {
                continue;
            }
            if (text.endsWith("\n")) {
                text = text.substring(0, text.length() - 1);
            }
            for (String line : text.split("\n", -1)) {
                ctx.console(line);
            }
        }
    }
}

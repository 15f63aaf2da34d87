package io.nubis.runtime.internal.boot;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.nubis.api.target.FileAttributes;
import io.nubis.api.target.TargetRoot;

/**
 * The reference's stage output: lines the stages and modules print (banners, the final message,
 * script output) go to the console stream and are appended to {@code cloud-init-output.log}
 * (created 0640: it may hold script output) in the target. Never to cloud-init.log.
 */
public final class OutputLog implements Consumer<String> {
    private static final Logger LOG = LoggerFactory.getLogger("main");
    /** Mode of a new output log. */
    public static final FileAttributes MODE = FileAttributes.mode(0640);

    private final TargetRoot target;
    private final PrintStream console;
    private volatile String path;
    private boolean failed;

    /**
     * @param path    target path of the output log, or null for none
     * @param console where lines are printed
     */
    public OutputLog(TargetRoot target, String path, PrintStream console) {
        this.target = target;
        this.path = path;
        this.console = console;
    }

    /** Sends later lines to another file (from the {@code output} config); null for none. */
    public void path(String newPath) {
        this.path = newPath;
    }

    /** The current output log path, or null. */
    public String path() {
        return path;
    }

    @Override
    public synchronized void accept(String line) {
        console.println(line);
        console.flush();
        String p = path;
        if (p == null) {
            return;
        }
        try {
            target.append(p, (line + "\n").getBytes(StandardCharsets.UTF_8), MODE);
        } catch (IOException e) {
            if (!failed) {
                failed = true;
                LOG.warn("Cannot write the output log {}: {}", p, e.getMessage());
            }
        }
    }
}

package io.nubis.cc.hostname.internal;

import java.io.IOException;

import io.nubis.api.exec.Command;
import io.nubis.api.exec.CommandException;
import io.nubis.api.module.ModuleContext;

/**
 * The machine's current host name, as {@code hostname} prints it (a query, not a change); in plan
 * mode, or if the command gives nothing, what the persistent hostname file says.
 */
class CurrentHostname {
    private final HostnameStore store;

    CurrentHostname(HostnameStore store) {
        this.store = store;
    }

    /** The current name, or null if none is known. */
    String get(ModuleContext ctx) {
        String name = running(ctx);
        if (name != null) {
            return name;
        }
        try {
            return store.readFile(ctx);
        } catch (IOException e) {
            ctx.log().debug("Cannot read the hostname file: {}", e.getMessage());
            return null;
        }
    }

    /** What {@code hostname} prints, or null in plan mode or on failure. */
    static String running(ModuleContext ctx) {
        if (ctx.runner().planMode()) {
            ctx.log().info("Plan mode: not asking 'hostname' for the current host name");
            return null;
        }
        try {
            String out = ctx.runner().run(Command.of("hostname")).out().strip();
            return out.isEmpty() ? null : out;
        } catch (CommandException e) {
            ctx.log().debug("hostname failed: {}", e.getMessage());
            return null;
        }
    }

    /** The target's {@code /etc/hosts}, or empty. */
    String hostsText(ModuleContext ctx) {
        try {
            return ctx.target().readString(HostsFile.PATH).orElse("");
        } catch (IOException e) {
            return "";
        }
    }
}

package io.nubis.cc.hostname.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.nubis.api.exec.Command;
import io.nubis.api.exec.CommandException;
import io.nubis.api.module.ModuleContext;
import io.nubis.api.target.FileAttributes;

/**
 * Reads and writes the persistent host name the way {@code system_info.hostname_conf} says:
 * <ul>
 * <li>{@code plain}: a hostname file kept as the reference's {@code HostnameConf} does (comment and
 * blank lines kept, the name line replaced, a trailing newline ensured);</li>
 * <li>{@code rc.conf}: the {@code hostname=} line of an rc.conf file, the value shell-quoted as
 * the reference's {@code bsd_utils.set_rc_config_value} does (other lines kept);</li>
 * <li>{@code hostnamectl}: {@code hostnamectl set-hostname NAME} ({@code --transient} when
 * {@code create_hostname_file} is false); the system name is read with {@code hostname}.</li>
 * </ul>
 * Also applies a name to the running system with {@code hostname NAME}.
 */
final class HostnameStore {
    private final SystemFacts facts;

    HostnameStore(SystemFacts facts) {
        this.facts = facts;
    }

    /** The persistent file's path. */
    String path() {
        return facts.hostnamePath();
    }

    /** The system's persistent host name: from the file, or for hostnamectl from {@code hostname}. */
    String readSystem(ModuleContext ctx) throws IOException {
        if (facts.format().equals(SystemFacts.HOSTNAMECTL)) {
            String running = CurrentHostname.running(ctx);
            return running != null ? running : readFile(ctx);
        }
        return readFile(ctx);
    }

    /** The name recorded in the persistent file, or null. */
    String readFile(ModuleContext ctx) throws IOException {
        Optional<String> text = ctx.target().readString(facts.hostnamePath());
        if (text.isEmpty()) {
            return null;
        }
        return facts.format().equals(SystemFacts.RC_CONF) ? readRcConf(text.get()) : readPlain(text.get());
    }

    /**
     * Writes the persistent name.
     *
     * @param createFile {@code create_hostname_file}: when false, a missing file is not created
     */
    void write(ModuleContext ctx, String name, boolean createFile) throws IOException, CommandException {
        if (facts.format().equals(SystemFacts.HOSTNAMECTL)) {
            Command c = createFile ? Command.of("hostnamectl", "set-hostname", name)
                    : Command.of("hostnamectl", "set-hostname", "--transient", name);
            ctx.runner().run(c);
            return;
        }
        String path = facts.hostnamePath();
        Optional<String> old = ctx.target().readString(path);
        if (old.isEmpty() && !createFile) {
            ctx.log().info("create_hostname_file is False; hostname file not created");
            return;
        }
        String content = facts.format().equals(SystemFacts.RC_CONF) ? setRcConf(old.orElse(""), name)
                : setPlain(old.orElse(""), name);
        writeIfChanged(ctx, path, old, content);
    }

    /** Writes a plain hostname file (the {@code previous-hostname} record). */
    static void writePlainFile(ModuleContext ctx, String path, String name) throws IOException {
        Optional<String> old = ctx.target().readString(path);
        writeIfChanged(ctx, path, old, setPlain(old.orElse(""), name));
    }

    private static void writeIfChanged(ModuleContext ctx, String path, Optional<String> old, String content)
            throws IOException {
        if (old.isPresent() && old.get().equals(content)) {
            return;
        }
        FileAttributes attrs = old.isPresent() ? FileAttributes.mode(ctx.target().mode(path)) : FileAttributes.PUBLIC;
        ctx.target().writeString(path, content, attrs);
    }

    /** Sets the running system's name (not fatal: logged as the reference does). */
    static void apply(ModuleContext ctx, String name) {
        ctx.log().debug("Non-persistently setting the system hostname to {}", name);
        try {
            ctx.runner().run(Command.of("hostname", name));
        } catch (CommandException e) {
            ctx.log().warn("Failed to non-persistently adjust the system hostname to {}: {}", name, e.getMessage());
        }
    }

    // ---- HostnameConf ----------------------------------------------------------------------------

    static String readPlain(String text) {
        for (String line : text.split("\n")) {
            String head = head(line);
            if (head != null) {
                return head.strip();
            }
        }
        return null;
    }

    static String setPlain(String text, String name) {
        List<String> out = new ArrayList<>();
        boolean replaced = false;
        if (!text.isEmpty()) {
            for (String line : splitLines(text)) {
                String head = head(line);
                if (head == null) {
                    out.add(line);
                } else {
                    out.add(name + line.strip().substring(head.length()));
                    replaced = true;
                }
            }
        }
        if (!replaced) {
            out.add(name);
        }
        return String.join("\n", out) + "\n";
    }

    /** Python's {@code str.splitlines()} for {@code \n}: no empty last element for a final newline. */
    static String[] splitLines(String text) {
        if (text.isEmpty()) {
            return new String[0];
        }
        String body = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        return body.split("\n", -1);
    }

    /** The part of a line before {@code #} if it holds a name; null for blank and comment lines. */
    private static String head(String line) {
        String s = line.strip();
        if (s.isEmpty()) {
            return null;
        }
        int hash = s.indexOf('#');
        String head = hash < 0 ? s : s.substring(0, hash);
        return head.isEmpty() ? null : head;
    }

    // ---- rc.conf ---------------------------------------------------------------------------------

    static String readRcConf(String text) {
        for (String line : text.split("\n")) {
            if (line.startsWith("hostname=")) {
                String v = line.substring("hostname=".length());
                if (v.length() >= 2 && v.charAt(0) == v.charAt(v.length() - 1) && (v.charAt(0) == '"' || v.charAt(0) == '\'')) {
                    v = v.substring(1, v.length() - 1);
                }
                return v;
            }
        }
        return null;
    }

    static String setRcConf(String text, String name) {
        List<String> out = new ArrayList<>();
        boolean done = false;
        String body = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        if (!body.isEmpty() || text.endsWith("\n")) {
            for (String line : body.split("\n", -1)) {
                int eq = line.indexOf('=');
                if (eq >= 0 && line.substring(0, eq).equals("hostname")) {
                    out.add("hostname=" + ShellQuote.quote(name));
                    done = true;
                } else {
                    out.add(line);
                }
            }
        }
        if (!done) {
            out.add("hostname=" + ShellQuote.quote(name));
        }
        return String.join("\n", out) + "\n";
    }
}

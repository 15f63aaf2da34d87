package io.nubis.cc.users.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.nubis.api.exec.Command;
import io.nubis.api.exec.CommandResult;
import io.nubis.api.exec.CommandRunner;
import io.nubis.api.target.FileAttributes;
import io.nubis.testkit.TempTarget;

/**
 * A test runner that records commands and applies what shadow-utils would do to the target's
 * passwd, group and shadow files (useradd, groupadd, usermod -a -G, passwd -l/-u, chpasswd),
 * so a second run sees the state the first one made.
 */
final class ShadowSystem implements CommandRunner {
    private final TempTarget t;
    private final List<String> lines = new ArrayList<>();
    private int nextId = 2000;

    ShadowSystem(TempTarget t) {
        this.t = t;
    }

    List<String> commandLines() {
        return List.copyOf(lines);
    }

    void clear() {
        lines.clear();
    }

    @Override
    public CommandResult run(Command c) {
        List<String> a = c.argv();
        lines.add(String.join(" ", a));
        try {
            switch (a.get(0)) {
                case "groupadd" -> append("/etc/group", a.get(a.size() - 1) + ":x:" + (nextId++) + ":");
                case "useradd" -> useradd(a);
                case "usermod" -> edit("/etc/group", a.get(3), 3, m -> m.isEmpty() ? a.get(4) : m + "," + a.get(4));
                case "passwd" -> edit("/etc/shadow", a.get(2), 1, p -> a.get(1).equals("-l") ? "!" + p : p.replaceFirst("^!+", ""));
                case "chpasswd" -> {
                    for (String l : new String(c.stdin(), StandardCharsets.UTF_8).split("\n")) {
                        String[] up = l.split(":", 2);
                        String pw = a.size() > 1 ? up[1] : "$6$sim$" + up[1].hashCode();
                        edit("/etc/shadow", up[0], 1, p -> pw);
                    }
                }
                default -> { }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new CommandResult(0, new byte[0], new byte[0], true);
    }

    private void useradd(List<String> a) throws IOException {
        String name = a.get(1);
        String home = opt(a, "--home").orElse("/home/" + name);
        String gid;
        if (opt(a, "--gid").isPresent()) {
            gid = t.text("/etc/group").lines().filter(l -> l.startsWith(opt(a, "--gid").get() + ":")).findFirst()
                    .orElseThrow().split(":")[2];
        } else {
            gid = String.valueOf(nextId);
            append("/etc/group", name + ":x:" + gid + ":");
        }
        int uid = nextId++;
        append("/etc/passwd", name + ":x:" + uid + ":" + gid + "::" + home + ":" + opt(a, "--shell").orElse("/bin/sh"));
        append("/etc/shadow", name + ":!:19000:0:99999:7:::");
        for (String g : opt(a, "--groups").map(s -> s.split(",")).orElse(new String[0])) {
            edit("/etc/group", g, 3, m -> m.isEmpty() ? name : m + "," + name);
        }
        if (a.contains("-m")) {
            t.mkdirs(home, 0700);
        }
    }

    private static Optional<String> opt(List<String> a, String name) {
        int i = a.indexOf(name);
        return i < 0 ? Optional.empty() : Optional.of(a.get(i + 1));
    }

    private void append(String file, String line) throws IOException {
        t.append(file, (line + "\n").getBytes(StandardCharsets.UTF_8), FileAttributes.mode(0644));
    }

    private void edit(String file, String name, int field, java.util.function.UnaryOperator<String> f) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (String l : t.text(file).lines().toList()) {
            String[] parts = l.split(":", -1);
            if (parts[0].equals(name)) {
                parts[field] = f.apply(parts[field]);
                l = String.join(":", parts);
            }
            sb.append(l).append('\n');
        }
        t.writeString(file, sb.toString(), FileAttributes.mode(t.mode(file)));
    }

    @Override
    public boolean planMode() {
        return false;
    }

    @Override
    public Optional<String> which(String program) {
        return Optional.empty();
    }
}

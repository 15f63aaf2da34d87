package io.nubis.cc.ssh.internal;

import io.nubis.api.target.FileAttributes;
import io.nubis.api.target.TargetRoot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * A user's authorized_keys as sshd finds it: the {@code AuthorizedKeysFile} patterns of
 * sshd_config ({@code %h}, {@code %u}, {@code %%}; relative to the home), the first one that
 * belongs to the user being where keys are written, {@code ~/.ssh/authorized_keys} otherwise.
 * Nothing is written through a symlink.
 */
final class AuthorizedKeys {
    static final String DEFAULT_PATTERN = "%h/.ssh/authorized_keys";

    private final TargetRoot target;
    private final String patterns;

    /** @param sshdConfig the main sshd_config (for AuthorizedKeysFile) */
    AuthorizedKeys(TargetRoot target, SshdConfig sshdConfig) {
        this.target = target;
        this.patterns = sshdConfig.first("AuthorizedKeysFile").orElse(DEFAULT_PATTERN);
    }

    /** Every file sshd reads keys from for the user. */
    List<String> files(Accounts.Account a) {
        List<String> out = new ArrayList<>();
        for (String p : patterns.strip().split("\\s+")) {
            if (!p.equalsIgnoreCase("none")) {
                out.add(render(p, a));
            }
        }
        return out;
    }

    /** The file the user's keys are written to. */
    String fileFor(Accounts.Account a) {
        String home = stripSlash(a.home());
        for (String p : patterns.strip().split("\\s+")) {
            if (p.equalsIgnoreCase("none")) {
                continue;
            }
            String f = render(p, a);
            if (p.contains("%u") || p.contains("%h") || f.startsWith(home + "/")) {
                return f;
            }
        }
        return home + "/.ssh/authorized_keys";
    }

    static String render(String pattern, Accounts.Account a) {
        String home = stripSlash(a.home());
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '%' && i + 1 < pattern.length()) {
                char n = pattern.charAt(++i);
                if (n == 'h') {
                    sb.append(home);
                } else if (n == 'u') {
                    sb.append(a.name());
                } else if (n == '%') {
                    sb.append('%');
                } else {
                    sb.append('%').append(n);
                }
            } else {
                sb.append(c);
            }
        }
        String s = sb.toString();
        return s.startsWith("/") ? s : home + "/" + s;
    }

    private static String stripSlash(String home) {
        return home.length() > 1 && home.endsWith("/") ? home.substring(0, home.length() - 1) : home;
    }

    /** The key lines of every file sshd reads for the user, in order (missing files skipped). */
    List<AuthKeyLine> read(Accounts.Account a) throws IOException {
        List<AuthKeyLine> out = new ArrayList<>();
        for (String f : files(a)) {
            if (target.exists(f) && !target.isDirectory(f)) {
                for (String line : target.readString(f).orElse("").split("\n")) {
                    out.add(AuthKeyLine.parse(line));
                }
            }
        }
        return out;
    }

    /**
     * Merges keys into the user's file, as the reference's {@code update_authorized_keys}: an
     * existing line with the same base64 is replaced, new keys are appended in order, other
     * lines are kept. The file is 0600 and the directories below the home 0700, owned by the
     * user; directories outside the home are 0755 root.
     *
     * @param options options for every given key (root's disable_root prefix), or null
     * @return the file written
     * @throws IOException if a path component is a symlink or the file cannot be written
     */
    String setup(Accounts.Account a, String group, Collection<String> keys, String options) throws IOException {
        String file = fileFor(a);
        String fallback = stripSlash(a.home()) + "/.ssh/authorized_keys";
        if (!linkFree(file, a) && !file.equals(fallback)) {
            file = fallback;
        }
        if (!linkFree(file, a)) {
            throw new IOException("refusing to write " + file + ": a symlink, file or directory is in the way");
        }
        ensureDirs(file, a, group);
        List<AuthKeyLine> old = new ArrayList<>();
        if (target.exists(file)) {
            for (String line : target.readString(file).orElse("").split("\n", -1)) {
                old.add(AuthKeyLine.parse(line));
            }
            if (!old.isEmpty() && old.get(old.size() - 1).source().isEmpty()) {
                old.remove(old.size() - 1);
            }
        }
        List<AuthKeyLine> add = new ArrayList<>();
        for (String k : keys) {
            AuthKeyLine l = AuthKeyLine.parse(k).withOptions(options);
            if (l.valid()) {
                add.add(l);
            }
        }
        List<AuthKeyLine> merged = merge(old, add);
        StringBuilder sb = new StringBuilder();
        for (AuthKeyLine l : merged) {
            sb.append(l.render()).append('\n');
        }
        target.writeString(file, sb.toString(), new FileAttributes(0600, a.name(), group));
        return file;
    }

    static List<AuthKeyLine> merge(List<AuthKeyLine> old, List<AuthKeyLine> keys) {
        List<AuthKeyLine> out = new ArrayList<>(old);
        List<AuthKeyLine> toAdd = new ArrayList<>(keys);
        for (int i = 0; i < out.size(); i++) {
            AuthKeyLine ent = out.get(i);
            if (!ent.valid()) {
                continue;
            }
            for (AuthKeyLine k : keys) {
                if (k.base64().equals(ent.base64())) {
                    out.set(i, k);
                    toAdd.remove(k);
                }
            }
        }
        for (AuthKeyLine k : toAdd) {
            if (!out.contains(k)) {
                out.add(k);
            }
        }
        return out;
    }

    /** True if no component of {@code file} (below the home if it is inside it) is a symlink or in the way. */
    private boolean linkFree(String file, Accounts.Account a) throws IOException {
        String home = stripSlash(a.home());
        String start = file.startsWith(home + "/") ? home : "";
        String[] parts = file.substring(start.length() + 1).split("/");
        String cur = start;
        for (int i = 0; i < parts.length; i++) {
            Path p = target.resolve(cur.isEmpty() ? "/" : cur).resolve(parts[i]);
            if (Files.isSymbolicLink(p)) {
                return false;
            }
            boolean last = i == parts.length - 1;
            if (last ? Files.isDirectory(p) : Files.exists(p) && !Files.isDirectory(p)) {
                return false;
            }
            cur = cur + "/" + parts[i];
        }
        return true;
    }

    private void ensureDirs(String file, Accounts.Account a, String group) throws IOException {
        String home = stripSlash(a.home());
        boolean inHome = file.startsWith(home + "/");
        if (inHome && !target.exists(home)) {
            target.mkdirs(home, 0700);
            target.chown(home, a.name(), group);
        }
        String dir = file.substring(0, file.lastIndexOf('/'));
        String start = inHome ? home : "";
        if (dir.length() <= start.length()) {
            return;
        }
        String cur = start;
        String[] parts = dir.substring(start.length() + 1).split("/");
        for (int i = 0; i < parts.length; i++) {
            cur = cur + "/" + parts[i];
            boolean parentOfFile = i == parts.length - 1;
            if (!target.exists(cur)) {
                target.mkdirs(cur, inHome ? 0700 : 0755);
                if (inHome) {
                    target.chown(cur, a.name(), group);
                } else {
                    target.chown(cur, "0", "0");
                }
            } else if (inHome && parentOfFile) {
                target.chmod(cur, 0700);
                target.chown(cur, a.name(), group);
            }
        }
    }
}

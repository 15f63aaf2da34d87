package io.nubis.cc.users.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.slf4j.Logger;

import io.nubis.api.target.FileAttributes;
import io.nubis.api.target.TargetRoot;

/**
 * Writes a user's authorized_keys as the reference's {@code ssh_util.setup_user_keys} does: the
 * file is the first {@code AuthorizedKeysFile} of the target's sshd_config that is specific to
 * the user ({@code %h}, {@code %u}, or below the home), else {@code ~/.ssh/authorized_keys}; new
 * keys are merged into the existing ones; the file is 0600 and owned by the user, directories
 * created below the home are 0700 and owned by the user, others 0755 and owned by root. A
 * symlink or non-directory anywhere on the way (below the home's parent) is refused. The file is
 * rewritten only when its content or mode changes.
 */
final class KeyFiles {
    static final String SSHD_CONFIG = "/etc/ssh/sshd_config";
    static final String DEFAULT_KEY_FILES = "%h/.ssh/authorized_keys %h/.ssh/authorized_keys2";

    private final TargetRoot target;
    private final Logger log;

    KeyFiles(TargetRoot target, Logger log) {
        this.target = target;
        this.log = log;
    }

    /**
     * Merges {@code keys} into the user's authorized_keys.
     *
     * @param user  login name
     * @param home  home directory (checked absolute path)
     * @param group group to own what is created, or null to keep the current one
     * @param keys  parsed key lines (non-keys are dropped)
     * @return the file written or left as it was
     */
    String apply(String user, String home, String group, List<AuthorizedKeys.Line> keys) throws IOException {
        String file = keyFile(user, home);
        ensureParents(file, user, home, group);
        if (target.exists(file) && (!plainFile(file) || target.isDirectory(file))) {
            throw new IOException(file + " is not a regular file (symlink or directory); not writing keys for " + user);
        }
        String old = target.readString(file).orElse("");
        String content = AuthorizedKeys.merge(old, keys);
        boolean exists = target.exists(file);
        if (exists && content.equals(old) && (target.mode(file) & 07777) == 0600) {
            log.debug("{} already has the keys for {}", file, user);
            return file;
        }
        target.writeString(file, content, new FileAttributes(0600, user, group));
        log.debug("Wrote {} key line(s) to {}", keys.size(), file);
        return file;
    }

    /** The key file sshd reads for the user, as the reference picks it. */
    String keyFile(String user, String home) throws IOException {
        String fallback = home + "/.ssh/authorized_keys";
        String value = sshdOption("authorizedkeysfile").orElse(DEFAULT_KEY_FILES);
        for (String raw : value.strip().split("\\s+")) {
            if (raw.isEmpty() || raw.equalsIgnoreCase("none")) {
                continue;
            }
            String p = raw.replace("%h", home).replace("%u", user).replace("%%", "%");
            if (!p.startsWith("/")) {
                p = home + "/" + p;
            }
            String norm = Path.of(p).normalize().toString();
            if (raw.contains("%u") || raw.contains("%h") || norm.startsWith(home + "/")) {
                if (!norm.equals(fallback)) {
                    log.debug("AuthorizedKeysFile has a user-specific authorized_keys, using {}", norm);
                }
                return norm;
            }
        }
        return fallback;
    }

    /**
     * The first value of an sshd_config keyword (case-insensitive) before any Match block, as
     * sshd takes it.
     */
    Optional<String> sshdOption(String keyword) throws IOException {
        Optional<String> text = target.readString(SSHD_CONFIG);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        for (String line : text.get().lines().map(String::strip).toList()) {
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] kv = line.split("[\\s=]+", 2);
            String key = kv[0].toLowerCase(Locale.ROOT);
            if (key.equals("match")) {
                break;
            }
            if (key.equals(keyword) && kv.length == 2) {
                return Optional.of(kv[1].strip());
            }
        }
        return Optional.empty();
    }

    private void ensureParents(String file, String user, String home, String group) throws IOException {
        String homeParent = home.substring(0, Math.max(home.lastIndexOf('/'), 1));
        List<String> dirs = new ArrayList<>();
        String dir = Path.of(file).getParent().toString();
        while (!dir.equals("/")) {
            dirs.add(0, dir);
            dir = Path.of(dir).getParent().toString();
        }
        for (String d : dirs) {
            boolean aboveHome = (homeParent + "/").startsWith(d + "/") || d.equals(homeParent);
            if (aboveHome) {
                continue;
            }
            if (!plainFile(d)) {
                throw new IOException("refusing to write keys for " + user + ": " + d + " is a symlink");
            }
            if (target.exists(d) && !target.isDirectory(d)) {
                throw new IOException("refusing to write keys for " + user + ": " + d + " is not a directory");
            }
            if (d.equals(home) || target.exists(d)) {
                continue;
            }
            boolean inHome = d.startsWith(home + "/");
            target.mkdirs(d, inHome ? 0700 : 0755);
            if (inHome) {
                target.chown(d, user, group);
            }
        }
    }

    /** True if the last component of {@code path} is not a symlink (its parents may be). */
    private boolean plainFile(String path) throws IOException {
        String parent = Path.of(path).getParent().toString();
        String name = Path.of(path).getFileName().toString();
        return target.resolve(path).equals(target.resolve(parent).resolve(name));
    }
}

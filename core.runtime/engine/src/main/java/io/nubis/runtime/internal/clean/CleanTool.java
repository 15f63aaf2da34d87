package io.nubis.runtime.internal.clean;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.nubis.api.exec.Command;
import io.nubis.api.exec.CommandException;
import io.nubis.api.exec.CommandRunner;
import io.nubis.api.target.FileAttributes;
import io.nubis.api.target.TargetRoot;
import io.nubis.runtime.internal.status.ToolPaths;

/**
 * {@code cloud-init clean}: removes what the agent wrote so it runs again as on a first boot.
 * <ol>
 * <li>With {@code --logs}, the log files the config names ({@code def_log_file}, the
 * {@code output} targets) and their rotated copies.</li>
 * <li>With {@code --configs}, the generated network, sshd or fstab config.</li>
 * <li>Everything under {@code /var/lib/cloud} except {@code seed} (unless {@code --seed}); then
 * the executables in {@code /etc/cloud/clean.d} in name order. If {@code /var/lib/cloud} is
 * already gone, nothing more is done here (as the reference).</li>
 * <li>With {@code --machine-id}, {@code /etc/machine-id} becomes {@code uninitialized\n} (0444)
 * when the distro's init system is systemd, else it is removed.</li>
 * <li>With {@code --reboot} and no failure so far, the init system's reboot command runs.</li>
 * </ol>
 * Failures print {@code Error:} and the reason on stderr and give exit 1.
 */
public final class CleanTool {
    /** Generated network config, globs in the last component only. */
    static final List<String> NETWORK_FILES = List.of(
            "/etc/netplan/50-cloud-init.yaml",
            "/etc/NetworkManager/conf.d/99-cloud-init.conf",
            "/etc/NetworkManager/conf.d/30-cloud-init-ip6-addr-gen-mode.conf",
            "/etc/NetworkManager/system-connections/cloud-init-*.nmconnection",
            "/etc/systemd/network/10-cloud-init-*.network",
            "/etc/network/interfaces.d/50-cloud-init.cfg");
    /** Generated sshd config. */
    static final List<String> SSH_FILES = List.of("/etc/ssh/sshd_config.d/50-cloud-init.conf");
    static final String MACHINE_ID = "/etc/machine-id";
    static final String FSTAB = "/etc/fstab";
    /** The mount option cc_mounts marks its fstab lines with. */
    static final String FSTAB_MARK = "comment=cloudconfig";
    private static final Logger LOG = LoggerFactory.getLogger(CleanTool.class);
    private static final Pattern OUTPUT_TARGET = Pattern.compile("(\\||>+)\\s*(.*)");

    private final TargetRoot target;
    private final ToolPaths paths;
    private final CommandRunner runner;
    private final CleanEnvironment env;
    private final PrintStream err;

    public CleanTool(TargetRoot target, ToolPaths paths, CommandRunner runner, CleanEnvironment env, PrintStream err) {
        this.target = target;
        this.paths = paths;
        this.runner = runner;
        this.env = env;
        this.err = err;
    }

    /**
     * Cleans.
     *
     * @param config the merged system config (for the log file names)
     * @return the exit code
     */
    public int run(CleanRequest req, Map<String, Object> config) {
        int rc = removeArtifacts(req, config);
        if (req.machineId()) {
            try {
                if (env.initSystem().map("systemd"::equals).orElse(false)) {
                    target.write(MACHINE_ID, "uninitialized\n".getBytes(StandardCharsets.US_ASCII),
                            FileAttributes.mode(0444));
                } else {
                    target.delete(MACHINE_ID);
                }
            } catch (IOException e) {
                return error("Could not reset " + MACHINE_ID + ": " + reason(e));
            }
        }
        if (rc == 0 && req.reboot()) {
            Command cmd;
            try {
                cmd = env.rebootCommand();
            } catch (IllegalStateException e) {
                return error("Could not reboot this system: " + e.getMessage());
            }
            try {
                runner.run(cmd);
            } catch (CommandException e) {
                return error("Could not reboot this system using \"" + pyList(cmd.argv()) + "\": " + e.getMessage());
            }
        }
        return rc;
    }

    private int removeArtifacts(CleanRequest req, Map<String, Object> config) {
        try {
            if (req.logs()) {
                for (String log : logFiles(config)) {
                    remove(log);
                }
            }
            if (req.config("network")) {
                for (String pattern : NETWORK_FILES) {
                    for (String f : glob(pattern)) {
                        remove(f);
                    }
                }
            }
            if (req.config("ssh_config")) {
                for (String f : SSH_FILES) {
                    remove(f);
                }
            }
            if (req.config("fstab")) {
                cleanFstab();
            }
            if (req.config("datasource")) {
                LOG.debug("No datasource defines clean-up steps; nothing to remove for --configs datasource");
            }
        } catch (Failure e) {
            return error(e.getMessage());
        }
        if (!target.isDirectory(paths.cloudDir())) {
            return 0;
        }
        List<String> entries;
        try {
            entries = target.list(paths.cloudDir());
        } catch (IOException e) {
            return error("Could not list " + paths.cloudDir() + ": " + reason(e));
        }
        for (String name : entries) {
            if (name.startsWith(".") || (name.equals("seed") && !req.seed())) {
                continue;
            }
            String path = paths.cloud(name);
            try {
                target.deleteTree(path);
            } catch (IOException e) {
                return error("Could not remove " + path + ": " + reason(e));
            }
        }
        try {
            runParts(cleanDir());
        } catch (RunPartsException | IOException e) {
            return error("Failure during run-parts of " + cleanDir() + ": " + e.getMessage());
        }
        return 0;
    }

    /** The directory of executables run after cleaning ({@code /etc/cloud/clean.d}). */
    String cleanDir() {
        return paths.configDir() + "/clean.d";
    }

    private void remove(String path) throws Failure {
        try {
            target.delete(path);
        } catch (IOException e) {
            throw new Failure("Could not remove " + path + ": " + reason(e));
        }
    }

    /** Log files named by the config, plus existing rotated copies ({@code FILE*}). */
    List<String> logFiles(Map<String, Object> config) throws Failure {
        Set<String> logs = new LinkedHashSet<>();
        Object def = config.getOrDefault("def_log_file", paths.logFile());
        if (def instanceof String s && !s.isEmpty()) {
            logs.add(s);
        }
        if (config.get("output") instanceof Map<?, ?> output) {
            for (Object mode : output.values()) {
                for (Object spec : outputSpecs(mode)) {
                    if (!(spec instanceof String s)) {
                        continue;
                    }
                    Matcher m = OUTPUT_TARGET.matcher(s);
                    if (!m.matches()) {
                        continue;
                    }
                    String[] parts = m.group(2).trim().split("\\s+");
                    if (parts.length == 1 && !parts[0].isEmpty()) {
                        logs.add(parts[0]);
                    } else if (parts.length >= 3 && parts[0].equals("tee") && parts[1].equals("-a")) {
                        logs.add(parts[2]);
                    }
                }
            }
        }
        Set<String> all = new LinkedHashSet<>(logs);
        for (String log : logs) {
            if (log.startsWith("/")) {
                all.addAll(glob(log + "*"));
            }
        }
        List<String> out = new ArrayList<>();
        for (String l : all) {
            if (l.startsWith("/")) {
                out.add(l);
            }
        }
        return out;
    }

    private static List<Object> outputSpecs(Object mode) {
        if (mode instanceof String) {
            return List.of(mode);
        }
        if (mode instanceof List<?> l) {
            return new ArrayList<>(l);
        }
        if (mode instanceof Map<?, ?> m) {
            List<Object> specs = new ArrayList<>();
            if (m.get("output") != null) {
                specs.add(m.get("output"));
            }
            if (m.get("error") != null) {
                specs.add(m.get("error"));
            }
            return specs;
        }
        return List.of();
    }

    /** Paths matching a pattern whose wildcards are in the last component. */
    List<String> glob(String pattern) throws Failure {
        int slash = pattern.lastIndexOf('/');
        String dir = pattern.substring(0, slash);
        String name = pattern.substring(slash + 1);
        if (name.indexOf('*') < 0) {
            return target.exists(pattern) ? List.of(pattern) : List.of();
        }
        Pattern re = Pattern.compile(Pattern.quote(name).replace("*", "\\E.*\\Q"));
        List<String> out = new ArrayList<>();
        List<String> entries;
        try {
            entries = target.list(dir.isEmpty() ? "/" : dir);
        } catch (IOException e) {
            throw new Failure("Could not list " + dir + ": " + reason(e));
        }
        for (String entry : entries) {
            if (re.matcher(entry).matches() && !entry.startsWith(".")) {
                out.add(dir + "/" + entry);
            }
        }
        return out;
    }

    private void cleanFstab() throws Failure {
        if (!target.exists(FSTAB)) {
            return;
        }
        try {
            rewriteFstab();
        } catch (IOException e) {
            throw new Failure("Could not rewrite " + FSTAB + ": " + reason(e));
        }
    }

    private void rewriteFstab() throws IOException {
        String text = new String(target.read(FSTAB), StandardCharsets.UTF_8);
        StringBuilder kept = new StringBuilder();
        boolean changed = false;
        for (String line : text.split("(?<=\n)")) {
            if (line.contains(FSTAB_MARK)) {
                changed = true;
            } else {
                kept.append(line);
            }
        }
        if (changed) {
            target.write(FSTAB, kept.toString().getBytes(StandardCharsets.UTF_8),
                    FileAttributes.mode(target.mode(FSTAB)));
        }
    }

    /** Runs each executable regular file of the directory in name order; fails if any failed. */
    private void runParts(String dir) throws RunPartsException, IOException {
        if (!target.isDirectory(dir)) {
            return;
        }
        List<String> attempted = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        for (String name : target.list(dir)) {
            String path = dir + "/" + name;
            Path host = target.resolve(path);
            if (!Files.isRegularFile(host) || !executable(host)) {
                continue;
            }
            attempted.add(path);
            try {
                runner.run(Command.of(path));
            } catch (CommandException e) {
                LOG.debug("{} failed: {}", path, e.getMessage());
                failed.add(name);
            }
        }
        if (!failed.isEmpty()) {
            throw new RunPartsException("Runparts: " + failed.size() + " failures (" + String.join(",", failed)
                    + ") in " + attempted.size() + " attempted commands");
        }
    }

    private static boolean executable(Path p) throws IOException {
        Set<PosixFilePermission> perms = Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS);
        return perms.contains(PosixFilePermission.OWNER_EXECUTE) || perms.contains(PosixFilePermission.GROUP_EXECUTE)
                || perms.contains(PosixFilePermission.OTHERS_EXECUTE);
    }

    private int error(String msg) {
        err.println("Error:\n" + msg);
        err.flush();
        return 1;
    }

    private static String reason(IOException e) {
        String m = e.getMessage();
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "Permission denied";
        }
        if (e instanceof java.nio.file.FileSystemException fse && fse.getReason() != null) {
            return fse.getReason();
        }
        return m == null ? e.toString() : m;
    }

    /** A Python list repr of strings, as the reference prints the failed command. */
    static String pyList(List<String> argv) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < argv.size(); i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append('\'').append(argv.get(i).replace("\\", "\\\\").replace("'", "\\'")).append('\'');
        }
        return sb.append(']').toString();
    }

    /** A step failed; the message is printed after {@code Error:}. */
    private static final class Failure extends Exception {
        private static final long serialVersionUID = 1L;

        Failure(String message) {
            super(message);
        }
    }

    private static final class RunPartsException extends Exception {
        private static final long serialVersionUID = 1L;

        RunPartsException(String message) {
            super(message);
        }
    }
}

package io.nubis.runtime.internal.ds;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.nubis.api.exec.Command;
import io.nubis.api.exec.CommandException;
import io.nubis.api.exec.CommandResult;
import io.nubis.api.exec.CommandRunner;
import io.nubis.api.target.PathEscapeException;
import io.nubis.api.target.TargetRoot;

/**
 * Machine facts read from the target: DMI from {@code /sys/class/dmi/id/*}, labels from
 * {@code /dev/disk/by-label} and, when the runner really runs commands and the target has it,
 * {@code blkid}; the kernel command line is given. Each fact is read once.
 */
public final class TargetFacts implements MachineFacts {
    private static final Logger LOG = LoggerFactory.getLogger("sources");
    static final String DMI_DIR = "/sys/class/dmi/id/";
    static final String BY_LABEL = "/dev/disk/by-label";

    private final TargetRoot target;
    private final CommandRunner runner;
    private final List<String> cmdline;
    private final Map<String, Optional<String>> dmi = new LinkedHashMap<>();
    private Map<String, List<String>> devicesByLabel;

    public TargetFacts(TargetRoot target, CommandRunner runner, List<String> cmdline) {
        this.target = target;
        this.runner = runner;
        this.cmdline = List.copyOf(cmdline);
    }

    @Override
    public boolean exists(String path) {
        return target.exists(path);
    }

    @Override
    public synchronized Optional<String> dmi(String field) {
        return dmi.computeIfAbsent(field, f -> {
            if (!f.matches("[a-z0-9_]+")) {
                return Optional.empty();
            }
            try {
                return target.readString(DMI_DIR + f).map(String::strip);
            } catch (IOException e) {
                LOG.debug("Cannot read DMI field {}: {}", f, e.getMessage());
                return Optional.empty();
            }
        });
    }

    @Override
    public Set<String> labels() {
        return devicesByLabel().keySet();
    }

    @Override
    public List<String> cmdline() {
        return cmdline;
    }

    /** Host paths of devices with any of the labels, in the order asked. */
    public List<String> devicesWithLabel(String... wanted) {
        Set<String> out = new LinkedHashSet<>();
        Map<String, List<String>> all = devicesByLabel();
        for (String l : wanted) {
            out.addAll(all.getOrDefault(l, List.of()));
        }
        return new ArrayList<>(out);
    }

    private synchronized Map<String, List<String>> devicesByLabel() {
        if (devicesByLabel != null) {
            return devicesByLabel;
        }
        Map<String, List<String>> m = new LinkedHashMap<>();
        try {
            for (String name : target.list(BY_LABEL)) {
                String label = unescape(name);
                String dev = device(BY_LABEL + "/" + name);
                m.computeIfAbsent(label, k -> new ArrayList<>()).add(dev);
            }
        } catch (IOException e) {
            LOG.debug("Cannot list {}: {}", BY_LABEL, e.getMessage());
        }
        if (!runner.planMode() && runner.which("blkid").isPresent()) {
            try {
                CommandResult r = runner.run(Command.of("blkid", "-o", "export").okOn(2));
                parseBlkid(new String(r.stdout(), StandardCharsets.UTF_8), m);
            } catch (CommandException e) {
                LOG.debug("blkid failed: {}", e.getMessage());
            }
        }
        devicesByLabel = m;
        return m;
    }

    /** Adds {@code LABEL=} entries of {@code blkid -o export} output (blank-line separated devices). */
    static void parseBlkid(String out, Map<String, List<String>> m) {
        String dev = null;
        String label = null;
        for (String line : (out + "\n\n").split("\n")) {
            if (line.isBlank()) {
                if (dev != null && label != null) {
                    List<String> l = m.computeIfAbsent(label, k -> new ArrayList<>());
                    if (!l.contains(dev)) {
                        l.add(dev);
                    }
                }
                dev = null;
                label = null;
            } else if (line.startsWith("DEVNAME=")) {
                dev = line.substring(8);
            } else if (line.startsWith("LABEL=")) {
                label = line.substring(6);
            }
        }
    }

    /** The device a by-label link points to, as a path inside the target. */
    private String device(String link) {
        try {
            String root = target.root().toString();
            String host = target.resolve(link).toString();
            if ("/".equals(root)) {
                return host;
            }
            return host.startsWith(root + "/") ? host.substring(root.length()) : link;
        } catch (PathEscapeException e) {
            return link;
        }
    }

    /** udev escapes {@code /}, spaces and other bytes in label names as {@code \xNN}. */
    static String unescape(String name) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '\\' && i + 3 < name.length() && name.charAt(i + 1) == 'x') {
                try {
                    sb.append((char) Integer.parseInt(name.substring(i + 2, i + 4), 16));
                    i += 3;
                    continue;
                } catch (NumberFormatException e) {
                    // keep as written
                }
            }
            sb.append(c);
        }
        return sb.toString();
    }
}

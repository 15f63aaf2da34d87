package io.nubis.adapter.doas.internal;

import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.osgi.annotation.bundle.Capability;
import org.osgi.service.component.annotations.Component;

import io.nubis.api.capability.Namespaces;
import io.nubis.api.distro.PrivilegeRules;
import io.nubis.api.distro.Step;
import io.nubis.api.target.FileAttributes;
import io.nubis.api.target.TargetRoot;

/**
 * doas rules appended to {@code doas.conf} (created 0440, as the reference does) under a
 * {@code # User rules for user} comment. Each rule is taken as given but must be a doas rule
 * whose identity is the user; otherwise nothing is written. Lines already present are not
 * written again.
 */
@Capability(namespace = Namespaces.PRIVILEGE, name = DoasRules.NAME)
@Component(property = Namespaces.PRIVILEGE + "=" + DoasRules.NAME)
public class DoasRules implements PrivilegeRules {
    static final String NAME = "doas";
    static final String HEADER = "# Created by Nubis";
    static final FileAttributes MODE = FileAttributes.mode(0440);

    @Override
    public String program() {
        return NAME;
    }

    @Override
    public List<Step> grant(TargetRoot target, String user, List<String> rules) throws IOException {
        Set<String> lines = new LinkedHashSet<>(DoasRule.check(user, rules));
        if (lines.isEmpty()) {
            return List.of();
        }
        String file = configFile(target);
        Optional<String> existing = target.readString(file);
        existing.ifPresent(text -> text.lines().map(String::strip).forEach(lines::remove));
        if (lines.isEmpty()) {
            return List.of();
        }
        String block = "\n# User rules for " + user + "\n" + String.join("\n", lines) + "\n";
        if (existing.isEmpty()) {
            return List.of(new Step.Write(file, HEADER + "\n" + block, MODE));
        }
        String sep = existing.get().isEmpty() || existing.get().endsWith("\n") ? "" : "\n";
        return List.of(new Step.Append(file, sep + block, MODE));
    }

    /**
     * {@code /etc/doas.conf}, except where doas comes from FreeBSD ports and reads
     * {@code /usr/local/etc/doas.conf} (the reference always writes /etc).
     */
    static String configFile(TargetRoot target) {
        if (!target.exists("/etc/doas.conf") && (target.exists("/usr/local/etc/doas.conf")
                || target.exists("/usr/local/bin/doas") || target.exists("/bin/freebsd-version"))) {
            return "/usr/local/etc/doas.conf";
        }
        return "/etc/doas.conf";
    }
}

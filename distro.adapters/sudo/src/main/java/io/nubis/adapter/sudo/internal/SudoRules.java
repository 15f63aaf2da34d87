package io.nubis.adapter.sudo.internal;

import java.io.IOException;
import java.util.ArrayList;
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
 * sudo rules in the reference's drop-in {@code sudoers.d/90-cloud-init-users} (mode 0440), one
 * {@code user rule} line per rule under a {@code # User rules for user} comment. The sudoers
 * file gets an {@code #includedir} for the drop-in directory when it has none, and the
 * directory is created 0750. Lines already in the drop-in are not written again.
 */
@Capability(namespace = Namespaces.PRIVILEGE, name = SudoRules.NAME)
@Component(property = Namespaces.PRIVILEGE + "=" + SudoRules.NAME)
public class SudoRules implements PrivilegeRules {
    static final String NAME = "sudo";
    static final String DROP_IN = "90-cloud-init-users";
    static final String HEADER = "# Created by Nubis";
    static final String ADDED = "# Added by Nubis";
    static final FileAttributes MODE = FileAttributes.mode(0440);

    @Override
    public String program() {
        return NAME;
    }

    @Override
    public List<Step> grant(TargetRoot target, String user, List<String> rules) throws IOException {
        Set<String> lines = new LinkedHashSet<>();
        for (String rule : Checks.rules(rules)) {
            lines.add(Checks.user(user) + " " + rule.strip());
        }
        if (lines.isEmpty()) {
            return List.of();
        }
        SudoersLocation loc = SudoersLocation.of(target);
        List<Step> steps = new ArrayList<>(IncludeDir.ensure(target, loc));
        if (!target.isDirectory(loc.dir())) {
            steps.add(new Step.Mkdir(loc.dir(), 0750));
        }
        String file = loc.dir() + "/" + DROP_IN;
        Optional<String> existing = target.readString(file);
        existing.ifPresent(text -> text.lines().map(String::strip).forEach(lines::remove));
        if (lines.isEmpty()) {
            return steps;
        }
        String block = "\n# User rules for " + user + "\n" + String.join("\n", lines) + "\n";
        steps.add(existing.isPresent() ? new Step.Append(file, block, MODE) : new Step.Write(file, HEADER + "\n" + block, MODE));
        return steps;
    }
}

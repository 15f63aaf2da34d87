package io.nubis.adapter.sudo.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.nubis.api.distro.Step;
import io.nubis.api.target.TargetRoot;

/** Makes the sudoers file include the drop-in directory, as the reference's {@code ensure_sudo_dir} does. */
final class IncludeDir {
    private static final Pattern INCLUDE = Pattern.compile("^[#@]includedir\\s+(.*)$");

    private IncludeDir() {
    }

    /** No step if the sudoers file (or, when it is absent, the vendor file) already includes the directory. */
    static List<Step> ensure(TargetRoot target, SudoersLocation loc) throws IOException {
        Optional<String> base = target.readString(loc.base());
        String content = base.orElse("");
        if (base.isEmpty() && loc.vendor() != null) {
            content = target.readString(loc.vendor()).orElse("");
        }
        if (includes(content, loc.dir())) {
            return List.of();
        }
        String directive = SudoRules.ADDED + "\n#includedir " + loc.dir() + "\n";
        if (base.isPresent()) {
            return List.of(new Step.Append(loc.base(), "\n" + directive, SudoRules.MODE));
        }
        if (!content.isEmpty() && !content.endsWith("\n")) {
            content += "\n";
        }
        content += "# See sudoers(5) for more information on \"#include\" directives:\n\n" + directive;
        return List.of(new Step.Write(loc.base(), content, SudoRules.MODE));
    }

    static boolean includes(String sudoers, String dir) {
        Path wanted = Path.of(dir).normalize();
        for (String line : sudoers.lines().map(String::strip).toList()) {
            Matcher m = INCLUDE.matcher(line);
            if (m.matches() && !m.group(1).isBlank() && Path.of(m.group(1).strip()).normalize().equals(wanted)) {
                return true;
            }
        }
        return false;
    }
}

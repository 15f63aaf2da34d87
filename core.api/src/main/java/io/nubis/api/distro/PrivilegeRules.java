package io.nubis.api.distro;

import java.io.IOException;
import java.util.List;

import io.nubis.api.target.TargetRoot;

/** Privilege rules for one tool (sudo or doas). */
public interface PrivilegeRules {
    /** The tool's program name ({@code sudo}, {@code doas}). */
    String program();

    /**
     * Steps that give {@code user} the given rules, written in the tool's own syntax and file
     * with the tool's required mode. Rules already present are not written again, so calling it
     * twice plans nothing the second time.
     *
     * @param target read to find existing rules and include directives
     * @param user   the user the rules are for
     * @param rules  rules as given in cloud-config ({@code ALL=(ALL) NOPASSWD:ALL} for sudo,
     *               {@code permit nopass alice as root} for doas)
     */
    List<Step> grant(TargetRoot target, String user, List<String> rules) throws IOException;
}

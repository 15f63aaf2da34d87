package io.nubis.runtime.internal.ds;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** What datasource detection looks at on the machine. */
public interface MachineFacts {
    /** Whether a target path exists. */
    boolean exists(String path);

    /** A DMI field ({@code sys_vendor}), trimmed, if the machine has it. */
    Optional<String> dmi(String field);

    /** Labels of the block devices present. */
    Set<String> labels();

    /** Kernel command line words. */
    List<String> cmdline();
}

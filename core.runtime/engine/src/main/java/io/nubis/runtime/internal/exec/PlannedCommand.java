package io.nubis.runtime.internal.exec;

/**
 * A command recorded in plan mode.
 *
 * @param display   {@link io.nubis.api.exec.Command#display()}: arguments redacted if sensitive
 * @param sensitive whether the command carried secrets
 * @param runAs     the user it would run as, or null
 */
public record PlannedCommand(String display, boolean sensitive, String runAs) {
    /** The display form, with the user if there is one. */
    @Override
    public String toString() {
        return runAs == null ? display : display + " (as " + runAs + ")";
    }
}

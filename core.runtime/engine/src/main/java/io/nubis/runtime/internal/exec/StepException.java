package io.nubis.runtime.internal.exec;

import io.nubis.api.distro.Step;

/** A step of a plan failed; the message names the step, its position, and what went wrong. */
public final class StepException extends Exception {
    private static final long serialVersionUID = 1L;

    private final int index;
    private final transient Step step;

    StepException(int index, int total, Step step, Exception cause) {
        super("step " + (index + 1) + " of " + total + " (" + StepApplier.describe(step) + ") failed: "
                + cause.getMessage(), cause);
        this.index = index;
        this.step = step;
    }

    /** Position of the failed step, from 0. */
    public int index() {
        return index;
    }

    /** The failed step. */
    public Step step() {
        return step;
    }
}

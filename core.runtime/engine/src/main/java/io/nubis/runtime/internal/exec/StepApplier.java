package io.nubis.runtime.internal.exec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.nubis.api.distro.Step;
import io.nubis.api.exec.CommandException;
import io.nubis.api.exec.CommandRunner;
import io.nubis.api.target.TargetRoot;

/**
 * Applies the steps an adapter planned, in order, through a target root and a command runner,
 * stopping at the first failure with a {@link StepException} naming the step. In plan mode the
 * runner records commands; file steps go to whatever target root it is given.
 */
public final class StepApplier {
    private static final Logger LOG = LoggerFactory.getLogger(StepApplier.class);

    private final TargetRoot target;
    private final CommandRunner runner;

    public StepApplier(TargetRoot target, CommandRunner runner) {
        this.target = target;
        this.runner = runner;
    }

    /** Applies every step in order. */
    public void apply(List<Step> steps) throws StepException {
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            try {
                applyOne(step);
            } catch (IOException | CommandException | RuntimeException e) {
                throw new StepException(i, steps.size(), step, e);
            }
        }
    }

    private void applyOne(Step step) throws IOException, CommandException {
        if (step == null) {
            throw new IllegalArgumentException("no step given");
        }
        LOG.debug("Applying step: {}", describe(step));
        if (step instanceof Step.Run r) {
            runner.run(r.command());
        } else if (step instanceof Step.Write w) {
            target.writeString(w.path(), content(w.content()), w.attrs());
        } else if (step instanceof Step.Append a) {
            target.append(a.path(), content(a.content()).getBytes(StandardCharsets.UTF_8), a.attrs());
        } else if (step instanceof Step.Delete d) {
            target.delete(d.path());
        } else if (step instanceof Step.Mkdir m) {
            target.mkdirs(m.path(), m.mode());
        } else {
            throw new IllegalArgumentException("unknown step type " + step.getClass().getName());
        }
    }

    private static String content(String c) {
        if (c == null) {
            throw new IllegalArgumentException("no content given");
        }
        return c;
    }

    /** A short description for messages: {@code run 'useradd alice'}, {@code write /etc/doas.conf}. */
    public static String describe(Step step) {
        if (step instanceof Step.Run r) {
            return "run '" + r.command().display() + "'";
        } else if (step instanceof Step.Write w) {
            return "write " + w.path();
        } else if (step instanceof Step.Append a) {
            return "append to " + a.path();
        } else if (step instanceof Step.Delete d) {
            return "delete " + d.path();
        } else if (step instanceof Step.Mkdir m) {
            return "create directory " + m.path() + " (0" + Integer.toOctalString(m.mode()) + ")";
        }
        return String.valueOf(step);
    }
}

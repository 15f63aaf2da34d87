package io.nubis.runtime.internal.exec;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.nubis.api.exec.Command;
import io.nubis.api.exec.CommandResult;
import io.nubis.api.exec.CommandRunner;
import io.nubis.api.target.TargetRoot;

/**
 * Plan mode: records each command in order (its display form, so secrets stay redacted) and
 * reports success with empty output without running anything. Modules running at the same time
 * each record through a {@link #reserve reserved} runner, so the record keeps the plan's order.
 * {@link #which} looks in the target's PATH directories; with {@code assumePresent} a program not
 * found there is assumed to be {@code /usr/bin/NAME}, so a plan can be made against an empty or
 * partial target.
 */
public final class PlanRunner implements CommandRunner {
    private static final Logger LOG = LoggerFactory.getLogger(PlanRunner.class);
    private static final byte[] EMPTY = new byte[0];

    private final TargetRoot target;
    private final boolean assumePresent;
    /** {@link PlannedCommand}s and {@link Reserved} places, in order. */
    private final List<Object> recorded = new ArrayList<>();

    /**
     * @param target        where {@link #which} looks
     * @param assumePresent answer {@code /usr/bin/NAME} for programs the target does not have
     */
    public PlanRunner(TargetRoot target, boolean assumePresent) {
        this.target = target;
        this.assumePresent = assumePresent;
    }

    @Override
    public CommandResult run(Command command) {
        PlannedCommand p = planned(command);
        synchronized (recorded) {
            recorded.add(p);
        }
        return new CommandResult(0, EMPTY, EMPTY, false);
    }

    private static PlannedCommand planned(Command command) {
        PlannedCommand p = new PlannedCommand(command.display(), command.sensitive(), command.runAs());
        LOG.debug("Plan: would run {}", p);
        return p;
    }

    /**
     * A runner like this one whose commands are listed at the place this call takes in the
     * record, however late they are made: for a module running beside others.
     */
    public CommandRunner reserve() {
        Reserved r = new Reserved();
        synchronized (recorded) {
            recorded.add(r);
        }
        return r;
    }

    @Override
    public boolean planMode() {
        return true;
    }

    @Override
    public Optional<String> which(String program) {
        Optional<String> found = PathSearch.which(target, program);
        if (found.isPresent() || !assumePresent || program == null || program.isEmpty()) {
            return found;
        }
        return Optional.of(program.indexOf('/') >= 0 ? program : "/usr/bin/" + program);
    }

    /** The commands recorded so far, in order. */
    public List<PlannedCommand> recorded() {
        List<PlannedCommand> out = new ArrayList<>();
        synchronized (recorded) {
            for (Object o : recorded) {
                if (o instanceof Reserved r) {
                    out.addAll(r.commands());
                } else {
                    out.add((PlannedCommand) o);
                }
            }
        }
        return out;
    }

    /** A reserved place in the record. */
    private final class Reserved implements CommandRunner {
        private final List<PlannedCommand> commands = new ArrayList<>();

        @Override
        public CommandResult run(Command command) {
            PlannedCommand p = planned(command);
            synchronized (commands) {
                commands.add(p);
            }
            return new CommandResult(0, EMPTY, EMPTY, false);
        }

        @Override
        public boolean planMode() {
            return true;
        }

        @Override
        public Optional<String> which(String program) {
            return PlanRunner.this.which(program);
        }

        List<PlannedCommand> commands() {
            synchronized (commands) {
                return List.copyOf(commands);
            }
        }
    }
}

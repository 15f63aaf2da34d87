package io.nubis.runtime.internal.net;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.nubis.api.distro.Step;
import io.nubis.api.exec.CommandRunner;
import io.nubis.api.target.TargetRoot;
import io.nubis.runtime.internal.exec.StepApplier;
import io.nubis.runtime.internal.exec.StepException;

/**
 * Applies a renderer's steps so that an unchanged config changes nothing: a file whose content
 * and mode are already those of its {@link Step.Write} is not rewritten (its mtime stays), a
 * {@link Step.Delete} of an absent file is dropped, and the renderer's commands (such as
 * {@code netplan generate}) run only when some file changed.
 */
public final class RenderedFiles {
    /**
     * What applying did.
     *
     * @param changed   target paths written or deleted
     * @param unchanged target paths left as they were
     */
    public record Outcome(List<String> changed, List<String> unchanged) {
    }

    private RenderedFiles() {
    }

    /** Applies the steps that change something. */
    public static Outcome apply(List<Step> steps, TargetRoot target, CommandRunner runner) throws StepException {
        List<Step> todo = new ArrayList<>();
        List<Step> commands = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        List<String> unchanged = new ArrayList<>();
        for (Step st : steps) {
            if (st instanceof Step.Write w) {
                if (same(target, w)) {
                    unchanged.add(w.path());
                } else {
                    todo.add(st);
                    changed.add(w.path());
                }
            } else if (st instanceof Step.Delete d) {
                if (target.exists(d.path())) {
                    todo.add(st);
                    changed.add(d.path());
                }
            } else if (st instanceof Step.Run) {
                commands.add(st);
            } else {
                todo.add(st);
            }
        }
        if (!changed.isEmpty()) {
            todo.addAll(commands);
        }
        new StepApplier(target, runner).apply(todo);
        return new Outcome(changed, unchanged);
    }

    private static boolean same(TargetRoot target, Step.Write w) {
        try {
            if (!target.exists(w.path()) || target.isDirectory(w.path())) {
                return false;
            }
            if (w.attrs() != null && (target.mode(w.path()) & 07777) != w.attrs().mode()) {
                return false;
            }
            return Arrays.equals(target.read(w.path()), w.content().getBytes(StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}

package io.nubis.cc.users.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import io.nubis.api.distro.Step;
import io.nubis.api.exec.CommandException;
import io.nubis.api.module.ModuleContext;

/** Applies adapter steps in order: commands through the runner, file steps through the target. */
final class Steps {
    private Steps() {
    }

    static void apply(ModuleContext ctx, List<Step> steps) throws IOException, CommandException {
        for (Step s : steps) {
            if (s instanceof Step.Run r) {
                ctx.runner().run(r.command());
            } else if (s instanceof Step.Write w) {
                ctx.target().writeString(w.path(), w.content(), w.attrs());
            } else if (s instanceof Step.Append a) {
                ctx.target().append(a.path(), a.content().getBytes(StandardCharsets.UTF_8), a.attrs());
            } else if (s instanceof Step.Delete d) {
                ctx.target().delete(d.path());
            } else if (s instanceof Step.Mkdir m) {
                ctx.target().mkdirs(m.path(), m.mode());
            }
        }
    }
}

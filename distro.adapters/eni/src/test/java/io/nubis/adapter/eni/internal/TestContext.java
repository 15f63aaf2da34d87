package io.nubis.adapter.eni.internal;

import java.util.Map;

import io.nubis.api.net.RenderContext;
import io.nubis.api.target.TargetRoot;

/** A render context over a test target with the given renderer options. */
record TestContext(TargetRoot target, Map<String, Object> options) implements RenderContext {
    @Override
    public String distro() {
        return "debian";
    }

    @Override
    public String variant() {
        return "debian";
    }
}

package io.nubis.adapter.networkmanager.internal;

import java.util.Map;

import io.nubis.api.net.RenderContext;
import io.nubis.api.target.TargetRoot;

/** A render context for openSUSE over a test target. */
record TestContext(TargetRoot target, Map<String, Object> options) implements RenderContext {
    TestContext(TargetRoot target) {
        this(target, Map.of());
    }

    @Override
    public String distro() {
        return "opensuse";
    }

    @Override
    public String variant() {
        return "opensuse";
    }
}

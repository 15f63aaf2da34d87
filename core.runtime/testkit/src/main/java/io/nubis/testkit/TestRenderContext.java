package io.nubis.testkit;

import java.util.Map;

import io.nubis.api.net.RenderContext;
import io.nubis.api.target.TargetRoot;

/**
 * A {@link RenderContext} for a network renderer's unit test: a target (a {@link TempTarget},
 * or null where the renderer does not read it), the distro and its variant, and the renderer's
 * options.
 *
 * <pre>{@code
 * List<Step> steps = new EniRenderer().render(state, TestRenderContext.of(TempTarget.in(dir), "debian"));
 * }</pre>
 */
public record TestRenderContext(TargetRoot target, String distro, String variant, Map<String, Object> options)
        implements RenderContext {
    public TestRenderContext {
        options = options == null ? Map.of() : options;
    }

    /** A context for {@code distro} (its own variant) without renderer options. */
    public static TestRenderContext of(TargetRoot target, String distro) {
        return new TestRenderContext(target, distro, distro, Map.of());
    }

    /** A context for {@code distro} (its own variant) with these renderer options. */
    public static TestRenderContext of(TargetRoot target, String distro, Map<String, Object> options) {
        return new TestRenderContext(target, distro, distro, options);
    }
}

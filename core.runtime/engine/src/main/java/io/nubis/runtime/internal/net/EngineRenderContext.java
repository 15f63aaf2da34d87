package io.nubis.runtime.internal.net;

import java.util.Map;

import io.nubis.api.net.RenderContext;
import io.nubis.api.target.TargetRoot;

/**
 * The engine's {@link RenderContext}: the renderer's options come from
 * {@code system_info.network.renderer_configs.<name>}.
 */
public record EngineRenderContext(TargetRoot target, String distro, String variant, Map<String, Object> options)
        implements RenderContext {

    /** The context for renderer {@code name} from the merged system config's {@code system_info}. */
    @SuppressWarnings("unchecked")
    public static EngineRenderContext of(TargetRoot target, String distro, String variant, Map<String, Object> systemInfo,
            String name) {
        Map<String, Object> options = Map.of();
        if (systemInfo != null && systemInfo.get("network") instanceof Map<?, ?> net
                && net.get("renderer_configs") instanceof Map<?, ?> all && all.get(name) instanceof Map<?, ?> mine) {
            options = (Map<String, Object>) mine;
        }
        return new EngineRenderContext(target, distro, variant, options);
    }
}

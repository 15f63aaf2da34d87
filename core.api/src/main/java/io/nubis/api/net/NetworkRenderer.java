package io.nubis.api.net;

import java.util.List;

import io.nubis.api.distro.Step;

/**
 * A network stack's adapter: writes a {@link NetworkState} as the stack's files and brings
 * interfaces up. Registered as a DS service with the property {@code nubis.netrenderer=<name>}
 * and the availability probe in {@code probe.commands} and {@code probe.files} (see
 * {@link io.nubis.api.capability.Attributes#PROBE_COMMANDS}), which the engine checks in the
 * target without loading the renderer's classes. Like every adapter it returns {@link Step}s
 * instead of acting, so its output for each config can be pinned by tests.
 */
public interface NetworkRenderer {
    /**
     * The steps that write {@code state}: every file this renderer owns for it, and deletions
     * of the files it wrote for interfaces that are no longer in the state. Never commands
     * that change the running network.
     */
    List<Step> render(NetworkState state, RenderContext context);

    /** The steps that bring up one interface after its files were written (hotplug, update mode). */
    List<Step> bringUp(String iface, RenderContext context);

    /** The steps that take down one interface before its files are removed. */
    List<Step> bringDown(String iface, RenderContext context);

    /** The steps that make the stack apply every rendered file again ({@code netplan apply}, {@code networkctl reload}...). */
    List<Step> apply(RenderContext context);

    /** Target paths or globs of every file this renderer may write, for {@code clean -c network}. */
    List<String> ownedFiles(RenderContext context);
}

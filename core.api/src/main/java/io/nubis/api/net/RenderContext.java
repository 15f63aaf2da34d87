package io.nubis.api.net;

import java.util.Map;

import io.nubis.api.target.TargetRoot;

/** What the engine gives a {@link NetworkRenderer} besides the state. */
public interface RenderContext {
    /** The target, to read what is already there (files a renderer owns and no longer needs). */
    TargetRoot target();

    /** The distro's name ({@code debian}, {@code opensuse}...). */
    String distro();

    /** The distro's variant as in {@code system_info.variant}. */
    String variant();

    /**
     * This renderer's options from {@code system_info.network.renderer_configs.<name>} (the
     * reference's keys: {@code eni_path}, {@code netrules_path}, {@code netplan_path},
     * {@code postcmds}...); empty if none are given.
     */
    Map<String, Object> options();
}

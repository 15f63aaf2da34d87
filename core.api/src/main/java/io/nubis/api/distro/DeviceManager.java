package io.nubis.api.distro;

import java.util.List;

import io.nubis.api.exec.Command;

/** Device-manager hooks (udev, mdev, devd): hotplug routing and settling. */
public interface DeviceManager {
    /** Steps that make network-device add events run {@code hook} with the event in its environment. */
    List<Step> installHotplugHook(String hook);

    /** Steps that remove what {@link #installHotplugHook} installed. */
    List<Step> removeHotplugHook();

    /** Waits until queued device events are processed. */
    Command settle();

    /** Makes the device manager re-read its rules. */
    Command reloadRules();
}

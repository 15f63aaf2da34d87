package io.nubis.api.distro;

import io.nubis.api.exec.Command;

/** Service control for one init system (systemd, OpenRC, BSD rc). */
public interface InitSystem {
    /** Starts a service now. */
    Command start(String service);

    /** Stops a service now. */
    Command stop(String service);

    /** Restarts a service. */
    Command restart(String service);

    /** Reloads a service's configuration. */
    Command reload(String service);

    /** Enables a service at boot. */
    Command enable(String service);

    /** Disables a service at boot. */
    Command disable(String service);

    /** Exits 0 if the service is running. */
    Command isActive(String service);

    /**
     * Changes the power state as power_state_change asks.
     *
     * @param mode    {@code poweroff}, {@code reboot} or {@code halt}
     * @param delay   {@code now} or {@code +N} minutes
     * @param message message for logged-in users, may be empty
     */
    Command powerState(String mode, String delay, String message);

    /**
     * A power_state delay in minutes: {@code now} is 0; {@code +N} and {@code N} are N.
     *
     * @throws IllegalArgumentException for anything else, naming the value
     */
    static int delayMinutes(String delay) {
        if ("now".equals(delay)) {
            return 0;
        }
        String d = delay == null ? "" : delay.trim();
        if (!d.matches("\\+?\\d{1,6}")) {
            throw new IllegalArgumentException("power_state delay must be 'now' or '+m' (minutes), not '" + delay + "'");
        }
        return Integer.parseInt(d.startsWith("+") ? d.substring(1) : d);
    }
}

package io.nubis.cc.disks.internal;

/** A clean reason not to touch a device (not a partition, a container, overlay root...), logged at INFO. */
final class Skip extends Exception {
    private static final long serialVersionUID = 1L;

    Skip(String message) {
        super(message, null, false, false);
    }
}

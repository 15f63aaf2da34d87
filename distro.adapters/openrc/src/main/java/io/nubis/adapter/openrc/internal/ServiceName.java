package io.nubis.adapter.openrc.internal;

import java.util.regex.Pattern;

/** Checks a service name before it becomes an argument, so it can never be read as an option. */
final class ServiceName {
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]*");

    private ServiceName() {
    }

    static String check(String service) {
        if (service == null || !VALID.matcher(service).matches()) {
            throw new IllegalArgumentException("invalid service name '" + service + "'");
        }
        return service;
    }
}

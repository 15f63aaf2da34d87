package io.nubis.cc.users.internal;

import java.util.List;

/**
 * One group of the top-level {@code groups} key, after normalisation.
 *
 * @param name    group name as given (checked later)
 * @param members members, sorted and de-duplicated
 * @param keyPath where it was configured ({@code groups[0]}, {@code groups.admins})
 */
record GroupEntry(String name, List<String> members, String keyPath) {
    GroupEntry {
        members = List.copyOf(members);
    }
}

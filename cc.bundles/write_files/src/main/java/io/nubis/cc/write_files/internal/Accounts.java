package io.nubis.cc.write_files.internal;

import java.io.IOException;
import java.util.Optional;

import io.nubis.api.target.TargetRoot;

/** Whether a user or group name exists in the target's {@code /etc/passwd} or {@code /etc/group}. */
final class Accounts {
    private Accounts() {
    }

    /**
     * Empty if the name is numeric, one of the superuser names ({@code root}, {@code wheel}), or
     * found, or if the database file does not exist in the target (then the target's chown
     * decides); otherwise a message saying what is missing.
     */
    static Optional<String> missing(TargetRoot target, String database, String name) throws IOException {
        if (name == null || name.chars().allMatch(Character::isDigit) || name.equals("root") || name.equals("wheel")) {
            return Optional.empty();
        }
        Optional<String> text = target.readString(database);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        for (String line : text.get().split("\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).equals(name)) {
                return Optional.empty();
            }
        }
        return Optional.of("'" + name + "' is not in the target's " + database);
    }
}

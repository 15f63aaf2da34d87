package io.nubis.cc.users.internal;

import java.util.Map;

/**
 * One user after normalisation: its name, its options (keys with '-' turned into '_'), where
 * in the config it came from, and whether it is the distro's default user.
 *
 * @param name      login name as given (checked later)
 * @param options   the user's options
 * @param keyPath   where it was configured ({@code users[1]}), for messages
 * @param isDefault the default user ({@code system_info.default_user} merged with {@code default})
 */
record UserEntry(String name, Map<String, Object> options, String keyPath, boolean isDefault) {
}

package io.nubis.cc.ssh.internal;

import io.nubis.api.config.CloudConfig;
import io.nubis.api.config.Values;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The users the reference's {@code ug_util.normalize_users_groups} yields, as far as the SSH
 * modules need them: names, whether each has a home, and which one is the default user. The
 * default user exists only if {@code users} lists {@code default} (or the legacy {@code user}
 * key is set); its name is {@code user} (string or {@code name} of a mapping) or else
 * {@code system_info.default_user.name}.
 */
final class ConfigUsers {
    /** A user and whether the reference skips it for fingerprints (no home). */
    record User(String name, boolean noHome) {
    }

    private final Map<String, User> users = new LinkedHashMap<>();
    private final String defaultUser;

    private ConfigUsers(String defaultUser) {
        this.defaultUser = defaultUser;
    }

    /** The default user's name, if there is one. */
    Optional<String> defaultUser() {
        return Optional.ofNullable(defaultUser);
    }

    /** Every user, the default user last (as the reference orders them). */
    List<User> all() {
        return new ArrayList<>(users.values());
    }

    static ConfigUsers of(CloudConfig cfg) {
        Map<String, Object> all = cfg.asMap();
        String oldUser = null;
        boolean oldUserSet = false;
        Object u = all.get("user");
        if (u instanceof String s && !s.isEmpty()) {
            oldUser = s;
            oldUserSet = true;
        } else if (u instanceof Map<?, ?> m && !m.isEmpty()) {
            oldUserSet = true;
            Object n = m.get("name");
            oldUser = n == null ? null : Values.asString("user.name", n);
        }
        Map<String, Object> sys = Values.asMap("system_info", all.get("system_info"));
        Map<String, Object> du = Values.asMap("system_info.default_user", sys.get("default_user"));
        String defName = oldUser != null ? oldUser
                : du.get("name") == null ? null : Values.asString("system_info.default_user.name", du.get("name"));

        List<Object[]> entries = new ArrayList<>(); // {name, noHome}
        Object base = all.get("users");
        boolean wantsDefault = oldUserSet;
        if (base instanceof String s) {
            for (String n : s.split(",")) {
                entries.add(new Object[] {n.strip(), false});
            }
        } else if (base instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : m.entrySet()) {
                String n = String.valueOf(e.getKey());
                Object v = e.getValue();
                if (v instanceof Map<?, ?> props) {
                    entries.add(new Object[] {n, noHome(props)});
                } else if (v == null || Values.asBoolean("users." + n, v)) {
                    entries.add(new Object[] {n, false});
                }
            }
        } else if (base instanceof List<?> l) {
            for (int i = 0; i < l.size(); i++) {
                Object e = l.get(i);
                if (e instanceof String s) {
                    for (String n : s.split(",")) {
                        entries.add(new Object[] {n.strip(), false});
                    }
                } else if (e instanceof Map<?, ?> props) {
                    Object n = props.get("name");
                    if (n != null) {
                        entries.add(new Object[] {Values.asString("users[" + i + "].name", n), noHome(props)});
                    }
                } else if (e instanceof List<?> sub) {
                    for (Object n : sub) {
                        entries.add(new Object[] {Values.asString("users[" + i + "]", n), false});
                    }
                }
            }
        }
        boolean defaultNoHome = false;
        for (Object[] e : entries) {
            if ("default".equals(e[0])) {
                wantsDefault = true;
                defaultNoHome |= (Boolean) e[1];
            }
        }
        String def = wantsDefault && defName != null && !defName.isEmpty() ? defName : null;
        ConfigUsers cu = new ConfigUsers(def);
        for (Object[] e : entries) {
            String n = (String) e[0];
            if (!n.isEmpty() && !"default".equals(n) && !n.equals(def)) {
                cu.users.putIfAbsent(n, new User(n, (Boolean) e[1]));
            }
        }
        if (def != null) {
            boolean noHome = defaultNoHome;
            for (Object[] e : entries) {
                if (def.equals(e[0])) {
                    noHome |= (Boolean) e[1];
                }
            }
            cu.users.put(def, new User(def, noHome));
        }
        return cu;
    }

    private static boolean noHome(Map<?, ?> props) {
        return truthy(props.get("no_create_home")) || truthy(props.get("system"));
    }

    private static boolean truthy(Object v) {
        if (v == null) {
            return false;
        }
        try {
            return Values.asBoolean("users", v);
        } catch (RuntimeException e) {
            return false;
        }
    }
}

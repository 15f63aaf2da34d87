package io.nubis.cc.users.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;

import io.nubis.api.config.CloudConfig;
import io.nubis.api.config.ConfigException;
import io.nubis.api.config.Values;

/**
 * The reference's {@code ug_util.normalize_users_groups}: turns {@code users} (list, deprecated
 * mapping or comma-separated string), the deprecated {@code user} key, {@code groups} and
 * {@code system_info.default_user} into an ordered set of users and groups. Problems with one
 * entry are collected in {@link #errors()} and the other entries are kept.
 */
final class UsersConfig {
    private final Map<String, UserEntry> users = new LinkedHashMap<>();
    private final List<GroupEntry> groups = new ArrayList<>();
    private final List<String> errors = new ArrayList<>();
    private String defaultUser;

    private UsersConfig() {
    }

    /** Users in the reference's order (the default user last), keyed by name. */
    Map<String, UserEntry> users() {
        return users;
    }

    /** Groups in config order. */
    List<GroupEntry> groups() {
        return groups;
    }

    /** The default user's name, or null if the config has no {@code default} entry or the distro none. */
    String defaultUser() {
        return defaultUser;
    }

    /** Messages about entries that were dropped, each naming its key. */
    List<String> errors() {
        return errors;
    }

    /** Normalises users and groups of {@code cfg}; never throws for bad entries. */
    static UsersConfig of(CloudConfig cfg, Logger log) {
        UsersConfig uc = new UsersConfig();
        uc.normalizeGroups(cfg.asMap().get("groups"));
        uc.normalizeUsers(cfg, log);
        return uc;
    }

    // ---- groups ------------------------------------------------------------------------------

    private void normalizeGroups(Object raw) {
        if (raw == null) {
            return;
        }
        Map<String, List<Object>> members = new LinkedHashMap<>();
        Map<String, String> paths = new LinkedHashMap<>();
        if (raw instanceof String s) {
            raw = Merge.uniq(s);
        }
        if (raw instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                String path = "groups[" + i + "]";
                Object item = list.get(i);
                if (item instanceof String name) {
                    members.computeIfAbsent(name, k -> new ArrayList<>());
                    paths.putIfAbsent(name, path);
                } else if (item instanceof Map<?, ?> m) {
                    for (Map.Entry<?, ?> e : m.entrySet()) {
                        String name = String.valueOf(e.getKey());
                        String p = path + "." + name;
                        if (!memberValue(p, e.getValue())) {
                            continue;
                        }
                        paths.putIfAbsent(name, p);
                        List<Object> into = members.computeIfAbsent(name, k -> new ArrayList<>());
                        if (e.getValue() instanceof List<?> l) {
                            into.addAll(l);
                        } else if (e.getValue() != null) {
                            into.add(e.getValue());
                        }
                    }
                } else {
                    errors.add(path + ": expected a group name or a mapping of group name to members, got "
                            + Values.typeName(item));
                }
            }
        } else if (raw instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : m.entrySet()) {
                String name = String.valueOf(e.getKey());
                String p = "groups." + name;
                if (memberValue(p, e.getValue())) {
                    paths.put(name, p);
                    List<Object> into = members.computeIfAbsent(name, k -> new ArrayList<>());
                    into.add(e.getValue());
                }
            }
        } else {
            errors.add("groups: expected a list, a mapping or a comma-separated string, got " + Values.typeName(raw));
            return;
        }
        members.forEach((name, m) -> {
            List<Object> flat = new ArrayList<>();
            for (Object o : m) {
                if (o instanceof List<?> l) {
                    flat.addAll(l);
                } else if (o != null) {
                    flat.add(o);
                }
            }
            Object[] parts = flat.toArray();
            groups.add(new GroupEntry(name, Merge.uniqSorted(parts), paths.get(name)));
        });
    }

    /** Members may be a name, a comma-separated string, a list of names or nothing. */
    private boolean memberValue(String path, Object v) {
        if (v == null || v instanceof String) {
            return true;
        }
        if (v instanceof List<?> l) {
            for (int i = 0; i < l.size(); i++) {
                if (!(l.get(i) instanceof String)) {
                    errors.add(path + "[" + i + "]: expected a user name, got " + Values.typeName(l.get(i)));
                    return false;
                }
            }
            return true;
        }
        errors.add(path + ": group members must be a user name, a comma-separated string or a list, got "
                + Values.typeName(v));
        return false;
    }

    // ---- users -------------------------------------------------------------------------------

    private record Item(Object value, String path) {
    }

    private record Acc(Map<String, Object> options, String path) {
    }

    private void normalizeUsers(CloudConfig cfg, Logger log) {
        Map<String, Object> oldUser = oldUser(cfg.asMap().get("user"), log);
        Map<String, Object> distroDefault = distroDefaultUser(cfg);
        Map<String, Object> defaultUserCfg = Merge.firstWins(oldUser, distroDefault);

        List<Item> items = new ArrayList<>();
        Object raw = cfg.asMap().get("users");
        if (raw instanceof Map<?, ?> m) {
            log.warn("DEPRECATED: 'users' of type mapping. Use 'users' as a list.");
            for (Map.Entry<?, ?> e : m.entrySet()) {
                String k = String.valueOf(e.getKey());
                Object v = e.getValue();
                String path = "users." + k;
                if (v instanceof Map<?, ?> um) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> copy = (Map<String, Object>) Merge.deepCopy(um);
                    copy.put("name", k);
                    items.add(new Item(copy, path));
                } else if (v instanceof Boolean || v instanceof Number || v instanceof String) {
                    if (truthy(v)) {
                        items.add(new Item(k, path));
                    }
                } else {
                    errors.add(path + ": expected a mapping of user options or a boolean, got " + Values.typeName(v));
                }
            }
        } else if (raw instanceof String s) {
            log.warn("DEPRECATED: 'users' of type string. Use 'users' as a list.");
            for (String name : Merge.uniqSorted(s)) {
                items.add(new Item(name, "users"));
            }
        } else if (raw instanceof List<?> l) {
            for (int i = 0; i < l.size(); i++) {
                items.add(new Item(l.get(i), "users[" + i + "]"));
            }
        } else if (raw != null) {
            errors.add("users: expected a list of user names or mappings, got " + Values.typeName(raw));
        }
        if (!oldUser.isEmpty()) {
            items.add(new Item(new LinkedHashMap<>(Map.of("name", "default")), "user"));
        }

        Map<String, Acc> acc = new LinkedHashMap<>();
        for (Item it : items) {
            collect(acc, it);
        }

        if (acc.containsKey("default")) {
            Acc def = acc.remove("default");
            if (!defaultUserCfg.isEmpty() && defaultUserCfg.get("name") instanceof String defName) {
                Map<String, Object> d = new LinkedHashMap<>(defaultUserCfg);
                d.remove("name");
                Object defGroups = d.remove("groups");
                Acc parsed = acc.remove(defName);
                Map<String, Object> parsedCfg = parsed == null ? new LinkedHashMap<>() : parsed.options();
                Object parsedGroups = parsedCfg.get("groups");
                parsedCfg.put("groups", String.join(",", Merge.uniqSorted(groupsPart(parsedGroups), groupsPart(defGroups))));
                Map<String, Object> merged = Merge.firstWins(normalizeKeys(d), def.options(), parsedCfg);
                acc.put(defName, new Acc(merged, def.path()));
                defaultUser = defName;
            } else {
                log.warn("{}: 'default' user requested but system_info.default_user has no name; skipped",
                        def.path());
            }
        }
        acc.forEach((name, a) -> users.put(name, new UserEntry(name, a.options(), a.path(),
                name.equals(defaultUser))));
    }

    /** Group values the reference merges for the default user (strings and lists; other types dropped). */
    private static Object groupsPart(Object v) {
        if (v instanceof Map<?, ?> m) {
            return new ArrayList<>(m.keySet().stream().map(String::valueOf).toList());
        }
        return v instanceof String || v instanceof List ? v : null;
    }

    private void collect(Map<String, Acc> acc, Item it) {
        Object v = it.value();
        if (v instanceof String s) {
            for (String name : Merge.uniq(s)) {
                acc.putIfAbsent(name, new Acc(new LinkedHashMap<>(), it.path()));
            }
        } else if (v instanceof List<?> l) {
            for (int i = 0; i < l.size(); i++) {
                if (!(l.get(i) instanceof String)) {
                    errors.add(it.path() + "[" + i + "]: expected a user name, got " + Values.typeName(l.get(i)));
                    return;
                }
            }
            for (String name : Merge.uniq(l)) {
                acc.putIfAbsent(name, new Acc(new LinkedHashMap<>(), it.path()));
            }
        } else if (v instanceof Map<?, ?> m) {
            @SuppressWarnings("unchecked")
            Map<String, Object> options = normalizeKeys((Map<String, Object>) Merge.deepCopy(m));
            Object n = options.containsKey("name") ? options.remove("name") : "default";
            if (!(n instanceof String name)) {
                errors.add(it.path() + ".name: expected a user name, got " + Values.typeName(n));
                return;
            }
            Acc prev = acc.get(name);
            Map<String, Object> merged = Merge.firstWins(prev == null ? null : prev.options(), options);
            acc.put(name, new Acc(merged, prev == null ? it.path() : prev.path()));
        } else {
            errors.add(it.path() + ": expected a user name or a mapping of user options, got " + Values.typeName(v));
        }
    }

    /** Option keys with '-' turned into '_' and surrounding blanks removed, as the reference does. */
    private static Map<String, Object> normalizeKeys(Map<String, Object> options) {
        Map<String, Object> out = new LinkedHashMap<>();
        options.forEach((k, v) -> {
            String key = k.replace('-', '_').strip();
            if (!key.isEmpty()) {
                out.put(key, v);
            }
        });
        return out;
    }

    private Map<String, Object> oldUser(Object raw, Logger log) {
        if (raw == null || !truthy(raw)) {
            return new LinkedHashMap<>();
        }
        if (raw instanceof String s) {
            log.warn("DEPRECATED: 'user' of type string. Use 'users' list instead.");
            return new LinkedHashMap<>(Map.of("name", s));
        }
        if (raw instanceof Map<?, ?> m) {
            @SuppressWarnings("unchecked")
            Map<String, Object> copy = normalizeKeys((Map<String, Object>) Merge.deepCopy(m));
            return copy;
        }
        log.warn("Format for 'user' key must be a string or dictionary and not {}", Values.typeName(raw));
        return new LinkedHashMap<>();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> distroDefaultUser(CloudConfig cfg) {
        try {
            Map<String, Object> sys = cfg.map("system_info");
            Object du = sys.get("default_user");
            if (du == null) {
                return new LinkedHashMap<>();
            }
            return (Map<String, Object>) Merge.deepCopy(Values.asMap("system_info.default_user", du));
        } catch (ConfigException e) {
            errors.add(e.getMessage());
            return new LinkedHashMap<>();
        }
    }

    /** Python truthiness of a scalar, with the reference's {@code is_true} strings. */
    private static boolean truthy(Object v) {
        if (v instanceof Boolean b) {
            return b;
        }
        if (v instanceof Number n) {
            return n.doubleValue() != 0;
        }
        if (v instanceof String s) {
            return !s.isEmpty() && !s.equalsIgnoreCase("false") && !s.equalsIgnoreCase("no")
                    && !s.equalsIgnoreCase("off") && !s.equals("0");
        }
        return v != null;
    }
}

package io.nubis.cc.users.internal;

import java.text.SimpleDateFormat;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;

import io.nubis.api.config.ConfigException;
import io.nubis.api.config.Values;
import io.nubis.api.distro.UserSpec;

/**
 * A user's options from cloud-config, type-checked with errors naming the key
 * ({@code users[1].sudo[0]}). Absent keys are null; presence matters for the password keys.
 */
record UserSettings(String name, String keyPath, String gecos, String homedir, String primaryGroup,
        List<String> groups, String selinuxUser, boolean lockPasswd, String inactive, String passwd,
        String hashedPasswd, String plainTextPasswd, boolean noCreateHome, boolean noUserGroup,
        boolean noLogInit, List<String> sshAuthorizedKeys, boolean sshImportId, String sshRedirectUser,
        List<String> sudo, boolean sudoFalse, List<String> doas, boolean system, Integer uid,
        String expiredate, String shell, boolean createGroups, boolean snapuser) {

    private static final List<String> NO_HOME = List.of("no_create_home", "system");
    private static final List<String> NEED_HOME = List.of("ssh_authorized_keys", "ssh_import_id", "ssh_redirect_user");

    /** The spec the user-tool adapter creates the user from. */
    UserSpec spec() {
        return new UserSpec(name, gecos, homedir, primaryGroup, groups, shell, uid, system, noCreateHome,
                noUserGroup, expiredate, inactive, passwd == null || passwd.isEmpty() ? null : passwd);
    }

    /** Parses and checks one user's options. */
    static UserSettings parse(UserEntry e) {
        Map<String, Object> o = e.options();
        String k = e.keyPath();
        String name = Names.user(k + ".name", e.name());
        List<String> groups = groups(k + ".groups", o.get("groups"));
        List<String> noHome = NO_HOME.stream().filter(x -> truthy(o.get(x))).toList();
        List<String> needHome = NEED_HOME.stream().filter(x -> truthy(o.get(x))).toList();
        if (!noHome.isEmpty() && !needHome.isEmpty()) {
            throw new ConfigException(k, "not creating user " + name + ": " + String.join(", ", needHome)
                    + " cannot be given with " + String.join(", ", noHome));
        }
        String redirect = null;
        Object r = o.get("ssh_redirect_user");
        if (truthy(r)) {
            if (o.containsKey("ssh_authorized_keys") || o.containsKey("ssh_import_id")) {
                throw new ConfigException(k + ".ssh_redirect_user", "not creating user " + name
                        + ": ssh_redirect_user cannot be given with ssh_import_id or ssh_authorized_keys");
            }
            if (!(Boolean.TRUE.equals(r) || "default".equals(r))) {
                throw new ConfigException(k + ".ssh_redirect_user", "not creating user " + name
                        + ": invalid value " + Names.printable(String.valueOf(r)) + " (expected true, default or false)");
            }
            redirect = "default";
        }
        String homedir = str(o, k, "homedir");
        if (homedir != null) {
            homedir = Names.homedir(k + ".homedir", homedir);
        }
        String primary = o.get("primary_group") == null ? null : Names.group(k + ".primary_group", o.get("primary_group"));
        Object sudoRaw = o.get("sudo");
        Integer uid = null;
        if (o.get("uid") != null) {
            long u = Values.asLong(k + ".uid", o.get("uid"));
            if (u < 0 || u > Integer.MAX_VALUE) {
                throw new ConfigException(k + ".uid", "uid must be between 0 and " + Integer.MAX_VALUE);
            }
            uid = (int) u;
        }
        String shell = str(o, k, "shell");
        if (shell != null && (!shell.startsWith("/") || shell.indexOf(':') >= 0
                || shell.chars().anyMatch(Character::isISOControl))) {
            throw new ConfigException(k + ".shell", "shell must be an absolute path without ':' or control characters");
        }
        String gecos = str(o, k, "gecos");
        if (gecos != null && (gecos.indexOf(':') >= 0 || gecos.chars().anyMatch(Character::isISOControl))) {
            throw new ConfigException(k + ".gecos", "gecos must not contain ':' or control characters");
        }
        return new UserSettings(name, k, gecos, homedir, primary, groups,
                str(o, k, "selinux_user"), bool(o, k, "lock_passwd", true), days(o, k),
                secret(o, k, "passwd"), secret(o, k, "hashed_passwd"), secret(o, k, "plain_text_passwd"),
                bool(o, k, "no_create_home", false), bool(o, k, "no_user_group", false),
                bool(o, k, "no_log_init", false), keys(o, k), truthy(o.get("ssh_import_id")), redirect,
                rules(k + ".sudo", sudoRaw, "sudo"), Boolean.FALSE.equals(sudoRaw),
                rules(k + ".doas", o.get("doas"), "doas"), bool(o, k, "system", false), uid,
                date(o, k), shell, bool(o, k, "create_groups", true), o.get("snapuser") != null);
    }

    /** The reference's {@code _normalize_user_groups}: a comma-separated string, a list, or a mapping (deprecated). */
    static List<String> groups(String path, Object v) {
        List<String> out = new ArrayList<>();
        if (v == null || Boolean.FALSE.equals(v) || "".equals(v)) {
            return out;
        }
        List<Object> items = new ArrayList<>();
        if (v instanceof String s) {
            items.addAll(List.of((Object[]) s.split(",")));
        } else if (v instanceof Map<?, ?> m) {
            items.addAll(m.keySet());
        } else if (v instanceof List<?> l) {
            for (int i = 0; i < l.size(); i++) {
                if (!(l.get(i) instanceof String)) {
                    throw new ConfigException(path + "[" + i + "]", "'groups' must contain only group names, got "
                            + Values.typeName(l.get(i)));
                }
            }
            items.addAll(l);
        } else {
            throw new ConfigException(path, "expected a list or a comma-separated string of groups, got " + Values.typeName(v));
        }
        for (Object item : items) {
            String g = String.valueOf(item).strip();
            if (!g.isEmpty() && !out.contains(g)) {
                out.add(Names.group(path, g));
            }
        }
        return out;
    }

    private static List<String> rules(String path, Object v, String tool) {
        if (v == null || Boolean.FALSE.equals(v)) {
            return null;
        }
        List<Object> items = v instanceof String ? List.of(v) : null;
        if (v instanceof List<?> l) {
            items = new ArrayList<>(l);
        }
        if (items == null) {
            throw new ConfigException(path, "expected a " + tool + " rule or a list of rules, got " + Values.typeName(v));
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            String p = v instanceof List ? path + "[" + i + "]" : path;
            if (!(items.get(i) instanceof String s)) {
                throw new ConfigException(p, "expected a " + tool + " rule, got " + Values.typeName(items.get(i)));
            }
            if (s.isBlank() || s.chars().anyMatch(c -> c < 0x20 && c != '\t' || c == 0x7f)) {
                throw new ConfigException(p, tool + " rule must be one non-empty line");
            }
            out.add(s.strip());
        }
        return out.isEmpty() ? null : out;
    }

    private static List<String> keys(Map<String, Object> o, String k) {
        if (!o.containsKey("ssh_authorized_keys")) {
            return null;
        }
        Object v = o.get("ssh_authorized_keys");
        String path = k + ".ssh_authorized_keys";
        List<Object> items;
        if (v == null) {
            items = List.of();
        } else if (v instanceof String) {
            items = List.of(v);
        } else if (v instanceof Map<?, ?> m) {
            items = new ArrayList<>(m.values());
        } else if (v instanceof List<?> l) {
            items = new ArrayList<>(l);
        } else {
            throw new ConfigException(path, "expected a list of keys, got " + Values.typeName(v));
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            if (!(items.get(i) instanceof String s)) {
                throw new ConfigException(path + "[" + i + "]", "expected an SSH public key line, got "
                        + Values.typeName(items.get(i)));
            }
            String line = s.strip();
            if (line.chars().anyMatch(c -> c == '\n' || c == '\r' || c == 0)) {
                throw new ConfigException(path + "[" + i + "]", "an SSH key must be a single line");
            }
            if (!out.contains(line)) {
                out.add(line);
            }
        }
        return out;
    }

    private static String str(Map<String, Object> o, String k, String key) {
        Object v = o.get(key);
        if (v == null) {
            return null;
        }
        String s = Values.asString(k + "." + key, v);
        return s.isEmpty() ? null : s;
    }

    /** A password key: null if absent, the empty string if given empty (presence matters). */
    private static String secret(Map<String, Object> o, String k, String key) {
        if (!o.containsKey(key)) {
            return null;
        }
        Object v = o.get(key);
        if (v == null) {
            return "";
        }
        if (!(v instanceof String s)) {
            throw new ConfigException(k + "." + key, "expected a string, got " + Values.typeName(v));
        }
        if (s.chars().anyMatch(c -> c == '\n' || c == '\r' || c == 0)) {
            throw new ConfigException(k + "." + key, "must be a single line");
        }
        return s;
    }

    private static String days(Map<String, Object> o, String k) {
        Object v = o.get("inactive");
        if (v == null || "".equals(v)) {
            return null;
        }
        String s = Values.asString(k + ".inactive", v).strip();
        if (!s.matches("-?\\d{1,6}")) {
            throw new ConfigException(k + ".inactive", "expected a number of days, got '" + Names.printable(s) + "'");
        }
        return s;
    }

    private static String date(Map<String, Object> o, String k) {
        Object v = o.get("expiredate");
        if (v == null || "".equals(v)) {
            return null;
        }
        String s;
        if (v instanceof Date d) {
            SimpleDateFormat f = new SimpleDateFormat("yyyy-MM-dd");
            f.setTimeZone(TimeZone.getTimeZone("UTC"));
            s = f.format(d);
        } else {
            s = Values.asString(k + ".expiredate", v).strip();
        }
        if (!s.matches("\\d{4}-\\d{2}-\\d{2}")) {
            throw new ConfigException(k + ".expiredate", "expected a date as YYYY-MM-DD, got '" + Names.printable(s) + "'");
        }
        return s;
    }

    private static boolean bool(Map<String, Object> o, String k, String key, boolean fallback) {
        Object v = o.get(key);
        return v == null ? fallback : Values.asBoolean(k + "." + key, v);
    }

    private static boolean truthy(Object v) {
        if (v == null || Boolean.FALSE.equals(v)) {
            return false;
        }
        if (v instanceof String s) {
            return !s.isEmpty();
        }
        if (v instanceof List<?> l) {
            return !l.isEmpty();
        }
        if (v instanceof Map<?, ?> m) {
            return !m.isEmpty();
        }
        if (v instanceof Number n) {
            return n.doubleValue() != 0;
        }
        return true;
    }
}

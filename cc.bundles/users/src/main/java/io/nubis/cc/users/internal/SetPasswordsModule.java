package io.nubis.cc.users.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;

import io.nubis.api.config.ConfigException;
import io.nubis.api.config.Values;
import io.nubis.api.distro.UserManager;
import io.nubis.api.exec.CommandException;
import io.nubis.api.module.ConfigModule;
import io.nubis.api.module.Frequency;
import io.nubis.api.module.ModuleContext;
import io.nubis.api.module.ModuleException;
import io.nubis.api.module.NubisModule;
import io.nubis.api.module.Resources;

/**
 * {@code set_passwords}: sets the passwords of {@code chpasswd.users} (text, hash or RANDOM),
 * of the deprecated {@code chpasswd.list} ({@code user:password} lines, hashes recognised, R or
 * RANDOM for a random one) or, when neither is given, of the default user from {@code password}
 * (or the first argument of {@code single}). Random passwords are printed to the console only.
 * With {@code chpasswd.expire} (default true) every user given a password must change it at
 * next login. {@code ssh_pwauth} belongs to the ssh module. Not idempotent: random passwords and
 * expiry change on every run.
 */
@Component(service = ConfigModule.class)
@NubisModule(nubis_module = "set_passwords", stage = "network", frequency = Frequency.PER_INSTANCE_ID,
        idempotent = false, distros = {"all"}, after = {"users_groups"},
        touches = {Resources.USERS, Resources.CONSOLE}, schema = "schema/set_passwords.json")
public class SetPasswordsModule implements ConfigModule {

    private record Entry(String user, String password, String keyPath) {
    }

    @Override
    public void run(ModuleContext ctx) throws ModuleException {
        Logger log = ctx.log();
        List<String> errors = new ArrayList<>();
        Map<String, Object> chpasswd = ctx.config().map("chpasswd");
        String password = ctx.args().isEmpty() ? ctx.config().string("password").orElse(null) : ctx.args().get(0);

        List<Entry> text = new ArrayList<>();
        List<Entry> hashed = new ArrayList<>();
        List<Entry> random = new ArrayList<>();
        List<Object> users = Values.asList("chpasswd.users", chpasswd.get("users"));
        for (int i = 0; i < users.size(); i++) {
            try {
                fromUsers(users.get(i), "chpasswd.users[" + i + "]", text, hashed, random);
            } catch (ConfigException e) {
                errors.add(e.getMessage());
            }
        }
        List<Entry> listed = new ArrayList<>();
        Object list = ctx.args().isEmpty() ? chpasswd.get("list") : null;
        if (list != null && !"".equals(list) && !(list instanceof List<?> l0 && l0.isEmpty())) {
            log.warn("DEPRECATED: Config key 'chpasswd.list'. Use 'chpasswd.users' instead.");
            List<String> lines = new ArrayList<>();
            if (list instanceof String s) {
                log.warn("DEPRECATED: The chpasswd multiline string. Use 'chpasswd.users' instead.");
                lines.addAll(s.lines().toList());
            } else if (list instanceof List<?> l) {
                for (int i = 0; i < l.size(); i++) {
                    lines.add(Values.asString("chpasswd.list[" + i + "]", l.get(i)));
                }
            } else {
                errors.add("chpasswd.list: expected a list of user:password lines, got " + Values.typeName(list));
            }
            for (int i = 0; i < lines.size(); i++) {
                listed.add(line(lines.get(i), "chpasswd.list[" + i + "]", errors));
            }
        }
        boolean expire = chpasswd.get("expire") == null ? true : Values.asBoolean("chpasswd.expire", chpasswd.get("expire"));

        if (users.isEmpty() && listed.isEmpty() && password != null && !password.isEmpty()) {
            String user = UsersConfig.of(ctx.config(), log).defaultUser();
            if (user == null) {
                log.warn("No default or defined user to change password for.");
            } else {
                listed.add(line(user + ":" + password, "password", errors));
            }
        }
        for (Entry e : listed) {
            if (e == null) {
                continue;
            }
            if (Passwords.isHash(e.password())) {
                hashed.add(e);
            } else if (e.password().equals("R") || e.password().equals("RANDOM")) {
                random.add(e);
            } else {
                text.add(e);
            }
        }
        Map<String, String> plain = new LinkedHashMap<>();
        Map<String, String> hashes = new LinkedHashMap<>();
        List<String> randomLines = new ArrayList<>();
        for (Entry e : text) {
            if (valid(e, errors)) {
                plain.put(e.user(), e.password());
            }
        }
        for (Entry e : random) {
            if (valid(e, errors)) {
                String p = Passwords.random();
                plain.put(e.user(), p);
                randomLines.add(e.user() + ":" + p);
            }
        }
        for (Entry e : hashed) {
            if (valid(e, errors)) {
                hashes.put(e.user(), e.password());
            }
        }

        UserManager tools = ctx.distro().users();
        List<String> expireUsers = new ArrayList<>();
        if (!plain.isEmpty()) {
            log.debug("Changing password for {}:", plain.keySet());
            if (set(ctx, tools, plain, false, errors)) {
                expireUsers.addAll(plain.keySet());
                if (!randomLines.isEmpty()) {
                    ctx.console("Set the following 'random' passwords");
                    ctx.console("");
                    randomLines.forEach(ctx::console);
                }
            }
        }
        if (!hashes.isEmpty()) {
            log.debug("Setting hashed password for {}:", hashes.keySet());
            if (set(ctx, tools, hashes, true, errors)) {
                hashes.keySet().stream().filter(u -> !expireUsers.contains(u)).forEach(expireUsers::add);
            }
        }
        if (expire) {
            List<String> expired = new ArrayList<>();
            for (String u : expireUsers) {
                try {
                    ctx.runner().run(tools.expirePassword(u));
                    expired.add(u);
                } catch (CommandException | IllegalArgumentException e) {
                    errors.add("chpasswd.expire: failed to expire the password of " + u + ": " + e.getMessage());
                }
            }
            if (!expired.isEmpty()) {
                log.debug("Expired passwords for: {} users", expired);
            }
        }
        if (!errors.isEmpty()) {
            errors.forEach(m -> log.warn("set_passwords: {}", m));
            throw new ModuleException("set_passwords: " + errors.size() + " problem(s): " + String.join("; ", errors));
        }
    }

    private static void fromUsers(Object item, String path, List<Entry> text, List<Entry> hashed, List<Entry> random) {
        Map<String, Object> m = Values.asMap(path, item);
        if (m.get("name") == null) {
            throw new ConfigException(path + ".name", "a user name is required");
        }
        String name = Values.asString(path + ".name", m.get("name"));
        String type = m.get("type") == null ? "hash" : Values.asString(path + ".type", m.get("type"));
        switch (type) {
            case "RANDOM":
                random.add(new Entry(name, null, path));
                return;
            case "text":
            case "hash":
                if (m.get("password") == null) {
                    throw new ConfigException(path + ".password", "a password is required unless type is RANDOM");
                }
                Entry e = new Entry(name, Values.asString(path + ".password", m.get("password")), path);
                (type.equals("text") ? text : hashed).add(e);
                return;
            default:
                throw new ConfigException(path + ".type", "expected text, hash or RANDOM, got '" + Names.printable(type) + "'");
        }
    }

    /** A {@code user:password} line; null (with an error) if it has no ':'. */
    private static Entry line(String line, String path, List<String> errors) {
        int colon = line.indexOf(':');
        if (colon < 0) {
            errors.add(path + ": expected user:password");
            return null;
        }
        return new Entry(line.substring(0, colon), line.substring(colon + 1), path);
    }

    private static boolean valid(Entry e, List<String> errors) {
        if (!Names.valid(e.user())) {
            errors.add(e.keyPath() + ": invalid user name '" + Names.printable(e.user()) + "'");
            return false;
        }
        if (e.password() != null && e.password().chars().anyMatch(c -> c == '\n' || c == '\r' || c == 0)) {
            errors.add(e.keyPath() + ": the password for " + e.user() + " must be a single line");
            return false;
        }
        return true;
    }

    private static boolean set(ModuleContext ctx, UserManager tools, Map<String, String> passwords, boolean hashed,
            List<String> errors) {
        try {
            ctx.runner().run(tools.setPasswords(passwords, hashed));
            return true;
        } catch (CommandException | IllegalArgumentException e) {
            errors.add("chpasswd: failed to set " + (hashed ? "hashed " : "") + "passwords for " + passwords.keySet()
                    + ": " + e.getMessage());
            return false;
        }
    }
}

package io.nubis.adapter.pw.internal;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.osgi.annotation.bundle.Capability;
import org.osgi.service.component.annotations.Component;

import io.nubis.api.capability.Namespaces;
import io.nubis.api.distro.UserManager;
import io.nubis.api.distro.UserSpec;
import io.nubis.api.distro.UserToolArgs;
import io.nubis.api.exec.Command;

/**
 * FreeBSD pw(8). Passwords go through {@code pw usermod NAME -h 0} (plain) or {@code -H 0}
 * (hash) on stdin. Locking sets the password to {@code *} ({@code -w no}), as the reference
 * does: {@code pw lock} would prefix {@code *LOCKED*}, which also refuses SSH key logins.
 * Unlocking is {@code pw unlock}, which lifts such an account lock; a password removed by
 * locking cannot be restored, only set again. pw has no inactivity period and no system-account
 * flag: {@code inactive} is refused, {@code system} only means no home directory.
 */
@Capability(namespace = Namespaces.USERS, name = PwUsers.NAME)
@Component(property = Namespaces.USERS + "=" + PwUsers.NAME)
public class PwUsers implements UserManager {
    static final String NAME = "pw";
    /** pw's {@code dd-mmm-yyyy} date form. */
    static final DateTimeFormatter PW_DATE = DateTimeFormatter.ofPattern("dd-MMM-yyyy", Locale.ROOT);
    /** Exit status of {@code pw unlock} for an account that is not locked (EX_DATAERR). */
    static final int NOT_LOCKED = 65;

    @Override
    public List<Command> addUser(UserSpec u) {
        String name = UserToolArgs.name("user name", u.name());
        if (u.inactive() != null) {
            throw new IllegalArgumentException("user '" + name + "': pw has no inactivity period, 'inactive' cannot be set");
        }
        boolean noHome = u.noCreateHome() || u.system();
        List<String> argv = new ArrayList<>(List.of("pw", "useradd", name));
        if (u.gecos() != null) {
            argv.addAll(List.of("-c", UserToolArgs.field("gecos", u.gecos())));
        }
        if (u.homedir() != null) {
            argv.addAll(List.of("-d", UserToolArgs.path("homedir", u.homedir())));
        } else if (noHome) {
            argv.addAll(List.of("-d", "/nonexistent"));
        }
        if (u.shell() != null) {
            argv.addAll(List.of("-s", UserToolArgs.path("shell", u.shell())));
        }
        if (u.primaryGroup() != null) {
            argv.addAll(List.of("-g", UserToolArgs.name("primary_group", u.primaryGroup())));
        }
        if (!u.groups().isEmpty()) {
            argv.addAll(List.of("-G", String.join(",", u.groups().stream().map(g -> UserToolArgs.name("group", g)).toList())));
        }
        if (u.uid() != null) {
            if (u.uid() < 0) {
                throw new IllegalArgumentException("uid must not be negative: " + u.uid());
            }
            argv.addAll(List.of("-u", u.uid().toString()));
        }
        if (u.expiredate() != null) {
            LocalDate d = UserToolArgs.date("expiredate", u.expiredate());
            argv.addAll(List.of("-e", PW_DATE.format(d)));
        }
        if (!noHome) {
            argv.add("-m");
        }
        List<Command> out = new ArrayList<>(List.of(Command.of(argv)));
        if (u.passwdHash() != null) {
            out.add(setPasswords(Map.of(name, u.passwdHash()), true));
        }
        return out;
    }

    @Override
    public Command addGroup(String group, boolean system) {
        return Command.of("pw", "groupadd", UserToolArgs.name("group", group));
    }

    @Override
    public Command addToGroup(String user, String group) {
        return Command.of("pw", "groupmod", UserToolArgs.name("group", group), "-m", UserToolArgs.name("user name", user));
    }

    @Override
    public Command lockPassword(String user) {
        return Command.of("pw", "usermod", UserToolArgs.name("user name", user), "-w", "no");
    }

    @Override
    public Command unlockPassword(String user) {
        return Command.of("pw", "unlock", UserToolArgs.name("user name", user)).okOn(NOT_LOCKED);
    }

    /**
     * One user: {@code pw usermod NAME -h|-H 0} with the password on stdin. Several: a
     * {@code /bin/sh} loop over {@code name:password} lines on stdin, one pw call per line, so
     * passwords stay off every argv.
     */
    @Override
    public Command setPasswords(Map<String, String> passwords, boolean hashed) {
        byte[] lines = UserToolArgs.chpasswdInput(passwords);
        String flag = hashed ? "-H" : "-h";
        if (passwords.size() == 1) {
            Map.Entry<String, String> e = passwords.entrySet().iterator().next();
            return Command.of("pw", "usermod", e.getKey(), flag, "0")
                    .withStdin((e.getValue() + "\n").getBytes(StandardCharsets.UTF_8)).asSensitive();
        }
        String loop = "while IFS= read -r line; do u=${line%%:*}; p=${line#*:}; "
                + "printf '%s\\n' \"$p\" | pw usermod \"$u\" " + flag + " 0 || exit 1; done";
        return Command.of("/bin/sh", "-c", loop).withStdin(lines).asSensitive();
    }

    /** Password expiry at epoch second 1: already past, so the next login must change it. */
    @Override
    public Command expirePassword(String user) {
        return Command.of("pw", "usermod", UserToolArgs.name("user name", user), "-p", "1");
    }
}

package io.nubis.adapter.shadow.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.osgi.annotation.bundle.Capability;
import org.osgi.service.component.annotations.Component;

import io.nubis.api.capability.Namespaces;
import io.nubis.api.distro.UserManager;
import io.nubis.api.distro.UserSpec;
import io.nubis.api.distro.UserToolArgs;
import io.nubis.api.exec.Command;

/**
 * shadow-utils, as the reference's base distro uses them: {@code useradd} with long options
 * in the reference's (sorted-key) order then {@code -m}/{@code -M}, {@code groupadd},
 * {@code usermod -a -G}, {@code passwd -l/-u/--expire} and {@code chpasswd [-e]} on stdin.
 * A password hash is set with {@code chpasswd -e} after useradd rather than in useradd's argv,
 * so it never shows in the process list. Missing groups must be created by the caller first.
 */
@Capability(namespace = Namespaces.USERS, name = ShadowUsers.NAME)
@Component(property = Namespaces.USERS + "=" + ShadowUsers.NAME)
public class ShadowUsers implements UserManager {
    static final String NAME = "shadow";

    @Override
    public List<Command> addUser(UserSpec u) {
        List<String> argv = new ArrayList<>(List.of("useradd", UserToolArgs.name("user name", u.name())));
        if (u.expiredate() != null) {
            argv.addAll(List.of("--expiredate", UserToolArgs.date("expiredate", u.expiredate()).toString()));
        }
        if (u.gecos() != null) {
            argv.addAll(List.of("--comment", UserToolArgs.field("gecos", u.gecos())));
        }
        if (!u.groups().isEmpty()) {
            argv.addAll(List.of("--groups", String.join(",", u.groups().stream().map(g -> UserToolArgs.name("group", g)).toList())));
        }
        if (u.homedir() != null) {
            argv.addAll(List.of("--home", UserToolArgs.path("homedir", u.homedir())));
        }
        if (u.inactive() != null) {
            argv.addAll(List.of("--inactive", UserToolArgs.days("inactive", u.inactive())));
        }
        if (u.noUserGroup()) {
            argv.add("--no-user-group");
        }
        if (u.primaryGroup() != null) {
            argv.addAll(List.of("--gid", UserToolArgs.name("primary_group", u.primaryGroup())));
        }
        if (u.shell() != null) {
            argv.addAll(List.of("--shell", UserToolArgs.path("shell", u.shell())));
        }
        if (u.system()) {
            argv.add("--system");
        }
        if (u.uid() != null) {
            argv.addAll(List.of("--uid", uid(u.uid())));
        }
        argv.add(u.noCreateHome() || u.system() ? "-M" : "-m");
        List<Command> out = new ArrayList<>(List.of(Command.of(argv)));
        if (u.passwdHash() != null) {
            out.add(setPasswords(Map.of(u.name(), u.passwdHash()), true));
        }
        return out;
    }

    @Override
    public Command addGroup(String group, boolean system) {
        String g = UserToolArgs.name("group", group);
        return system ? Command.of("groupadd", "--system", g) : Command.of("groupadd", g);
    }

    @Override
    public Command addToGroup(String user, String group) {
        return Command.of("usermod", "-a", "-G", UserToolArgs.name("group", group), UserToolArgs.name("user name", user));
    }

    @Override
    public Command lockPassword(String user) {
        return Command.of("passwd", "-l", UserToolArgs.name("user name", user));
    }

    /** Exit code 3 (unlocking would leave no password) counts as success, as in the reference. */
    @Override
    public Command unlockPassword(String user) {
        return Command.of("passwd", "-u", UserToolArgs.name("user name", user)).okOn(3);
    }

    @Override
    public Command setPasswords(Map<String, String> passwords, boolean hashed) {
        Command c = hashed ? Command.of("chpasswd", "-e") : Command.of("chpasswd");
        return c.withStdin(UserToolArgs.chpasswdInput(passwords)).asSensitive();
    }

    @Override
    public Command expirePassword(String user) {
        return Command.of("passwd", "--expire", UserToolArgs.name("user name", user));
    }

    static String uid(int uid) {
        if (uid < 0) {
            throw new IllegalArgumentException("uid must not be negative: " + uid);
        }
        return Integer.toString(uid);
    }
}

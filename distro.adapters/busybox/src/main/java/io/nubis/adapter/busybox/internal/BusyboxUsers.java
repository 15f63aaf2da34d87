package io.nubis.adapter.busybox.internal;

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
 * busybox user tools, for Alpine without shadow: {@code adduser -D} with the reference's
 * options (sorted-key order; {@code -H} when no home is wanted), {@code addgroup}, busybox
 * {@code passwd -l/-u} and {@code chpasswd [-e]}. busybox has no chage, usermod or
 * {@code passwd -e}: account expiry, inactivity and forced password change are written into
 * {@code /etc/shadow} with {@code sed -i} (see {@link ShadowEdit}). busybox adduser always
 * creates a group named after the user unless {@code -G} is given, so {@code no_user_group}
 * alone has no effect.
 */
@Capability(namespace = Namespaces.USERS, name = BusyboxUsers.NAME)
@Component(property = Namespaces.USERS + "=" + BusyboxUsers.NAME)
public class BusyboxUsers implements UserManager {
    static final String NAME = "busybox";

    @Override
    public List<Command> addUser(UserSpec u) {
        String name = UserToolArgs.name("user name", u.name());
        List<String> argv = new ArrayList<>(List.of("adduser", "-D"));
        if (u.gecos() != null) {
            argv.addAll(List.of("-g", UserToolArgs.field("gecos", u.gecos())));
        }
        if (u.homedir() != null) {
            argv.addAll(List.of("-h", UserToolArgs.path("homedir", u.homedir())));
        }
        if (u.primaryGroup() != null) {
            argv.addAll(List.of("-G", UserToolArgs.name("primary_group", u.primaryGroup())));
        }
        if (u.shell() != null) {
            argv.addAll(List.of("-s", UserToolArgs.path("shell", u.shell())));
        }
        if (u.system()) {
            argv.add("-S");
        }
        if (u.uid() != null) {
            if (u.uid() < 0) {
                throw new IllegalArgumentException("uid must not be negative: " + u.uid());
            }
            argv.addAll(List.of("-u", u.uid().toString()));
        }
        if (u.noCreateHome() || u.system()) {
            argv.add("-H");
        }
        argv.add(name);
        List<Command> out = new ArrayList<>(List.of(Command.of(argv)));
        for (String g : u.groups()) {
            out.add(addToGroup(name, g));
        }
        if (u.expiredate() != null || u.inactive() != null) {
            String inactive = u.inactive() == null ? null : UserToolArgs.days("inactive", u.inactive());
            Long expire = u.expiredate() == null ? null : UserToolArgs.date("expiredate", u.expiredate()).toEpochDay();
            out.add(ShadowEdit.aging(name, inactive, expire));
        }
        if (u.passwdHash() != null) {
            out.add(setPasswords(Map.of(name, u.passwdHash()), true));
        }
        return out;
    }

    @Override
    public Command addGroup(String group, boolean system) {
        String g = UserToolArgs.name("group", group);
        return system ? Command.of("addgroup", "-S", g) : Command.of("addgroup", g);
    }

    @Override
    public Command addToGroup(String user, String group) {
        return Command.of("addgroup", UserToolArgs.name("user name", user), UserToolArgs.name("group", group));
    }

    @Override
    public Command lockPassword(String user) {
        return Command.of("passwd", "-l", UserToolArgs.name("user name", user));
    }

    @Override
    public Command unlockPassword(String user) {
        return Command.of("passwd", "-u", UserToolArgs.name("user name", user));
    }

    @Override
    public Command setPasswords(Map<String, String> passwords, boolean hashed) {
        Command c = hashed ? Command.of("chpasswd", "-e") : Command.of("chpasswd");
        return c.withStdin(UserToolArgs.chpasswdInput(passwords)).asSensitive();
    }

    /** Sets the last-change day to 0 in /etc/shadow, which makes login demand a new password. */
    @Override
    public Command expirePassword(String user) {
        return ShadowEdit.expire(UserToolArgs.name("user name", user));
    }
}

package io.nubis.cc.users.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;

import io.nubis.api.config.ConfigException;
import io.nubis.api.distro.PrivilegeRules;
import io.nubis.api.distro.UserManager;
import io.nubis.api.exec.Command;
import io.nubis.api.exec.CommandException;
import io.nubis.api.module.ModuleContext;

/**
 * Creates or updates one user as the reference's {@code Distro.create_user} does: a user not in
 * the target's passwd file is created (missing groups first); then, for new and existing users,
 * passwords, locking, sudo/doas rules and SSH keys are applied. Whatever is already in place is
 * left alone, so a second run with the same config changes nothing.
 */
final class UserCreator {
    private final ModuleContext ctx;
    private final Accounts accounts;
    private final UserManager tools;
    private final String privilegeTool;
    private final PrivilegeRules privilege;
    private final String defaultUser;
    private final List<String> cloudKeys;
    private final Logger log;

    UserCreator(ModuleContext ctx, Accounts accounts, PrivilegeRules privilege, String defaultUser,
            List<String> cloudKeys) {
        this.ctx = ctx;
        this.accounts = accounts;
        this.tools = ctx.distro().users();
        this.privilege = privilege;
        this.privilegeTool = privilege == null ? null : privilege.program();
        this.defaultUser = defaultUser;
        this.cloudKeys = cloudKeys;
        this.log = ctx.log();
    }

    /** Creates or updates the user; the first problem stops this user only. */
    void apply(UserSettings u) throws IOException, CommandException {
        if (u.snapuser()) {
            log.warn("{}: snapuser is not supported (no snapd user creation); user {} skipped", u.keyPath(), u.name());
            return;
        }
        boolean preExisting = accounts.userExists(u.name());
        if (preExisting) {
            log.info("User {} already exists, skipping.", u.name());
        } else {
            addUser(u);
        }
        passwords(u, preExisting);
        privilegeRules(u);
        keys(u);
        if (u.sshImportId()) {
            if (ctx.runner().which("ssh-import-id").isPresent()) {
                log.info("{}: ssh_import_id for {} is left to the ssh_import_id module", u.keyPath(), u.name());
            } else {
                log.warn("{}: ssh_import_id for {} is not supported: ssh-import-id is not installed", u.keyPath(), u.name());
            }
        }
    }

    // ---- creation ----------------------------------------------------------------------------

    private void addUser(UserSettings u) throws IOException, CommandException {
        List<String> wanted = new ArrayList<>(u.groups());
        if (u.primaryGroup() != null && !wanted.contains(u.primaryGroup())) {
            wanted.add(u.primaryGroup());
        }
        for (String g : wanted) {
            if (accounts.groupExists(g)) {
                continue;
            }
            if (!u.createGroups()) {
                String key = g.equals(u.primaryGroup()) ? ".primary_group" : ".groups";
                throw new ConfigException(u.keyPath() + key, "group '" + g + "' does not exist and create_groups is false");
            }
            run(tools.addGroup(g, false));
            accounts.createdGroup(g);
            log.debug("created group '{}' for user '{}'", g, u.name());
        }
        if (u.selinuxUser() != null) {
            log.warn("{}.selinux_user: not supported by this distro's user tools; ignored for user {}", u.keyPath(), u.name());
        }
        if (u.noLogInit()) {
            log.warn("{}.no_log_init: not supported by this distro's user tools; ignored for user {}", u.keyPath(), u.name());
        }
        log.debug("Adding user {}", u.name());
        for (Command c : tools.addUser(u.spec())) {
            run(c);
        }
        accounts.created(u.name());
        if (!ctx.runner().planMode()) {
            accounts.reload();
        }
    }

    // ---- passwords ---------------------------------------------------------------------------

    private void passwords(UserSettings u, boolean preExisting) throws IOException, CommandException {
        String current = accounts.password(u.name()).orElse(null);
        boolean specified = false;
        boolean blank = false;
        boolean hasExisting = false;
        boolean passwordSet = false;
        if (u.plainTextPasswd() != null) {
            specified = true;
            if (u.plainTextPasswd().isEmpty()) {
                blank = true;
            } else if (preExisting && ctx.updateMode() && current != null && !Accounts.emptyPassword(current)) {
                log.info("{}: update mode: user {} already has a password; plain_text_passwd not applied again",
                        u.keyPath(), u.name());
            } else {
                run(tools.setPasswords(Map.of(u.name(), u.plainTextPasswd()), false));
                passwordSet = true;
            }
        }
        if (u.hashedPasswd() != null) {
            specified = true;
            if (u.hashedPasswd().isEmpty()) {
                blank = true;
            } else if (current != null && unlockedForm(current).equals(u.hashedPasswd())) {
                log.debug("{}: user {} already has this password hash", u.keyPath(), u.name());
            } else {
                run(tools.setPasswords(Map.of(u.name(), u.hashedPasswd()), true));
                passwordSet = true;
            }
        }
        if (preExisting) {
            if (!specified) {
                if (u.passwd() != null) {
                    log.warn("'passwd' in user-data is ignored for existing user {}", u.name());
                }
                hasExisting = current != null && !Accounts.emptyPassword(current);
            }
        } else if (u.passwd() != null) {
            specified = true;
            blank = blank || u.passwd().isEmpty();
        }
        if (u.lockPasswd()) {
            if (preExisting && !passwordSet && current != null && Accounts.locked(current)) {
                log.debug("Password of {} is already locked", u.name());
            } else {
                lock(tools, u.name());
            }
        } else if (hasExisting || specified) {
            if (blank) {
                log.debug("Allowing unlocking empty password for {} based on an empty password key in user-data", u.name());
            }
            if (preExisting && !passwordSet && current != null && !Accounts.locked(current)) {
                log.debug("Password of {} is not locked", u.name());
            } else {
                run(tools.unlockPassword(u.name()));
            }
        } else if (preExisting) {
            log.warn("Not unlocking blank password for existing user {}. 'lock_passwd: false' present in user-data"
                    + " but no existing password set and no 'plain_text_passwd'/'hashed_passwd' provided in user-data",
                    u.name());
        } else {
            log.warn("Not unlocking password for user {}. 'lock_passwd: false' present in user-data but no"
                    + " 'passwd'/'plain_text_passwd'/'hashed_passwd' provided in user-data", u.name());
        }
    }

    private static String unlockedForm(String field) {
        String f = field;
        while (f.startsWith("!")) {
            f = f.substring(1);
        }
        return f;
    }

    // ---- sudo / doas -------------------------------------------------------------------------

    private void privilegeRules(UserSettings u) throws IOException, CommandException {
        if (u.sudoFalse()) {
            log.warn("DEPRECATED: The value of 'false' in user {}'s 'sudo' config. Use 'null' instead.", u.name());
        }
        rules(u, "sudo", u.sudo(), u.doas());
        rules(u, "doas", u.doas(), u.sudo());
    }

    private void rules(UserSettings u, String tool, List<String> rules, List<String> otherRules)
            throws IOException, CommandException {
        if (rules == null) {
            return;
        }
        if (tool.equals(privilegeTool)) {
            try {
                Steps.apply(ctx, privilege.grant(ctx.target(), u.name(), rules));
            } catch (IllegalArgumentException e) {
                throw new ConfigException(u.keyPath() + "." + tool, e.getMessage() + "; no " + tool
                        + " rules written for " + u.name());
            }
            return;
        }
        String why = privilegeTool == null ? "this distro has no privilege tool"
                : "this distro's privilege tool is " + privilegeTool;
        if (otherRules != null && privilegeTool != null) {
            log.info("{}.{}: {} rules for {} not written: {}", u.keyPath(), tool, tool, u.name(), why);
        } else {
            log.warn("{}.{}: {} rules for {} not written: {}", u.keyPath(), tool, tool, u.name(), why);
        }
    }

    // ---- SSH keys ----------------------------------------------------------------------------

    private void keys(UserSettings u) throws IOException {
        if (u.sshAuthorizedKeys() != null) {
            List<AuthorizedKeys.Line> lines = new ArrayList<>();
            for (String k : u.sshAuthorizedKeys()) {
                lines.add(AuthorizedKeys.parse(k, null));
            }
            for (int i = 0; i < lines.size(); i++) {
                if (!lines.get(i).isKey()) {
                    log.warn("{}.ssh_authorized_keys[{}]: not an SSH public key line; skipped", u.keyPath(), i);
                }
            }
            writeKeys(u, lines);
        }
        if (u.sshRedirectUser() != null) {
            if (defaultUser == null) {
                log.warn("Ignoring ssh_redirect_user: {} for {}. No default_user defined. Perhaps missing cloud"
                        + " configuration users:  [default, ..].", u.sshRedirectUser(), u.name());
            } else if (cloudKeys.isEmpty()) {
                log.warn("Unable to disable SSH logins for {} given ssh_redirect_user: {}. No cloud public-keys present.",
                        u.name(), defaultUser);
            } else {
                String opts = AuthorizedKeys.DISABLE_USER_OPTS.replace("$USER", defaultUser)
                        .replace("$DISABLE_USER", u.name());
                List<AuthorizedKeys.Line> lines = new ArrayList<>();
                for (String k : cloudKeys) {
                    lines.add(AuthorizedKeys.parse(k, opts));
                }
                writeKeys(u, lines);
            }
        }
    }

    private void writeKeys(UserSettings u, List<AuthorizedKeys.Line> lines) throws IOException {
        Accounts.Passwd pw = accounts.entry(u.name()).orElse(null);
        if (pw == null && ctx.runner().planMode()) {
            log.info("plan mode: user {} does not exist yet; its authorized_keys would be written", u.name());
            return;
        }
        String home;
        if (pw != null) {
            home = Names.homedir("home of " + u.name() + " in /etc/passwd", pw.home());
        } else {
            home = u.homedir() != null ? u.homedir() : "/home/" + u.name();
        }
        String group;
        if (pw != null) {
            group = accounts.groupName(pw.gid()).orElse(pw.gid());
        } else if (u.primaryGroup() != null) {
            group = u.primaryGroup();
        } else {
            group = u.noUserGroup() ? null : u.name();
        }
        new KeyFiles(ctx.target(), log).apply(u.name(), home, group, lines);
    }

    // ---- commands ----------------------------------------------------------------------------

    private void run(Command c) throws CommandException {
        ctx.runner().run(c);
    }

    /**
     * Locks the password. A tool that says the password "is already locked" (busybox passwd after
     * {@code adduser -D}, shadow's passwd on some distros) has done what was asked, as the
     * reference also accepts.
     */
    private void lock(UserManager tools, String user) throws CommandException {
        try {
            run(tools.lockPassword(user));
        } catch (CommandException e) {
            if (e.result() == null || !(e.result().err() + e.result().out()).contains("already locked")) {
                throw e;
            }
            log.debug("Password of {} was already locked", user);
        }
    }

    /** Adds members to groups, as the reference's {@code create_group}, skipping what is in place. */
    static void createGroup(ModuleContext ctx, Accounts accounts, GroupEntry g) throws CommandException {
        Logger log = ctx.log();
        String name = Names.group(g.keyPath(), g.name());
        Map<String, String> members = new LinkedHashMap<>();
        for (String m : g.members()) {
            members.put(m, Names.user(g.keyPath() + " member", m));
        }
        UserManager tools = ctx.distro().users();
        if (accounts.groupExists(name)) {
            log.info("Skipping creation of existing group '{}'", name);
        } else {
            ctx.runner().run(tools.addGroup(name, false));
            accounts.createdGroup(name);
            log.info("Created new group {}", name);
        }
        for (String m : members.values()) {
            if (!accounts.userExists(m)) {
                log.warn("Unable to add group member '{}' to group '{}'; user does not exist.", m, name);
                continue;
            }
            if (accounts.isMember(m, name)) {
                log.debug("User '{}' is already in group '{}'", m, name);
                continue;
            }
            ctx.runner().run(tools.addToGroup(m, name));
            accounts.addedMember(m, name);
            log.info("Added user '{}' to group '{}'", m, name);
        }
    }
}

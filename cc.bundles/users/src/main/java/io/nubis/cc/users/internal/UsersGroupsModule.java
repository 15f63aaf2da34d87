package io.nubis.cc.users.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;

import io.nubis.api.config.ConfigException;
import io.nubis.api.distro.PrivilegeRules;
import io.nubis.api.exec.CommandException;
import io.nubis.api.module.ConfigModule;
import io.nubis.api.module.Frequency;
import io.nubis.api.module.ModuleContext;
import io.nubis.api.module.ModuleException;
import io.nubis.api.module.NubisModule;
import io.nubis.api.module.Resources;

/**
 * {@code users_groups}: creates the groups of {@code groups} (adding members), then the users of
 * {@code users} ({@code default} being {@code system_info.default_user}), and for new and
 * existing users applies passwords, locking, sudo or doas rules (whichever tool the distro
 * uses) and authorized SSH keys. A problem with one group or user is reported at the end and
 * the others are still processed. Existing users, groups, memberships, rules and keys are left
 * as they are, so the module converges and may run in update mode.
 */
@Component(service = ConfigModule.class)
@NubisModule(nubis_module = "users_groups", stage = "network", frequency = Frequency.PER_INSTANCE_ID,
        idempotent = true, distros = {"all"}, touches = {Resources.USERS, Resources.SSH},
        schema = "schema/users_groups.json")
public class UsersGroupsModule implements ConfigModule {

    @Override
    public void run(ModuleContext ctx) throws ModuleException {
        Logger log = ctx.log();
        UsersConfig config = UsersConfig.of(ctx.config(), log);
        List<String> errors = new ArrayList<>(config.errors());
        Accounts accounts;
        try {
            accounts = new Accounts(ctx.target());
        } catch (IOException e) {
            throw new ModuleException("users_groups: cannot read the target's account files: " + e.getMessage(), e);
        }
        for (GroupEntry g : config.groups()) {
            try {
                UserCreator.createGroup(ctx, accounts, g);
            } catch (ConfigException e) {
                errors.add(e.getMessage());
            } catch (CommandException | IllegalArgumentException e) {
                errors.add(g.keyPath() + " (group " + Names.printable(g.name()) + "): " + e.getMessage());
            }
        }
        UserCreator creator = new UserCreator(ctx, accounts, privilege(ctx), config.defaultUser(), cloudKeys(ctx));
        for (UserEntry e : config.users().values()) {
            try {
                creator.apply(UserSettings.parse(e));
            } catch (ConfigException ex) {
                errors.add(ex.getMessage());
            } catch (IOException | CommandException | IllegalArgumentException ex) {
                errors.add(e.keyPath() + " (user " + Names.printable(e.name()) + "): " + ex.getMessage());
            }
        }
        if (!errors.isEmpty()) {
            errors.forEach(m -> log.warn("users_groups: {}", m));
            throw new ModuleException("users_groups: " + errors.size() + " problem(s): " + String.join("; ", errors));
        }
    }

    /** The distro's sudo or doas adapter, or null if the distro has none. */
    private static PrivilegeRules privilege(ModuleContext ctx) {
        try {
            return ctx.distro().privilege();
        } catch (RuntimeException e) {
            ctx.log().debug("No privilege tool: {}", e.getMessage());
            return null;
        }
    }

    /** The cloud's public SSH keys ({@code v1.public_ssh_keys}), for {@code ssh_redirect_user}. */
    static List<String> cloudKeys(ModuleContext ctx) {
        List<String> out = new ArrayList<>();
        if (ctx.instanceData().get("v1") instanceof Map<?, ?> v1 && v1.get("public_ssh_keys") instanceof List<?> l) {
            for (Object k : l) {
                if (k instanceof String s && !s.isBlank() && s.strip().indexOf('\n') < 0) {
                    out.add(s.strip());
                }
            }
        }
        return out;
    }
}

package io.nubis.cc.locale.internal;

import java.io.IOException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

import io.nubis.api.config.Values;
import io.nubis.api.exec.CommandException;
import io.nubis.api.module.ConfigModule;
import io.nubis.api.module.Frequency;
import io.nubis.api.module.ModuleContext;
import io.nubis.api.module.ModuleException;
import io.nubis.api.module.NubisModule;
import io.nubis.api.module.Resources;

/**
 * {@code locale}: sets the system locale as the reference's {@code cc_locale} and the distros'
 * {@code apply_locale} do; the way is chosen by {@code system_info.locale.method}
 * (see {@link LocaleWriters}). {@code locale: false} skips; {@code locale_configfile} replaces
 * the distro's file; the first module argument replaces {@code locale}.
 */
@Component(service = ConfigModule.class)
@NubisModule(nubis_module = LocaleModule.NAME, stage = "config", frequency = Frequency.PER_INSTANCE_ID,
        idempotent = true, touches = Resources.LOCALE, schema = "schema/locale.json")
public final class LocaleModule implements ConfigModule {
    static final String NAME = "locale";
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9_.@+\\-]{1,100}");

    /** Stateless. */
    @Activate
    public LocaleModule() {
    }

    @Override
    public void run(ModuleContext ctx) throws ModuleException {
        LocaleFacts facts = LocaleFacts.from(ctx.config());
        Object raw = ctx.args().isEmpty() ? ctx.config().asMap().get(NAME) : ctx.args().get(0);
        if (raw instanceof Boolean b && !b || raw instanceof String s && isFalse(s)) {
            ctx.log().debug("Skipping module named {}, disabled by config: {}", ctx.name(), raw);
            return;
        }
        String locale = raw == null ? facts.defaultLocale() : Values.asString(NAME, raw).trim();
        if (!VALID.matcher(locale).matches()) {
            throw new ModuleException("locale: invalid locale '" + printable(locale)
                    + "': expected a name such as en_US.UTF-8");
        }
        Optional<String> file = ctx.config().string("locale_configfile");
        String configfile = file.filter(f -> !f.isBlank()).orElse(facts.configfile());
        if (!configfile.startsWith("/")) {
            throw new ModuleException("locale_configfile: must be an absolute path, not '" + printable(configfile) + "'");
        }
        ctx.log().debug("Setting locale to {}", locale);
        try {
            new LocaleWriters(ctx, facts, configfile).apply(locale);
        } catch (IOException e) {
            throw new ModuleException("locale: cannot write " + configfile + ": " + e.getMessage(), e);
        } catch (CommandException e) {
            throw new ModuleException("locale: " + e.getMessage(), e);
        }
    }

    private static boolean isFalse(String s) {
        switch (s.trim().toLowerCase(Locale.ROOT)) {
            case "false": case "off": case "no": case "0":
                return true;
            default:
                return false;
        }
    }

    static String printable(String s) {
        StringBuilder b = new StringBuilder();
        s.codePoints().limit(80).forEach(c -> b.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return b.toString();
    }
}

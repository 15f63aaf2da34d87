package io.nubis.cc.timezone.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

import io.nubis.api.module.ConfigModule;
import io.nubis.api.module.Frequency;
import io.nubis.api.module.ModuleContext;
import io.nubis.api.module.ModuleException;
import io.nubis.api.module.NubisModule;
import io.nubis.api.module.Resources;
import io.nubis.api.target.FileAttributes;
import io.nubis.api.target.TargetRoot;

/**
 * {@code timezone}: sets the system timezone as the reference's {@code cc_timezone} and distro
 * {@code set_timezone} do. The zone must exist under the target's zoneinfo directory; then the
 * zone name is written to the name file (if the distro has one) and localtime is linked to or
 * copied from the zone file, as {@code system_info.timezone} says. Only what differs is
 * rewritten, so a second run changes nothing.
 */
@Component(service = ConfigModule.class)
@NubisModule(nubis_module = TimezoneModule.NAME, stage = "config", frequency = Frequency.PER_INSTANCE_ID,
        idempotent = true, keys = {TimezoneModule.NAME}, touches = Resources.TIMEZONE,
        schema = "schema/timezone.json")
public final class TimezoneModule implements ConfigModule {
    static final String NAME = "timezone";

    /** Stateless. */
    @Activate
    public TimezoneModule() {
    }

    @Override
    public void run(ModuleContext ctx) throws ModuleException {
        Optional<String> given = ctx.args().isEmpty() ? ctx.config().string(NAME) : Optional.of(ctx.args().get(0));
        if (given.isEmpty() || given.get().isBlank()) {
            ctx.log().debug("Skipping module named {}, no 'timezone' specified", ctx.name());
            return;
        }
        String zone = ZoneName.check(given.get());
        TimezoneFacts facts = TimezoneFacts.from(ctx.config());
        TargetRoot t = ctx.target();
        String zoneFile = facts.zoneinfoDir() + "/" + zone;
        if (!t.exists(zoneFile) || t.isDirectory(zoneFile)) {
            throw new ModuleException("timezone: invalid timezone '" + zone + "', no file found at " + zoneFile);
        }
        ctx.log().debug("Setting timezone to {}", zone);
        try {
            if (facts.nameFile() != null) {
                writeIfDifferent(t, facts.nameFile(), (zone + "\n").getBytes(StandardCharsets.UTF_8), ctx);
            }
            setLocaltime(ctx, facts, zoneFile);
        } catch (IOException e) {
            throw new ModuleException("timezone: cannot set timezone " + zone + ": " + e.getMessage(), e);
        }
    }

    private static void setLocaltime(ModuleContext ctx, TimezoneFacts facts, String zoneFile) throws IOException {
        TargetRoot t = ctx.target();
        String localtime = facts.localtime();
        Optional<String> link = readLink(t, localtime);
        boolean absent = link.isEmpty() && !t.exists(localtime);
        boolean useLink = facts.method().equals("link")
                || facts.method().equals("auto") && (link.isPresent() || absent);
        if (useLink) {
            if (link.isPresent() && link.get().equals(zoneFile)) {
                ctx.log().debug("{} already links to {}", localtime, zoneFile);
                return;
            }
            if (t.isDirectory(localtime)) {
                throw new IOException(localtime + " is a directory");
            }
            ctx.log().debug("Linking {} to {}", localtime, zoneFile);
            t.symlink(localtime, zoneFile);
        } else {
            if (link.isPresent()) {
                t.delete(localtime);
            }
            writeIfDifferent(t, localtime, t.read(zoneFile), ctx);
        }
    }

    private static void writeIfDifferent(TargetRoot t, String path, byte[] content, ModuleContext ctx) throws IOException {
        if (readLink(t, path).isEmpty() && t.exists(path) && !t.isDirectory(path)
                && Arrays.equals(t.read(path), content)) {
            ctx.log().debug("{} is already up to date", path);
            return;
        }
        int mode = t.exists(path) && readLink(t, path).isEmpty() ? t.mode(path) & 07777 : 0644;
        t.write(path, content, FileAttributes.mode(mode));
    }

    /** The target of a symlink at {@code path} (its parent resolved inside the root), if it is one. */
    static Optional<String> readLink(TargetRoot t, String path) throws IOException {
        int slash = path.lastIndexOf('/');
        String parent = slash <= 0 ? "/" : path.substring(0, slash);
        Path dir = t.resolve(parent);
        Path p = dir.resolve(path.substring(slash + 1));
        return Files.isSymbolicLink(p) ? Optional.of(Files.readSymbolicLink(p).toString()) : Optional.empty();
    }
}

package io.nubis.cc.misc.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

import io.nubis.api.config.ConfigException;
import io.nubis.api.config.Values;
import io.nubis.api.exec.Command;
import io.nubis.api.exec.CommandException;
import io.nubis.api.module.ConfigModule;
import io.nubis.api.module.Frequency;
import io.nubis.api.module.ModuleContext;
import io.nubis.api.module.ModuleException;
import io.nubis.api.module.NubisModule;
import io.nubis.api.target.FileAttributes;

/**
 * {@code seed_random}: appends {@code random_seed.data} (raw, base64 or gzip) and the
 * metadata's {@code random_seed} to {@code random_seed.file} (default {@code /dev/urandom}),
 * then runs {@code random_seed.command} with {@code RANDOM_SEED_FILE} set, as the reference's
 * {@code cc_seed_random} does. A missing command fails only if {@code command_required}.
 * The seed is never logged; device files are written in place (no fsync, no rename).
 */
@Component(service = ConfigModule.class)
@NubisModule(nubis_module = SeedRandomModule.NAME, stage = "network", frequency = Frequency.PER_INSTANCE_ID,
        schema = "schema/seed_random.json")
public final class SeedRandomModule implements ConfigModule {
    static final String NAME = "seed_random";
    /** Largest seed accepted, decoded. */
    static final int MAX_SEED = 1 << 20;

    /** Stateless. */
    @Activate
    public SeedRandomModule() {
    }

    @Override
    public void run(ModuleContext ctx) throws ModuleException {
        Map<String, Object> cfg = ctx.config().map("random_seed");
        String file = cfg.get("file") == null ? "/dev/urandom" : Values.asString("random_seed.file", cfg.get("file"));
        if (!file.startsWith("/")) {
            throw new ConfigException("random_seed.file", "must be an absolute path, not '" + Printable.of(file) + "'");
        }
        ByteArrayOutputStream seed = new ByteArrayOutputStream();
        if (cfg.get("data") != null) {
            String encoding = cfg.get("encoding") == null ? "raw" : Values.asString("random_seed.encoding", cfg.get("encoding"));
            Object data = cfg.get("data");
            byte[] bytes = data instanceof byte[] b ? b
                    : Values.asString("random_seed.data", data).getBytes(StandardCharsets.ISO_8859_1);
            if (bytes.length > 4 * MAX_SEED) {
                throw new ConfigException("random_seed.data", "more than " + 4 * MAX_SEED + " bytes");
            }
            seed.writeBytes(decode(data instanceof byte[] ? bytes : Values.asString("random_seed.data", data)
                    .getBytes(StandardCharsets.UTF_8), encoding));
        }
        Object meta = metadataSeed(ctx.instanceData());
        if (meta != null) {
            seed.writeBytes(Values.asString("metadata random_seed", meta).getBytes(StandardCharsets.UTF_8));
        }
        if (seed.size() > MAX_SEED) {
            throw new ModuleException("random_seed: more than " + MAX_SEED + " bytes of seed");
        }
        if (seed.size() > 0) {
            ctx.log().debug("{}: adding {} bytes of random seed entropy to {}", ctx.name(), seed.size(), file);
            try {
                append(ctx, file, seed.toByteArray());
            } catch (IOException e) {
                throw new ModuleException("random_seed.file: cannot append to " + file + ": " + e.getMessage(), e);
            }
        }
        runCommand(ctx, cfg, file);
    }

    private static void runCommand(ModuleContext ctx, Map<String, Object> cfg, String file) throws ModuleException {
        boolean required = cfg.get("command_required") != null
                && Values.asBoolean("random_seed.command_required", cfg.get("command_required"));
        List<Object> raw = Values.asList("random_seed.command", cfg.get("command"));
        List<String> argv = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            argv.add(Values.asString("random_seed.command[" + i + "]", raw.get(i)));
        }
        if (argv.isEmpty()) {
            if (required) {
                throw new ModuleException("random_seed.command: no command found but command_required is true");
            }
            ctx.log().debug("no command provided");
            return;
        }
        if (ctx.runner().which(argv.get(0)).isEmpty()) {
            if (required) {
                throw new ModuleException("random_seed.command: command '" + Printable.of(argv.get(0))
                        + "' not found but command_required is true");
            }
            ctx.log().debug("command '{}' not found for seed_command", argv.get(0));
            return;
        }
        try {
            ctx.runner().run(Command.of(argv).withEnv("RANDOM_SEED_FILE", file));
        } catch (CommandException e) {
            throw new ModuleException("random_seed.command: " + e.getMessage(), e);
        }
    }

    static Object metadataSeed(Map<String, Object> instanceData) {
        if (instanceData.get("ds") instanceof Map<?, ?> ds && ds.get("meta_data") instanceof Map<?, ?> md) {
            return md.get("random_seed");
        }
        return null;
    }

    static byte[] decode(byte[] data, String encoding) {
        switch (encoding.toLowerCase(Locale.ROOT)) {
            case "raw":
                return data;
            case "base64": case "b64":
                try {
                    return Base64.getDecoder().decode(new String(data, StandardCharsets.ISO_8859_1).replaceAll("\\s+", ""));
                } catch (IllegalArgumentException e) {
                    throw new ConfigException("random_seed.data", "not valid base64: " + e.getMessage());
                }
            case "gzip": case "gz":
                return gunzip(data);
            default:
                throw new ConfigException("random_seed.encoding", "unknown encoding '" + Printable.of(encoding)
                        + "' (raw, base64, b64, gzip, gz)");
        }
    }

    private static byte[] gunzip(byte[] gz) {
        try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(gz))) {
            byte[] out = in.readNBytes(MAX_SEED + 1);
            if (out.length > MAX_SEED) {
                throw new ConfigException("random_seed.data", "decompresses to more than " + MAX_SEED + " bytes");
            }
            return out;
        } catch (IOException e) {
            throw new ConfigException("random_seed.data", "not valid gzip data: " + e.getMessage());
        }
    }

    /** Appends through the target for regular files; devices such as /dev/urandom are written in place. */
    private static void append(ModuleContext ctx, String file, byte[] data) throws IOException {
        int slash = file.lastIndexOf('/');
        Path parent = ctx.target().resolve(slash == 0 ? "/" : file.substring(0, slash));
        Path p = ctx.target().resolve(file);
        boolean special = Files.exists(p) && !Files.isRegularFile(p) && !Files.isDirectory(p);
        if (!special || !p.startsWith(ctx.target().root()) || !parent.startsWith(ctx.target().root())) {
            ctx.target().append(file, data, FileAttributes.PRIVATE);
            return;
        }
        try (FileChannel ch = FileChannel.open(p, StandardOpenOption.WRITE, StandardOpenOption.APPEND, LinkOption.NOFOLLOW_LINKS)) {
            ByteBuffer buf = ByteBuffer.wrap(data);
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
        }
    }
}

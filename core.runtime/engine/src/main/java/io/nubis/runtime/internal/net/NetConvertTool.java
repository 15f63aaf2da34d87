package io.nubis.runtime.internal.net;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

import io.nubis.api.distro.Step;
import io.nubis.api.net.NetworkConfigException;
import io.nubis.api.net.NetworkConfigReader;
import io.nubis.api.net.NetworkDataConverter;
import io.nubis.api.net.NetworkState;
import io.nubis.api.target.FileAttributes;
import io.nubis.runtime.internal.exec.StepApplier;
import io.nubis.runtime.internal.exec.StepException;
import io.nubis.runtime.internal.plugin.PluginInfo;
import io.nubis.runtime.internal.pyjson.JsonReader;
import io.nubis.runtime.internal.target.ChrootTarget;
import io.nubis.runtime.internal.yaml.Yaml;

/**
 * {@code devel net-convert}, as the reference's: reads a network config of one kind and writes it
 * as one renderer's files under a directory, with the renderer options of that distro's profile, running no
 * command (no {@code netplan generate}) and changing no owner (the directory has no system
 * users; modes are kept). The renderer must be in the assembly.
 */
public final class NetConvertTool {
    /** Input kinds Nubis reads. */
    public static final List<String> KINDS = List.of("yaml", "network_data.json");
    /** The reference's input kinds Nubis does not read. */
    public static final List<String> UNSUPPORTED_KINDS = List.of("eni", "azure-imds", "vmware-imc");

    /**
     * The request.
     *
     * @param input      the file
     * @param kind       one of {@link #KINDS}
     * @param directory  output root
     * @param distro     distro name for the renderer's options
     * @param outputKind renderer name
     * @param macs       {@code name,mac} pairs
     * @param debug      print the input and the state read
     */
    public record Request(Path input, String kind, Path directory, String distro, String outputKind, List<String> macs,
            boolean debug) {
    }

    private final NetworkApply.Parts parts;
    private final Supplier<Optional<NetworkDataConverter>> converter;
    private final Function<String, Map<String, Object>> profileOptions;
    private final PrintStream err;

    /**
     * @param parts          the reader and the renderers
     * @param converter      the network_data.json converter, got only for that input kind
     * @param profileOptions a distro's {@code renderer_configs} by renderer name (empty if the
     *                       assembly has no profile of that name)
     */
    public NetConvertTool(NetworkApply.Parts parts, Supplier<Optional<NetworkDataConverter>> converter,
            Function<String, Map<String, Object>> profileOptions, PrintStream err) {
        this.parts = parts;
        this.converter = converter;
        this.profileOptions = profileOptions;
        this.err = err;
    }

    /** Runs; returns the exit code (0, or 1 with the reason on stderr). */
    public int run(Request req) {
        Map<String, String> known = new LinkedHashMap<>();
        for (String m : req.macs()) {
            int comma = m.indexOf(',');
            if (comma <= 0 || comma == m.length() - 1) {
                err.println("net-convert: -m/--mac wants name,mac: '" + m + "'");
                return 1;
            }
            known.put(m.substring(comma + 1).toLowerCase(java.util.Locale.ROOT), m.substring(0, comma));
        }
        PluginInfo renderer = parts.renderers().get(req.outputKind());
        if (renderer == null) {
            err.println("net-convert: the " + req.outputKind() + " renderer is not in this assembly (it has: "
                    + String.join(", ", parts.renderers().keySet()) + ")");
            return 1;
        }
        Optional<NetworkConfigReader> reader = parts.reader();
        if (reader.isEmpty()) {
            err.println("net-convert: this assembly has no network-config reader");
            return 1;
        }
        String origin = req.input().toString();
        try {
            String text = Files.readString(req.input(), StandardCharsets.UTF_8);
            Map<String, Object> config = read(req.kind(), text, origin, known);
            if (req.debug()) {
                err.print("Input YAML\n" + Yaml.dump(config) + "\n");
            }
            NetworkState state = reader.get().read(config, origin, known::get);
            if (req.debug()) {
                err.print("\nInternal State\n" + state + "\n");
            }
            Files.createDirectories(req.directory());
            ChrootTarget target = new ChrootTarget(req.directory().toAbsolutePath());
            EngineRenderContext ctx = new EngineRenderContext(target, req.distro(), req.distro(),
                    options(req.distro(), req.outputKind()));
            List<Step> files = new ArrayList<>();
            for (Step st : parts.renderer(renderer).render(state, ctx)) {
                if (st instanceof Step.Write w && w.attrs() != null) {
                    // an output directory has no system users: keep modes, not owners
                    files.add(new Step.Write(w.path(), w.content(), FileAttributes.mode(w.attrs().mode())));
                } else if (!(st instanceof Step.Run)) {
                    files.add(st);
                }
            }
            String dir = req.directory().toString();
            err.print("Read input format '" + req.kind() + "' from '" + origin + "'.\n"
                    + "Wrote output format '" + req.outputKind() + "' to '" + (dir.endsWith("/") ? dir : dir + "/") + "'\n\n");
            new StepApplier(target, null).apply(files);
            return 0;
        } catch (NetworkConfigException e) {
            err.println("net-convert: invalid network config " + origin + ":");
            e.problems().forEach(p -> err.println("  " + p));
            return 1;
        } catch (IOException | StepException | RuntimeException e) {
            err.println("net-convert: " + e.getMessage());
            return 1;
        }
    }

    private Map<String, Object> read(String kind, String text, String origin, Map<String, String> known)
            throws NetworkConfigException {
        switch (kind) {
            case "yaml": {
                Map<String, Object> m = Yaml.loadMapping(text, origin);
                return NetworkSources.unwrap(m);
            }
            case "network_data.json": {
                NetworkDataConverter c = converter.get().orElseThrow(
                        () -> new IllegalStateException("this assembly cannot convert network_data.json"));
                return c.toNetworkConfig(JsonReader.parseObject(text, origin), known::get);
            }
            default:
                throw new IllegalArgumentException("input kind '" + kind + "' is not supported (supported: " + KINDS + ")");
        }
    }

    /**
     * The renderer's options: those the distro's profile gives it
     * ({@code system_info.network.renderer_configs.<renderer>} of its built-in defaults), over which
     * {@code net-convert} asks, as the reference's does, for no commands and the netplan features
     * {@code dhcp-use-domains} and {@code ipv6-mtu} (renderers ignore options they do not know).
     */
    Map<String, Object> options(String distro, String renderer) {
        Map<String, Object> o = new LinkedHashMap<>();
        if (profileOptions.apply(distro).get(renderer) instanceof Map<?, ?> m) {
            m.forEach((k, v) -> o.put(String.valueOf(k), v));
        }
        o.put("postcmds", false);
        o.put("features", List.of("dhcp-use-domains", "ipv6-mtu"));
        return o;
    }
}

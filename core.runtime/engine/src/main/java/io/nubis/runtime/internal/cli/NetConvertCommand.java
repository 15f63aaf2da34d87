package io.nubis.runtime.internal.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import io.nubis.api.distro.DistroProfile;
import io.nubis.runtime.internal.boot.NetworkStep;
import io.nubis.runtime.internal.boot.Plugins;
import io.nubis.runtime.internal.net.NetConvertTool;
import io.nubis.runtime.internal.yaml.Yaml;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code devel net-convert}, with the reference's flags. */
@Command(name = "net-convert", description = "Convert networking configurations.")
final class NetConvertCommand implements Callable<Integer> {
    @ParentCommand
    DevelCommand parent;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help message and exit")
    boolean help;

    @Option(names = {"-p", "--network-data"}, required = true, paramLabel = "PATH", description = "The network configuration to read")
    Path input;

    @Option(names = {"-k", "--kind"}, required = true, paramLabel = "{eni,yaml,network_data.json,azure-imds,vmware-imc}",
            description = "The format of the given network config")
    String kind;

    // -d is the inherited --debug everywhere else; Cli turns this verb's -d into --directory (see rewrite)
    @Option(names = "--directory", required = true, paramLabel = "PATH",
            description = "directory to place output in (-d)")
    Path directory;

    @Option(names = {"-D", "--distro"}, required = true, paramLabel = "DISTRO", description = "The distro the output is for")
    String distro;

    @Option(names = {"-m", "--mac"}, paramLabel = "name,mac", description = "interface name to mac mapping")
    List<String> macs = new ArrayList<>();

    @Option(names = {"-O", "--output-kind"}, required = true,
            paramLabel = "{eni,netplan,networkd,sysconfig,network-manager,freebsd}", description = "The output format")
    String outputKind;

    /**
     * The reference spells the output directory {@code -d}, which every other verb inherits as
     * {@code --debug}: after {@code devel net-convert}, {@code -d DIR} and {@code -dDIR} become
     * {@code --directory}.
     */
    static String[] rewrite(String[] args) {
        String[] out = args.clone();
        for (int i = 1; i < out.length; i++) {
            if (out[i].equals("net-convert") && out[i - 1].equals("devel")) {
                for (int j = i + 1; j < out.length; j++) {
                    if (out[j].equals("-d")) {
                        out[j] = "--directory";
                    } else if (out[j].startsWith("-d") && !out[j].startsWith("--")) {
                        out[j] = "--directory=" + out[j].substring(2);
                    }
                }
                break;
            }
        }
        return out;
    }

    /** {@code system_info.network.renderer_configs} of the profile named {@code distro}, if the assembly has it. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> rendererConfigs(Plugins plugins, String distro) {
        try {
            DistroProfile p = plugins.distro(Optional.of(distro)).profile();
            if (!p.name().equals(distro)) {
                return Map.of();
            }
            Object si = Yaml.loadMapping(p.defaultConfig(), "built-in defaults of " + distro).get("system_info");
            Object net = si instanceof Map<?, ?> m ? m.get("network") : null;
            Object rc = net instanceof Map<?, ?> m ? m.get("renderer_configs") : null;
            return rc instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
        } catch (RuntimeException e) {
            return Map.of();
        }
    }

    @Override
    public Integer call() {
        Cli cli = parent.parent.cli();
        if (!NetConvertTool.KINDS.contains(kind)) {
            cli.err().println(cli.prog() + " devel net-convert: input kind '" + kind + "' is not supported"
                    + (NetConvertTool.UNSUPPORTED_KINDS.contains(kind) ? " by Nubis" : "")
                    + " (supported: " + String.join(", ", NetConvertTool.KINDS) + ")");
            return Cli.EXIT_USAGE;
        }
        Plugins plugins = cli.plugins();
        return new NetConvertTool(NetworkStep.parts(plugins), plugins::netDataConverter, d -> rendererConfigs(plugins, d),
                cli.err()).run(new NetConvertTool.Request(input, kind, directory, distro,
                outputKind, macs, parent.parent.debug));
    }
}

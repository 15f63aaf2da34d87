package io.nubis.conformance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The launchers of the assemblies that hold the renderers ({@link NetKind#assembly()}: Debian's
 * for eni, netplan and networkd, SUSE's for sysconfig and network-manager), {@code bin/nubis devel
 * net-convert} with the reference's flags, one process per case and output kind, one at a time
 * (each assembly keeps its own bundle cache).
 */
final class NetNubisRunner {
    private final Path assemblies;
    private final Path felixCache;

    /**
     * @param assemblies the directory of the exported assemblies ({@code nubis-<distro>/})
     * @param felixCache where each assembly's bundle cache goes ({@code <felixCache>-<distro>})
     */
    NetNubisRunner(Path assemblies, Path felixCache) {
        this.assemblies = assemblies;
        this.felixCache = felixCache;
    }

    Path home(NetKind k) {
        return assemblies.resolve("nubis-" + k.assembly());
    }

    private Proc.Result nubis(NetKind k, List<String> args, long timeoutSeconds) throws IOException, InterruptedException {
        Path home = home(k);
        List<String> cmd = new ArrayList<>();
        cmd.add(home.resolve("bin/nubis").toString());
        cmd.addAll(args);
        return Proc.run(cmd, Map.of("NUBIS_HOME", home.toString(),
                "NUBIS_JAVA_OPTS", "-Dnubis.cache=" + felixCache + "-" + k.assembly()), timeoutSeconds);
    }

    /** Why the assemblies cannot take part (empty: they can): no launcher, or no {@code devel net-convert}. */
    Optional<String> unavailable(List<NetKind> kinds) throws IOException, InterruptedException {
        java.util.Set<String> checked = new java.util.HashSet<>();
        for (NetKind k : kinds) {
            if (!checked.add(k.assembly())) {
                continue;
            }
            Path home = home(k);
            if (!Files.isExecutable(home.resolve("bin/nubis"))) {
                return Optional.of("the " + k.assembly() + " assembly is not built (" + home + "/bin/nubis)");
            }
            Proc.Result help = nubis(k, List.of("devel", "net-convert", "--help"), 180);
            if (help.rc() != 0) {
                return Optional.of("'nubis devel net-convert --help' does not work in " + home + " (rc " + help.rc() + "): "
                        + help.tail(3).strip());
            }
        }
        return Optional.empty();
    }

    /** Runs every case in every kind; keys {@code case/kind}, trees kept as {@link NetRun#NUBIS}. */
    Map<String, NetRun> runAll(List<NetCorpusCase> cases, List<NetKind> kinds, Path work) throws IOException, InterruptedException {
        Map<String, NetRun> runs = new LinkedHashMap<>();
        for (NetCorpusCase c : cases) {
            for (NetKind k : kinds) {
                runs.put(c.name() + "/" + k.id(), run(c, k, work));
            }
        }
        return runs;
    }

    NetRun run(NetCorpusCase c, NetKind k, Path work) throws IOException, InterruptedException {
        Path tree = NetRun.tree(work, c, k, NetRun.NUBIS);
        Files.createDirectories(tree);
        List<String> args = new ArrayList<>(List.of("devel", "net-convert"));
        args.addAll(c.convertArgs(c.input().toString(), tree.toString(), k));
        Proc.Result r = nubis(k, args, 180);
        return NetRun.keep(work, c, k, NetRun.NUBIS, r.rc(), r.out());
    }
}

package io.nubis.conformance;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The Debian assembly ({@code bin/nubis}) on the same root in plan mode: {@code init --local},
 * {@code init}, then {@code schema -c} on the case's user-data when the command exists.
 */
final class NubisRunner {
    private final Path home;
    private final Path felixCache;
    private Boolean schemaCommand;

    NubisRunner(Path home, Path felixCache) {
        this.home = home;
        this.felixCache = felixCache;
    }

    Proc.Result nubis(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(home.resolve("bin/nubis").toString());
        cmd.addAll(List.of(args));
        return Proc.run(cmd, Map.of("NUBIS_HOME", home.toString(),
                "NUBIS_JAVA_OPTS", "-Dnubis.cache=" + felixCache), 180);
    }

    /** Whether this assembly has a {@code schema} command (it may come from another branch). */
    boolean hasSchemaCommand() throws IOException, InterruptedException {
        if (schemaCommand == null) {
            Proc.Result r = nubis("--help");
            schemaCommand = r.rc() == 0 && r.out().lines().anyMatch(l -> l.matches("\\s+schema\\s.*"));
        }
        return schemaCommand;
    }

    Outcome run(CorpusCase c, Path root) throws IOException, InterruptedException {
        String r = root.toString();
        Proc.Result local = nubis("--root", r, "--plan", "init", "--local");
        Proc.Result net = nubis("--root", r, "--plan", "init");
        Integer schemaRc = null;
        String schemaOut = "";
        if (hasSchemaCommand()) {
            Proc.Result s = nubis("--root", r, "schema", "-c", c.dir().resolve("user-data").toString());
            schemaRc = s.rc();
            schemaOut = s.tail(15);
        }
                String diag = "-- nubis init --local rc=" + local.rc() + "\n" + local.tail(15)
                + "\n-- nubis init rc=" + net.rc() + "\n" + net.tail(15)
                + (schemaRc == null ? "" : "\n-- nubis schema rc=" + schemaRc + "\n" + schemaOut)
                + ReferenceRunner.logProblems(root);
        return new Outcome(Outcome.readFiles(root), schemaRc, diag);
    }
}

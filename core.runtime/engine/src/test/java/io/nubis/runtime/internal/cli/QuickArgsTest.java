package io.nubis.runtime.internal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import picocli.CommandLine;

class QuickArgsTest {
    private static final PrintStream NUL = new PrintStream(OutputStream.nullOutputStream());

    private static Cli cli() {
        return new Cli(new io.nubis.runtime.internal.plugin.PluginCatalog(null), NUL, NUL, "cloud-init");
    }

    /** What a parse decided, as text: the global options and the verb's. */
    private static String describe(Object cmd) {
        RootCommand r = cmd instanceof RootCommand rc ? rc : parentOf(cmd);
        String globals = "root=" + r.root + " debug=" + r.debug + " plan=" + r.plan + " force=" + r.force
                + " all=" + r.allStages + " gate=" + r.stageGate;
        if (cmd instanceof InitCommand c) {
            return globals + " init local=" + c.local + " files=" + c.files;
        }
        if (cmd instanceof ModulesCommand c) {
            return globals + " modules mode=" + c.mode + " files=" + c.files;
        }
        if (cmd instanceof StatusCommand c) {
            return globals + " status format=" + c.format + " long=" + c.longForm + " wait=" + c.waitForDone;
        }
        return globals;
    }

    private static RootCommand parentOf(Object cmd) {
        if (cmd instanceof InitCommand c) {
            return c.parent;
        }
        if (cmd instanceof ModulesCommand c) {
            return c.parent;
        }
        return ((StatusCommand) cmd).parent;
    }

    private static String picocli(String... args) {
        Cli cli = cli();
        CommandLine cl = new CommandLine(new RootCommand(cli));
        Cli.VERBS.forEach(cl::addSubcommand);
        CommandLine.ParseResult pr = cl.parseArgs(args);
        while (pr.hasSubcommand()) {
            pr = pr.subcommand();
        }
        return describe(pr.commandSpec().userObject());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "--all-stages", "--all-stages --stage-gate /run/cloud-init/share", "--root /tmp/r --plan --all-stages",
        "--root=/tmp/r -d --force --all-stages --stage-gate=/run/x",
        "init", "init --local", "init -l", "--root /r init --local", "--debug init",
        "modules", "modules --mode config", "modules -m final", "modules --mode=update", "--plan modules --mode init",
        "status", "status --long", "status -l -w", "status --wait --format json", "status --format=yaml --long",
        "--root /tmp/r status --format tabular"})
    void recognisedFormsAreReadAsPicocliReadsThem(String line) {
        String[] args = line.split(" ");
        Optional<Callable<Integer>> quick = QuickArgs.parse(cli(), args);
        assertTrue(quick.isPresent(), line);
        assertEquals(picocli(args), describe(quick.get()), line);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "", "--help", "--version", "status --help", "init --file x.cfg", "modules -f x.cfg", "status --format xml",
        "status -lw", "status --long --long", "--root a --root b status", "init --local --local", "modules -m",
        "modules -m config -m final", "--stage-gate /x", "--all-stages status", "query v1", "single --name bootcmd",
        "--root", "status extra", "-d -d status", "-d --debug status", "--unknown status"})
    void otherFormsAreLeftToPicocli(String line) {
        String[] args = line.isEmpty() ? new String[0] : line.split(" ");
        assertEquals(Optional.empty(), QuickArgs.parse(cli(), args), line);
    }

    @ParameterizedTest
    @ValueSource(strings = {"status --format xml", "--stage-gate /x", "modules -m"})
    void formsLeftToPicocliStillGetItsMessages(String line) {
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        int rc = new Cli(new io.nubis.runtime.internal.plugin.PluginCatalog(null), NUL, new PrintStream(err, true), "cloud-init")
                .execute(line.split(" "));
        assertEquals(Cli.EXIT_USAGE, rc, err.toString());
        assertTrue(err.toString().contains("error"), err.toString());
        assertTrue(List.of(line.split(" ")).stream().anyMatch(a -> a.startsWith("-") && err.toString().contains(a)), err.toString());
    }
}

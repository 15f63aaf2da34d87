package io.nubis.conformance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What one side made of one case and output kind: the exit code of {@code net-convert}
 * ({@link #NO_RESULT} when it never ran or ended without one), its console output, and the tree
 * it wrote, kept at {@code <work>/<case>/<kind>/<side>/} (console output beside it in
 * {@code <side>.log}).
 */
record NetRun(int rc, String output, Path tree) {
    static final int NO_RESULT = -1;
    static final String REFERENCE = "reference";
    static final String NUBIS = "nubis";

    static Path tree(Path work, NetCorpusCase c, NetKind k, String side) {
        return work.resolve(c.name()).resolve(k.id()).resolve(side);
    }

    /** Records the run's exit code and output next to its tree and returns it. */
    static NetRun keep(Path work, NetCorpusCase c, NetKind k, String side, int rc, String output) throws IOException {
        Path tree = tree(work, c, k, side);
        Files.createDirectories(tree.getParent());
        Files.writeString(tree.resolveSibling(side + ".log"), "rc=" + rc + "\n" + output, StandardCharsets.UTF_8);
        return new NetRun(rc, output, tree);
    }

    boolean ok() {
        return rc == 0;
    }

    /** The last lines of the output, for failure messages. */
    String tail(int lines) {
        return ReferenceRunner.tail(output, lines);
    }
}

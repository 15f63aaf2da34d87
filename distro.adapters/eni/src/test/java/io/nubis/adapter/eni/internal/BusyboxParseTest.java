package io.nubis.adapter.eni.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Runs the host's busybox {@code ifup -n} (dry run: prints the commands, changes nothing) on the
 * busybox golden outputs, for every interface they define: busybox must parse the file and find
 * every variable its methods need. Skipped where the host has no busybox with {@code ifup}.
 */
class BusyboxParseTest {
    @Test
    void busyboxIfupAcceptsEveryStanzaOfTheBusyboxCases() throws Exception {
        Path busybox = Stream.of("/usr/bin/busybox", "/bin/busybox").map(Path::of).filter(Files::isExecutable)
                .findFirst().orElse(null);
        assumeTrue(busybox != null && run(List.of(busybox.toString(), "--list")).contains("ifup\n"),
                "no busybox with ifup on this host");
        Path golden = Path.of(BusyboxParseTest.class.getResource("/golden").toURI());
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.list(golden)) {
            s.filter(d -> d.getFileName().toString().startsWith("busybox-"))
                    .forEach(d -> files.add(d.resolve("expected/etc/network/interfaces")));
        }
        assumeTrue(!files.isEmpty());
        for (Path f : files) {
            for (String iface : RenderedInterfaces.in(Files.readString(f))) {
                String out = run(List.of(busybox.toString(), "ifup", "-n", "-f", "-i", f.toString(), iface));
                assertEquals("0", out.substring(out.lastIndexOf('\n') + 1), f + " " + iface + ":\n" + out);
            }
        }
    }

    /** Output and, on the last line, the exit code. */
    private static String run(List<String> argv) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return out + "\n" + p.waitFor();
    }
}

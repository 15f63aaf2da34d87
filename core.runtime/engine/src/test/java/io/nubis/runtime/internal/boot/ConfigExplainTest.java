package io.nubis.runtime.internal.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigExplainTest {
    @TempDir
    Path dir;

    @Test
    void printsTheMergedConfigAndWhereEachKeyCameFrom() throws Exception {
        BootFixture f = new BootFixture(dir).file("/etc/os-release", "ID=debian\n")
                .file("/etc/cloud/cloud.cfg.d/50-ntp.cfg", "ntp: {enabled: true, servers: [a.example]}\n");
        Path ud = dir.resolve("ud.txt");
        Files.writeString(ud, "Content-Type: multipart/mixed; boundary=\"XX\"\nMIME-Version: 1.0\n\n"
                + "--XX\nContent-Type: text/cloud-config\n\n#cloud-config\nruncmd: [a]\n\n"
                + "--XX\nContent-Type: text/cloud-config\n\n#cloud-config\nmerge_how: list(append)+dict(no_replace,recurse_list)\n"
                + "runcmd: [b]\nntp: {servers: [b.example]}\n--XX--\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int rc = f.run(s -> new ConfigExplain(s, ud, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(true));
        String text = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, rc, err.toString(StandardCharsets.UTF_8));
        assertTrue(text.startsWith("#cloud-config\n"), text);
        assertTrue(text.contains("runcmd:\n- a\n- b\n"), text);
        assertTrue(text.matches("(?s).*#   runcmd\\s+user-data part 1 \\(text/cloud-config\\), user-data part 2.*"), text);
        assertTrue(text.matches("(?s).*#   ntp\\.enabled\\s+/etc/cloud/cloud\\.cfg\\.d/50-ntp\\.cfg\\n.*"), text);
        assertTrue(text.matches("(?s).*#   ntp\\.servers\\s+user-data part 2 \\(text/cloud-config\\).*"), text);
    }
}

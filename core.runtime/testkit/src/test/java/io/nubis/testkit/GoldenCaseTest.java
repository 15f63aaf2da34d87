package io.nubis.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.TestAbortedException;

import io.nubis.api.distro.Step;
import io.nubis.api.net.Dns;
import io.nubis.api.net.NetworkConfigReader;
import io.nubis.api.net.NetworkRenderer;
import io.nubis.api.net.NetworkState;
import io.nubis.api.net.RenderContext;
import io.nubis.api.target.FileAttributes;

class GoldenCaseTest {
    @TempDir
    Path dir;

    /** A reader that keeps the config's {@code version} and names no interface. */
    private static final NetworkConfigReader READER = (config, origin, macToName) -> NetStates.state(
            (Integer) config.get("version"), List.of(), List.of(), Dns.NONE);

    /**
     * Writes the distro, the {@code greeting} option and the version into /etc/net, and asks for
     * {@code netgen}; golden cases never activate anything.
     */
    private static final class EchoRenderer implements NetworkRenderer {
        @Override
        public List<Step> render(NetworkState state, RenderContext context) {
            String text = context.distro() + " " + context.options().get("greeting") + " v" + state.version() + "\n";
            return List.of(new Step.Write("/etc/net", text, FileAttributes.PRIVATE), Step.run("netgen"));
        }

        @Override
        public List<Step> bringUp(String iface, RenderContext context) {
            throw new UnsupportedOperationException("bringUp");
        }

        @Override
        public List<Step> bringDown(String iface, RenderContext context) {
            throw new UnsupportedOperationException("bringDown");
        }

        @Override
        public List<Step> apply(RenderContext context) {
            throw new UnsupportedOperationException("apply");
        }

        @Override
        public List<String> ownedFiles(RenderContext context) {
            throw new UnsupportedOperationException("ownedFiles");
        }
    }

    private GoldenCase golden(String expected) throws Exception {
        Path c = Files.createDirectories(dir.resolve("golden/one"));
        Files.writeString(c.resolve("network-config.yaml"), "version: 2\nethernets: {}\n");
        Files.writeString(c.resolve("options.yaml"), "greeting: hello\n");
        Files.createDirectories(c.resolve("target/etc"));
        Files.writeString(c.resolve("target/etc/seeded"), "seed\n");
        Files.createDirectories(c.resolve("expected/etc"));
        Files.writeString(c.resolve("expected/etc/net"), expected);
        Files.writeString(c.resolve("expected/etc/seeded"), "seed\n");
        Files.createDirectories(dir.resolve("golden/two"));
        Files.writeString(dir.resolve("golden/README.md"), "not a case\n");
        return GoldenCases.in(dir.resolve("golden")).named("one");
    }

    @Test
    void casesAreTheFoldersInNameOrder() throws Exception {
        golden("");
        GoldenCases cases = GoldenCases.in(dir.resolve("golden"));
        assertEquals(List.of("one", "two"), cases.names().toList());
        assertEquals(List.of(dir.resolve("golden/one"), dir.resolve("golden/two")),
                cases.all().stream().map(GoldenCase::dir).toList());
    }

    @Test
    void aCaseRendersOverItsSeededTargetWithItsOptions() throws Exception {
        GoldenCase c = golden("debian hello v2\n");
        assertEquals(Map.of("greeting", "hello"), c.options());
        assertEquals(Optional.empty(), c.disabled());
        GoldenRender r = c.render(READER, new EchoRenderer(), "debian", Files.createDirectories(dir.resolve("root")));
        assertEquals(List.of(Step.run("netgen")), r.commands());
        assertEquals(Map.of("/etc/net", "debian hello v2\n", "/etc/seeded", "seed\n"), r.tree());
        r.assertExpectedTree();
        r.assertRenderingAgainChangesNothing();
        assertEquals(r.tree(), FileTree.of(GoldenCase.ACTUAL.resolve("one")));
        AssertionError modes = assertThrows(AssertionError.class, () -> r.assertModes(0600));
        assertTrue(modes.getMessage().startsWith("one: only file writes"), modes.getMessage());
    }

    @Test
    void aDifferentFileFailsNamingIt() throws Exception {
        GoldenCase c = golden("debian hello v1\n");
        GoldenRender r = c.render(READER, new EchoRenderer(), "debian", Files.createDirectories(dir.resolve("root")));
        AssertionError e = assertThrows(AssertionError.class, r::assertExpectedTree);
        assertTrue(e.getMessage().startsWith("one: /etc/net"), e.getMessage());
    }

    @Test
    void aDisabledCaseIsSkippedWithItsReason() throws Exception {
        GoldenCase c = golden("");
        Files.writeString(c.file("DISABLED"), "the reader rejects it\n");
        assertEquals(Optional.of("the reader rejects it"), c.disabled());
        TestAbortedException e = assertThrows(TestAbortedException.class, c::assumeEnabled);
        assertTrue(e.getMessage().contains("one: the reader rejects it"), e.getMessage());
    }
}

package io.nubis.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import io.nubis.api.distro.Step;
import io.nubis.api.net.NetworkConfigException;
import io.nubis.api.net.NetworkConfigReader;
import io.nubis.api.net.NetworkRenderer;
import io.nubis.api.net.NetworkState;
import io.nubis.api.net.RenderContext;

/**
 * One golden case of a network renderer: a folder holding the input {@code network-config.yaml},
 * optionally {@code options.yaml} (the renderer's options), a {@code target/} tree (what the
 * target holds before rendering) and a {@code DISABLED} file (why the case is skipped), and the
 * {@code expected/} tree, compared byte for byte with what was rendered.
 *
 * <pre>{@code
 * GoldenRender r = CASES.named(name).render(new NetworkConfigParser(), new EniRenderer(), "debian", dir);
 * r.assertExpectedTree();
 * r.assertModes(0644);
 * }</pre>
 *
 * @param name the folder's name
 * @param dir  the folder
 */
public record GoldenCase(String name, Path dir) {
    /** Where rendered trees are kept for inspection, one folder per case (relative to the module). */
    public static final Path ACTUAL = Path.of("target", "golden-actual");

    public Path file(String relative) {
        return dir.resolve(relative);
    }

    public boolean has(String relative) {
        return Files.exists(file(relative));
    }

    /** A file of the case as UTF-8 text. */
    public String text(String relative) {
        try {
            return Files.readString(file(relative), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file(relative), e);
        }
    }

    /** A YAML (or JSON) mapping of the case, read with SnakeYAML's safe constructor; empty for an empty file. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> yaml(String relative) {
        Object o = new Yaml(new SafeConstructor(new LoaderOptions())).load(text(relative));
        return o == null ? Map.of() : (Map<String, Object>) o;
    }

    /** The renderer's options: {@code options.yaml}, or none. */
    public Map<String, Object> options() {
        return has("options.yaml") ? yaml("options.yaml") : Map.of();
    }

    /** {@code network-config.yaml} read by the reader (no interface is present, so no MAC address has a name). */
    public NetworkState state(NetworkConfigReader reader) throws NetworkConfigException {
        return reader.read(yaml("network-config.yaml"), file("network-config.yaml").toString(), mac -> null);
    }

    /** Why the case is skipped: the text of its {@code DISABLED} file, if it has one. */
    public Optional<String> disabled() {
        return has("DISABLED") ? Optional.of(text("DISABLED").trim()) : Optional.empty();
    }

    /** Skips the test that calls it (a JUnit assumption) if the case is {@link #disabled()}, giving the reason. */
    public void assumeEnabled() {
        Optional<String> why = disabled();
        Assumptions.assumeTrue(why.isEmpty(), () -> name + ": " + why.orElse(""));
    }

    /** The files under one of the case's folders ({@code expected}, {@code target}, {@code reference}...). */
    public Map<String, String> tree(String folder) {
        return FileTree.of(file(folder));
    }

    /** The files under {@code expected/}. */
    public Map<String, String> expected() {
        return tree("expected");
    }

    /** Copies the case's {@code target/} tree, if it has one, under {@code root}. */
    public void seed(Path root) {
        FileTree.copy(file("target"), root);
    }

    /** Replaces {@code target/golden-actual/NAME} with a copy of the rendered tree under {@code root}. */
    public void keep(Path root) {
        Path out = ACTUAL.resolve(name);
        try {
            if (Files.exists(out)) {
                try (Stream<Path> old = Files.walk(out)) {
                    for (Path p : old.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(p);
                    }
                }
            }
            Files.createDirectories(out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear " + out, e);
        }
        FileTree.copy(root, out);
    }

    /**
     * Renders the case into the empty directory {@code root}: seeds the {@code target/} tree, reads
     * the state, renders it for {@code distro} (its own variant) with the case's options, and
     * applies the file steps; commands ({@link Step.Run}) are not run, see {@link GoldenRender#commands()}.
     */
    public GoldenRender render(NetworkConfigReader reader, NetworkRenderer renderer, String distro, Path root)
            throws NetworkConfigException, IOException {
        NetworkState state = state(reader);
        seed(root);
        TempTarget target = TempTarget.in(root);
        RenderContext context = TestRenderContext.of(target, distro, options());
        List<Step> steps = renderer.render(state, context);
        target.apply(steps.stream().filter(s -> !(s instanceof Step.Run)).toList());
        return new GoldenRender(this, renderer, state, context, target, steps);
    }
}

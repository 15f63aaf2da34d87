package io.nubis.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.nubis.api.distro.Step;
import io.nubis.api.net.NetworkRenderer;
import io.nubis.api.net.NetworkState;
import io.nubis.api.net.RenderContext;

/**
 * A golden case rendered into a target ({@link GoldenCase#render}): the steps, the target, and
 * the checks golden tests make on them.
 */
public final class GoldenRender {
    private final GoldenCase golden;
    private final NetworkRenderer renderer;
    private final NetworkState state;
    private final RenderContext context;
    private final TempTarget target;
    private final List<Step> steps;

    GoldenRender(GoldenCase golden, NetworkRenderer renderer, NetworkState state, RenderContext context,
            TempTarget target, List<Step> steps) {
        this.golden = golden;
        this.renderer = renderer;
        this.state = state;
        this.context = context;
        this.target = target;
        this.steps = steps;
    }

    /** Every step the renderer returned, in order. */
    public List<Step> steps() {
        return steps;
    }

    /** The steps that run a command (not applied to the target). */
    public List<Step> commands() {
        return steps.stream().filter(Step.Run.class::isInstance).toList();
    }

    public TempTarget target() {
        return target;
    }

    /** The files in the target now. */
    public Map<String, String> tree() {
        return FileTree.of(target.root());
    }

    /** Keeps a copy of the target in {@code target/golden-actual/CASE}, for comparison by hand. */
    public void keep() {
        golden.keep(target.root());
    }

    /**
     * Keeps a copy of the target, then asserts it holds exactly the case's {@code expected/} tree
     * (which must not be empty), byte for byte.
     */
    public void assertExpectedTree() {
        keep();
        Map<String, String> expected = golden.expected();
        assertFalse(expected.isEmpty(), "no expected tree in " + golden.dir());
        FileTree.assertSame(expected, tree(), golden.name());
    }

    /** Asserts every step writes a file, asking for {@code mode}, and that each file has it in the target. */
    public void assertModes(int mode) {
        for (Step s : steps) {
            Step.Write w = assertInstanceOf(Step.Write.class, s, golden.name() + ": only file writes");
            assertEquals(mode, w.attrs().mode(), golden.name() + ": mode asked for " + w.path());
            assertEquals(mode, mode(w.path()), golden.name() + ": mode of " + w.path());
        }
    }

    /** Asserts every file written asks for this ownership ({@code user:group}). */
    public void assertOwners(String owner) {
        for (Step s : steps) {
            if (s instanceof Step.Write w) {
                assertEquals(Optional.of(owner), target.owner(w.path()), golden.name() + ": owner of " + w.path());
            }
        }
    }

    /** Renders the same state again over the target as it is now; the steps are not applied. */
    public List<Step> renderAgain() {
        return renderer.render(state, context);
    }

    /**
     * Renders the same state again over the target as it is now, asserts that nothing is deleted,
     * applies the steps and asserts the target still holds the expected tree.
     */
    public void assertRenderingAgainChangesNothing() throws IOException {
        List<Step> again = renderAgain();
        assertTrue(again.stream().noneMatch(Step.Delete.class::isInstance), golden.name() + ": nothing to delete");
        target.apply(again.stream().filter(s -> !(s instanceof Step.Run)).toList());
        assertExpectedTree();
    }

    private int mode(String path) {
        try {
            return target.mode(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package io.nubis.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * A module's golden cases: one folder per case under a root, in name order (see {@link GoldenCase}
 * for what a folder holds). Files in the root itself, such as a README, are not cases.
 *
 * <pre>{@code
 * private static final GoldenCases CASES = GoldenCases.onClassPath(EniGoldenTest.class);
 *
 * static Stream<String> cases() {
 *     return CASES.names();
 * }
 * }</pre>
 */
public final class GoldenCases {
    private final Path root;

    private GoldenCases(Path root) {
        this.root = root;
    }

    /** The cases under {@code /golden} on the test class path ({@code src/test/resources/golden}). */
    public static GoldenCases onClassPath(Class<?> test) {
        URL url = test.getResource("/golden");
        if (url == null) {
            throw new IllegalStateException("no /golden folder on the test class path of " + test.getName());
        }
        try {
            return in(Path.of(url.toURI()));
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The cases under {@code root}. */
    public static GoldenCases in(Path root) {
        return new GoldenCases(root);
    }

    public Path root() {
        return root;
    }

    /** The cases' names, sorted; for {@code @MethodSource}. */
    public Stream<String> names() {
        try (Stream<Path> s = Files.list(root)) {
            return s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the golden cases in " + root, e);
        }
    }

    /** Every case, in name order. */
    public List<GoldenCase> all() {
        return names().map(this::named).toList();
    }

    public GoldenCase named(String name) {
        return new GoldenCase(name, root.resolve(name));
    }
}

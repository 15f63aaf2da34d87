package io.nubis.adapter.sysconfig.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.yaml.snakeyaml.Yaml;

import io.nubis.api.net.NetworkConfigException;
import io.nubis.api.net.NetworkState;
import io.nubis.netconfig.internal.NetworkConfigParser;

/**
 * The golden cases in {@code src/test/resources/golden}: each folder holds the input
 * {@code network-config.yaml}, optionally a {@code target/} tree that is in the target before
 * rendering (the reference ran over the same files), and the {@code expected/} tree (the
 * reference's output, with the deliberate deviations the case's README names).
 */
final class GoldenCases {
    private GoldenCases() {
    }

    static Path root() {
        try {
            return Path.of(GoldenCases.class.getResource("/golden").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Stream<String> names() throws IOException {
        try (Stream<Path> dirs = Files.list(root())) {
            return dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList().stream();
        }
    }

    static NetworkState state(String name) throws IOException, NetworkConfigException {
        Map<String, Object> config = new Yaml().load(Files.readString(root().resolve(name).resolve("network-config.yaml")));
        return new NetworkConfigParser().read(config, name, mac -> null);
    }

    /** Every regular file under {@code dir} by its path relative to it, with its text. */
    static Map<String, String> tree(Path dir) {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> all = Files.walk(dir)) {
            all.filter(Files::isRegularFile).forEach(p -> files.put("/" + dir.relativize(p).toString().replace('\\', '/'),
                    read(p)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    /** Copies the case's {@code target/} tree, if it has one, into {@code dir}. */
    static void seed(String name, Path dir) throws IOException {
        Path seed = root().resolve(name).resolve("target");
        if (!Files.isDirectory(seed)) {
            return;
        }
        try (Stream<Path> all = Files.walk(seed)) {
            for (Path p : all.filter(Files::isRegularFile).toList()) {
                Path to = dir.resolve(seed.relativize(p).toString());
                Files.createDirectories(to.getParent());
                Files.copy(p, to);
            }
        }
    }

    static Map<String, String> expected(String name) {
        return tree(root().resolve(name).resolve("expected"));
    }

    /** Compares file by file, so a failure names the file. */
    static void assertSameTree(Map<String, String> expected, Map<String, String> actual) {
        assertEquals(expected.keySet(), actual.keySet(), "files written");
        expected.forEach((path, text) -> assertEquals(text, actual.get(path), path));
    }

    private static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

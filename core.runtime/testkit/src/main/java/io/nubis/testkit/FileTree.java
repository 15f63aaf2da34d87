package io.nubis.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The regular files under a directory with their text, keyed by target path ({@code /etc/hosts}):
 * what golden tests compare with an expected tree. Files are read as UTF-8, so a file that is not
 * valid UTF-8 fails the read rather than comparing equal to something else.
 */
public final class FileTree {
    private FileTree() {
    }

    /** Every regular file under {@code dir} with its text, sorted by path; empty if there is no such directory. */
    public static Map<String, String> of(Path dir) {
        Map<String, String> files = new TreeMap<>();
        if (!Files.isDirectory(dir)) {
            return files;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.filter(Files::isRegularFile).toList()) {
                files.put("/" + dir.relativize(p).toString().replace('\\', '/'), Files.readString(p, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the tree " + dir, e);
        }
        return files;
    }

    /** Copies every regular file under {@code from} (if it exists) to the same place under {@code to}, replacing files. */
    public static void copy(Path from, Path to) {
        if (!Files.isDirectory(from)) {
            return;
        }
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : all.filter(Files::isRegularFile).toList()) {
                Path dest = to.resolve(from.relativize(p).toString());
                Files.createDirectories(dest.getParent());
                Files.copy(p, dest, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + from + " to " + to, e);
        }
    }

    /** Asserts both trees hold the same files with the same text, failing on the first file that differs. */
    public static void assertSame(Map<String, String> expected, Map<String, String> actual, String label) {
        assertEquals(expected.keySet(), actual.keySet(), label + ": files");
        expected.forEach((path, text) -> assertEquals(text, actual.get(path), label + ": " + path));
    }
}

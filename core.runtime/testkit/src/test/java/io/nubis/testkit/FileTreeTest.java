package io.nubis.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileTreeTest {
    @TempDir
    Path dir;

    @Test
    void everyRegularFileByItsTargetPath() throws Exception {
        Files.createDirectories(dir.resolve("etc/network"));
        Files.writeString(dir.resolve("etc/network/interfaces"), "auto lo\n");
        Files.writeString(dir.resolve("etc/hostname"), "h\n");
        Files.createDirectories(dir.resolve("empty"));
        assertEquals(Map.of("/etc/hostname", "h\n", "/etc/network/interfaces", "auto lo\n"), FileTree.of(dir));
        assertEquals("/etc/hostname", FileTree.of(dir).keySet().iterator().next());
        assertEquals(Map.of(), FileTree.of(dir.resolve("missing")));
    }

    @Test
    void copyReplacesFilesAndKeepsOthers() throws Exception {
        Files.createDirectories(dir.resolve("from/etc"));
        Files.writeString(dir.resolve("from/etc/a"), "new\n");
        Files.createDirectories(dir.resolve("to/etc"));
        Files.writeString(dir.resolve("to/etc/a"), "old\n");
        Files.writeString(dir.resolve("to/etc/b"), "b\n");
        FileTree.copy(dir.resolve("from"), dir.resolve("to"));
        FileTree.copy(dir.resolve("missing"), dir.resolve("to"));
        assertEquals(Map.of("/etc/a", "new\n", "/etc/b", "b\n"), FileTree.of(dir.resolve("to")));
    }

    @Test
    void aDifferenceNamesTheFile() {
        FileTree.assertSame(Map.of("/a", "x\n"), Map.of("/a", "x\n"), "same");
        AssertionError text = assertThrows(AssertionError.class,
                () -> FileTree.assertSame(Map.of("/a", "x\n"), Map.of("/a", "y\n"), "case"));
        assertTrue(text.getMessage().startsWith("case: /a"), text.getMessage());
        AssertionError files = assertThrows(AssertionError.class,
                () -> FileTree.assertSame(Map.of("/a", "x\n"), Map.of("/a", "x\n", "/b", ""), "case"));
        assertTrue(files.getMessage().startsWith("case: files"), files.getMessage());
    }
}

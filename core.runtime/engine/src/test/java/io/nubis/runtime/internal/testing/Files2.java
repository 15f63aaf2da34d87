package io.nubis.runtime.internal.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes fixture files under a temporary target root. */
public final class Files2 {
    private Files2() {
    }

    /** Writes {@code content} to {@code root + path}, creating parent directories. */
    public static Path write(Path root, String path, String content) throws IOException {
        Path p = root.resolve(path.startsWith("/") ? path.substring(1) : path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }

    /** Reads {@code root + path} as UTF-8. */
    public static String read(Path root, String path) throws IOException {
        return Files.readString(root.resolve(path.startsWith("/") ? path.substring(1) : path), StandardCharsets.UTF_8);
    }
}

package io.nubis.conformance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * One case of the corpus: a directory holding the NoCloud seed files {@code user-data},
 * {@code meta-data}, optionally {@code vendor-data} and other files the user-data refers to
 * (copied into the seed directory too), a one-line {@code description} and optionally
 * {@code expected} (notes on what the reference does, for the reader).
 */
record CorpusCase(String name, Path dir, String description) {
    static final List<String> NOT_SEED = List.of("description", "expected");

    static List<CorpusCase> load(Path corpus) throws IOException {
        List<CorpusCase> cases = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(corpus)) {
            for (Path d : dirs.filter(Files::isDirectory).sorted().toList()) {
                Path desc = d.resolve("description");
                if (!Files.isRegularFile(d.resolve("user-data")) || !Files.isRegularFile(d.resolve("meta-data"))
                        || !Files.isRegularFile(desc)) {
                    throw new IOException("corpus case " + d + " needs user-data, meta-data and description");
                }
                String line = Files.readString(desc, StandardCharsets.UTF_8).strip();
                if (line.isEmpty() || line.contains("\n")) {
                    throw new IOException("corpus case " + d + ": description must be one line");
                }
                cases.add(new CorpusCase(d.getFileName().toString(), d, line));
            }
        }
        return cases;
    }

    /** Copies the seed files into a NoCloud seed directory (created, emptied first). */
    void seedInto(Path seedDir) throws IOException {
        Files.createDirectories(seedDir);
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String name = f.getFileName().toString();
                if (!NOT_SEED.contains(name)) {
                    Files.copy(f, seedDir.resolve(name), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}

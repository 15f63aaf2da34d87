package io.nubis.conformance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * One case of the network corpus ({@code net-corpus/<case>/}): the input, either
 * {@code network-config} (YAML, version 1 or 2, read with {@code -k yaml}) or
 * {@code network_data.json} (OpenStack, {@code -k network_data.json}); a one-line
 * {@code description}; optionally {@code macs}, lines {@code name,mac} given to both sides as
 * {@code -m name,mac} (the interfaces "present" on the machine).
 */
record NetCorpusCase(String name, Path dir, String description, Path input, String inputKind, List<String> macs) {
    static final String YAML_INPUT = "network-config";
    static final String JSON_INPUT = "network_data.json";
    static final Set<String> FILES = Set.of(YAML_INPUT, JSON_INPUT, "description", "macs");
    /** Case names go into shell scripts and paths unquoted by the reader: keep them plain. */
    private static final Pattern NAME = Pattern.compile("\\d{2}-[a-z0-9][a-z0-9.+-]*");
    /** The reference matches MACs from {@code -m} against lower-cased link MACs: write them so. */
    private static final Pattern MAC_LINE = Pattern.compile("[A-Za-z0-9_.-]+,([0-9a-f]{2}:){5}[0-9a-f]{2}");

    static List<NetCorpusCase> load(Path corpus) throws IOException {
        List<NetCorpusCase> cases = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(corpus)) {
            for (Path d : dirs.filter(Files::isDirectory).sorted().toList()) {
                cases.add(read(d));
            }
        }
        return cases;
    }

    static NetCorpusCase read(Path d) throws IOException {
        String name = d.getFileName().toString();
        if (!NAME.matcher(name).matches()) {
            throw new IOException("network corpus case " + d + ": name must be NN-lowercase-words");
        }
        try (Stream<Path> files = Files.list(d)) {
            for (Path f : files.toList()) {
                if (!FILES.contains(f.getFileName().toString())) {
                    throw new IOException("network corpus case " + d + ": unexpected file " + f.getFileName()
                            + " (allowed: " + FILES + ")");
                }
            }
        }
        boolean yaml = Files.isRegularFile(d.resolve(YAML_INPUT));
        boolean json = Files.isRegularFile(d.resolve(JSON_INPUT));
        if (yaml == json) {
            throw new IOException("network corpus case " + d + ": needs exactly one of " + YAML_INPUT + ", " + JSON_INPUT);
        }
        Path input = d.resolve(yaml ? YAML_INPUT : JSON_INPUT);
        Object doc;
        try {
            // YAML 1.1 reads JSON too
            doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(input, StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            throw new IOException("network corpus case " + d + ": " + input.getFileName() + " does not parse: " + e.getMessage(), e);
        }
        if (!(doc instanceof java.util.Map<?, ?>)) {
            throw new IOException("network corpus case " + d + ": " + input.getFileName() + " is not a mapping");
        }
        Path desc = d.resolve("description");
        String line = Files.isRegularFile(desc) ? Files.readString(desc, StandardCharsets.UTF_8).strip() : "";
        if (line.isEmpty() || line.contains("\n")) {
            throw new IOException("network corpus case " + d + ": needs a one-line description");
        }
        List<String> macs = new ArrayList<>();
        Path macFile = d.resolve("macs");
        if (Files.isRegularFile(macFile)) {
            for (String l : Files.readAllLines(macFile, StandardCharsets.UTF_8)) {
                if (l.isBlank()) {
                    continue;
                }
                if (!MAC_LINE.matcher(l.strip()).matches()) {
                    throw new IOException("network corpus case " + d + ": macs line '" + l + "' is not name,mac (lower case)");
                }
                macs.add(l.strip());
            }
        }
        return new NetCorpusCase(name, d, line, input, yaml ? "yaml" : JSON_INPUT, List.copyOf(macs));
    }

    /** The arguments after {@code net-convert}, the same for both implementations. */
    List<String> convertArgs(String inputPath, String outDir, NetKind kind) {
        List<String> args = new ArrayList<>(List.of("-p", inputPath, "-k", inputKind, "-d", outDir,
                "-D", kind.distro(), "-O", kind.id()));
        for (String m : macs) {
            args.add("-m");
            args.add(m);
        }
        return args;
    }
}

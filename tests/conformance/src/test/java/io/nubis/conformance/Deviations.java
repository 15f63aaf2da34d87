package io.nubis.conformance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The intentional deviations of {@code corpus/deviations.yaml}: a list of
 * {@code {case, check: cloud-config|schema, file, path, reason, doc}}. A cloud-config deviation
 * removes {@code path} (dotted; empty = the whole document) of {@code file} (default
 * {@code cloud-config.txt}) from both sides before comparing; a schema
 * deviation accepts a different verdict. {@code case: "*"} applies to every case. Every entry must
 * give a reason and a {@code docs/compatibility/*.md} file that exists.
 */
record Deviations(List<Deviation> all) {
    record Deviation(String caseName, String check, String file, String path, String reason, String doc) {
        boolean appliesTo(String name, String what) {
            return check.equals(what) && (caseName.equals("*") || caseName.equals(name));
        }

        @Override
        public String toString() {
            return caseName + " [" + check + (check.equals("schema") ? "" : " " + file + (path.isEmpty() ? "" : ":" + path)) + "]: " + reason + " (" + doc + ")";
        }
    }

    static Deviations load(Path file, Path repo) throws IOException {
        if (!Files.isRegularFile(file)) {
            return new Deviations(List.of());
        }
        Object data = new Yaml(new SafeConstructor(new LoaderOptions()))
                .load(Files.readString(file, StandardCharsets.UTF_8));
        List<Deviation> out = new ArrayList<>();
        if (data == null) {
            return new Deviations(out);
        }
        if (!(data instanceof List<?> list)) {
            throw new IOException(file + ": must be a list of deviations");
        }
        int i = 0;
        for (Object o : list) {
            if (!(o instanceof Map<?, ?> m)) {
                throw new IOException(file + ": item " + i + " is not a mapping");
            }
            String c = str(m, "case", file, i);
            String check = str(m, "check", file, i);
            if (!check.equals("cloud-config") && !check.equals("schema")) {
                throw new IOException(file + ": item " + i + ": check must be cloud-config or schema, got " + check);
            }
            String f = m.get("file") == null ? "cloud-config.txt" : String.valueOf(m.get("file"));
            if (!Outcome.FILES.contains(f)) {
                throw new IOException(file + ": item " + i + ": file must be one of " + Outcome.FILES + ", got " + f);
            }
            String path = m.get("path") == null ? "" : String.valueOf(m.get("path"));
            String reason = str(m, "reason", file, i);
            String doc = str(m, "doc", file, i);
            String docFile = doc.contains("#") ? doc.substring(0, doc.indexOf('#')) : doc;
            if (!docFile.startsWith("docs/compatibility/") || !docFile.endsWith(".md")
                    || !Files.isRegularFile(repo.resolve(docFile))) {
                throw new IOException(file + ": item " + i + ": doc must name an existing docs/compatibility/*.md, got " + doc);
            }
            out.add(new Deviation(c, check, f, path, reason, doc));
            i++;
        }
        return new Deviations(out);
    }

    private static String str(Map<?, ?> m, String key, Path file, int i) throws IOException {
        Object v = m.get(key);
        if (v == null || String.valueOf(v).isBlank()) {
            throw new IOException(file + ": item " + i + " needs '" + key + "'");
        }
        return String.valueOf(v).strip();
    }

    List<Deviation> matching(String caseName, String check) {
        return all.stream().filter(d -> d.appliesTo(caseName, check)).toList();
    }
}

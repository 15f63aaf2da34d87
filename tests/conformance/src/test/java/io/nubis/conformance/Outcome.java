package io.nubis.conformance;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one implementation made of one case: its merged cloud-config files (parsed, by file name
 * in the instance directory), its schema verdict ({@code null}: not checked) and a diagnostic
 * excerpt for failure messages.
 */
record Outcome(Map<String, Object> files, Integer schemaRc, String diagnostics) {
    /** The instance files compared: user-data's and vendor-data's merged cloud-config. */
    static final List<String> FILES = List.of("cloud-config.txt", "vendor-cloud-config.txt");

    static Map<String, Object> readFiles(Path root) throws IOException {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String f : FILES) {
            out.put(f, CloudConfigDoc.read(RootPaths.resolve(root, "/var/lib/cloud/instance/" + f)));
        }
        return out;
    }
}

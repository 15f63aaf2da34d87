package io.nubis.cc.hostname.internal;

import java.io.IOException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.nubis.api.module.ModuleContext;
import io.nubis.api.target.FileAttributes;

/**
 * {@code <cloud_dir>/data/set-hostname}: the names {@code set_hostname} last set, as the
 * reference writes it ({@code json.dumps(indent=1, sort_keys=True)} and a newline).
 */
final class SetHostnameRecord {
    private static final Pattern FIELD = Pattern.compile("\"(hostname|fqdn)\"\\s*:\\s*(null|\"((?:[^\"\\\\]|\\\\.)*)\")");

    private SetHostnameRecord() {
    }

    /** The recorded {hostname, fqdn}; nulls when absent or unreadable. */
    static String[] read(ModuleContext ctx, String path) throws IOException {
        String[] out = new String[2];
        Optional<String> text = ctx.target().readString(path);
        if (text.isEmpty()) {
            return out;
        }
        Matcher m = FIELD.matcher(text.get());
        while (m.find()) {
            String v = m.group(3) == null ? null : m.group(3).replace("\\\"", "\"").replace("\\\\", "\\");
            out[m.group(1).equals("hostname") ? 0 : 1] = v;
        }
        return out;
    }

    static String json(String hostname, String fqdn) {
        return "{\n \"fqdn\": " + str(fqdn) + ",\n \"hostname\": " + str(hostname) + "\n}\n";
    }

    static void write(ModuleContext ctx, String path, String hostname, String fqdn) throws IOException {
        ctx.target().writeString(path, json(hostname, fqdn), FileAttributes.PUBLIC);
    }

    private static String str(String s) {
        return s == null ? "null" : "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}

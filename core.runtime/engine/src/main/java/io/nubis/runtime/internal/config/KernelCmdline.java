package io.nubis.runtime.internal.config;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the kernel command line tells cloud-init: cloud-config between {@code cc:} and
 * {@code end_cc}, the datasource ({@code ds=}), the network config ({@code network-config=}) and
 * {@code cloud-init=disabled}. Parsing only; nothing here reads YAML.
 */
public final class KernelCmdline {
    /** Environment variable that replaces {@code /proc/cmdline}, as in the reference. */
    public static final String DEBUG_ENV = "DEBUG_PROC_CMDLINE";

    private static final Map<String, String> LONG_KEYS =
            Map.of("s", "seedfrom", "h", "local-hostname", "i", "instance-id");
    private static final List<String> DS_KEYS = List.of("ds", "ci.ds", "ci.datasource");

    private final String raw;
    private final List<String> tokens;

    private KernelCmdline(String raw) {
        this.raw = raw == null ? "" : raw.strip();
        this.tokens = this.raw.isEmpty() ? List.of() : Arrays.asList(this.raw.split("\\s+"));
    }

    /** Parses command line text. */
    public static KernelCmdline parse(String text) {
        return new KernelCmdline(text);
    }

    /** No command line at all (image builds). */
    public static KernelCmdline none() {
        return new KernelCmdline("");
    }

    /**
     * The host's command line: {@value #DEBUG_ENV} if set, else the file (normally
     * {@code /proc/cmdline}); a missing or unreadable file is an empty command line.
     */
    public static KernelCmdline fromHost(Map<String, String> env, Path procCmdline) {
        String debug = env.get(DEBUG_ENV);
        if (debug != null) {
            return parse(debug);
        }
        try {
            return parse(new String(Files.readAllBytes(procCmdline), StandardCharsets.UTF_8).replace('\0', ' '));
        } catch (IOException e) {
            return none();
        }
    }

    /** The command line, trimmed. */
    public String raw() {
        return raw;
    }

    /** Whitespace-separated words. */
    public List<String> tokens() {
        return tokens;
    }

    /** True if {@code cloud-init=disabled} is given. */
    public boolean disablesCloudInit() {
        return tokens.contains("cloud-init=disabled");
    }

    /**
     * The cloud-config given with {@code cc: ... end_cc}: each section (up to {@code end_cc} or the
     * end of the line) is left-trimmed, URL-decoded ({@code %XX}), has the two characters
     * {@code \n} turned into a newline, and the sections are joined with newlines. Empty if none.
     */
    public Optional<String> cloudConfigText() {
        String line = " " + raw;
        String begin = " cc:";
        String end = "end_cc";
        List<String> sections = new ArrayList<>();
        int b = line.indexOf(begin);
        while (b >= 0) {
            int e = line.indexOf(end, b + begin.length());
            if (e < 0) {
                e = line.length();
            }
            sections.add(unquote(line.substring(b + begin.length(), e).stripLeading()).replace("\\n", "\n"));
            b = line.indexOf(begin, e + end.length());
        }
        return sections.isEmpty() ? Optional.empty() : Optional.of(String.join("\n", sections));
    }

    /**
     * The datasource named by {@code ds=} (else the deprecated {@code ci.ds=}, else
     * {@code ci.datasource=}), with its {@code ;key=value} settings. The first word of each kind counts.
     */
    public Optional<DatasourceArg> datasource() {
        for (String key : DS_KEYS) {
            Pattern p = Pattern.compile("^" + Pattern.quote(key) + "=([^\\s;]+)(.*)$");
            for (String tok : tokens) {
                Matcher m = p.matcher(tok);
                if (m.matches()) {
                    return Optional.of(new DatasourceArg(key, m.group(1), settings(m.group(2))));
                }
            }
        }
        return Optional.empty();
    }

    private static Map<String, String> settings(String rest) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String item : rest.split(";", -1)) {
            if (item.isEmpty()) {
                continue;
            }
            int eq = item.indexOf('=');
            String k = eq < 0 ? item : item.substring(0, eq);
            String v = eq < 0 ? null : item.substring(eq + 1);
            out.put(LONG_KEYS.getOrDefault(k, k), v);
        }
        return out;
    }

    /** The value of the last {@code network-config=} word, if it is not empty. */
    public Optional<String> networkConfigValue() {
        String found = null;
        for (String tok : tokens) {
            if (tok.startsWith("network-config=")) {
                found = tok.substring("network-config=".length());
            }
        }
        return found == null || found.isEmpty() ? Optional.empty() : Optional.of(found);
    }

    /** Python's {@code urllib.parse.unquote}: {@code %XX} byte sequences as UTF-8, anything else kept. */
    static String unquote(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < s.length()) {
                int hi = Character.digit(s.charAt(i + 1), 16);
                int lo = Character.digit(s.charAt(i + 2), 16);
                if (hi >= 0 && lo >= 0) {
                    bytes.write(hi * 16 + lo);
                    i += 3;
                    continue;
                }
            }
            if (bytes.size() > 0) {
                out.append(new String(bytes.toByteArray(), StandardCharsets.UTF_8));
                bytes.reset();
            }
            out.append(c);
            i++;
        }
        if (bytes.size() > 0) {
            out.append(new String(bytes.toByteArray(), StandardCharsets.UTF_8));
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return raw;
    }
}

package io.nubis.runtime.internal.config;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import io.nubis.api.target.TargetRoot;
import io.nubis.runtime.internal.merge.ConfigMerge;
import io.nubis.runtime.internal.merge.ConfigSource;
import io.nubis.runtime.internal.merge.MergedConfig;
import io.nubis.runtime.internal.pyjson.PyOrder;
import io.nubis.runtime.internal.yaml.Yaml;
import io.nubis.runtime.internal.yaml.YamlException;
import io.nubis.runtime.internal.yaml.YamlLimits;

/**
 * Loads the system config the way cloud-init's {@code fetch_base_config} does, highest priority
 * first:
 * <ol>
 * <li>the kernel command line's {@code cc: ... end_cc},</li>
 * <li>the runtime {@code <run dir>/cloud.cfg} (written by ds-identify),</li>
 * <li>{@code cloud.cfg.d/*.cfg} (a later file in lexical order wins over an earlier one) over
 * {@code cloud.cfg}; {@code conf_d} in {@code cloud.cfg} names another drop-in directory, or none
 * when empty or null,</li>
 * <li>the distro's built-in defaults.</li>
 * </ol>
 * Each level is merged as {@code util.mergemanydict}: {@code dict(no_replace)} unless a file
 * names its own {@code merge_how}; the drop-ins are first merged among themselves, then over
 * {@code cloud.cfg}, then that result takes its place among the others. A file that cannot be read
 * or parsed, or whose top level is not a mapping, is recorded as a {@link Finding} (with line and
 * column for YAML errors) and skipped; the others still merge. {@code cloud.cfg} and the drop-ins
 * may start with {@code ## template: jinja} and are then rendered by the {@link ConfigTemplate} if
 * one is given. All reads go through the {@link TargetRoot}.
 */
public final class SystemConfigLoader {
    /** Provenance label of the kernel command line's cloud-config. */
    public static final String CMDLINE_LABEL = "kernel command line (cc:)";
    /** Source label of the kernel command line's network config. */
    public static final String NETWORK_LABEL = "kernel command line (network-config=)";

    private static final Pattern JINJA = Pattern.compile("^##\\s*template:\\s*jinja\\s*$", Pattern.CASE_INSENSITIVE);

    private final TargetRoot target;
    private final ConfigLayout layout;
    private String defaultsLabel = "built-in defaults";
    private String defaultsText;
    private KernelCmdline cmdline = KernelCmdline.none();
    private ConfigTemplate template;
    private YamlLimits limits = YamlLimits.DEFAULT;

    /**
     * @param target where the files are read
     * @param layout config and run directories ({@link ConfigLayout#LINUX}, {@link ConfigLayout#FREEBSD})
     */
    public SystemConfigLoader(TargetRoot target, ConfigLayout layout) {
        this.target = Objects.requireNonNull(target, "target");
        this.layout = Objects.requireNonNull(layout, "layout");
    }

    /** The distro profile's built-in defaults, as YAML text, and the label they are reported under. */
    public SystemConfigLoader defaults(String label, String yamlText) {
        this.defaultsLabel = Objects.requireNonNull(label, "label");
        this.defaultsText = yamlText;
        return this;
    }

    /** The kernel command line (default: none, as for image builds). */
    public SystemConfigLoader kernelCmdline(KernelCmdline line) {
        this.cmdline = Objects.requireNonNull(line, "cmdline");
        return this;
    }

    /** Renders {@code ## template: jinja} files; without it they are read unrendered. */
    public SystemConfigLoader template(ConfigTemplate renderer) {
        this.template = renderer;
        return this;
    }

    /** YAML limits; the largest file read is {@code maxCodePoints} bytes. */
    public SystemConfigLoader limits(YamlLimits yamlLimits) {
        this.limits = Objects.requireNonNull(yamlLimits, "limits");
        return this;
    }

    /** Reads and merges everything. Never throws for bad input: problems become findings. */
    public SystemConfig load() {
        List<Finding> findings = new ArrayList<>();
        List<String> skipped = new ArrayList<>();

        // cloud.cfg and its drop-ins: mergemanydict([mergemanydict(drop-ins, later first), cloud.cfg])
        String cloudCfgPath = layout.cloudCfg();
        Map<String, Object> cloudCfg = readConfigFile(cloudCfgPath, true, findings);
        List<ConfigSource> dropIns = new ArrayList<>();
        String dropInDir = dropInDir(cloudCfg, cloudCfgPath, findings);
        if (dropInDir != null) {
            List<String> names = dropInNames(dropInDir, findings);
            for (int i = names.size() - 1; i >= 0; i--) {
                String path = ConfigLayout.join(dropInDir, names.get(i));
                Map<String, Object> data = readConfigFile(path, true, findings);
                if (data != null) {
                    dropIns.add(ConfigSource.of(path, data));
                }
            }
        }
        MergedConfig dropInsMerged = ConfigMerge.mergeMany(dropIns, e -> {
            skipped.add(e.source());
            findings.add(Finding.of(e, "file skipped"));
        });
        List<ConfigSource> files = new ArrayList<>();
        files.add(dropInsMerged.asSource(dropInDir == null ? layout.cloudCfgD() : dropInDir));
        if (cloudCfg != null) {
            files.add(ConfigSource.of(cloudCfgPath, cloudCfg));
        }
        MergedConfig fileConfig = ConfigMerge.mergeMany(files, e -> {
            skipped.add(e.source());
            findings.add(Finding.of(e, "file skipped"));
        });

        // the base: mergemanydict([cmdline, runtime, files, built-in defaults])
        List<ConfigSource> base = new ArrayList<>();
        Map<String, Object> cc = cmdlineConfig(findings);
        if (cc != null) {
            base.add(ConfigSource.of(CMDLINE_LABEL, cc));
        }
        Map<String, Object> runtime = readConfigFile(layout.runtimeCfg(), false, findings);
        if (runtime != null) {
            base.add(ConfigSource.of(layout.runtimeCfg(), runtime));
        }
        base.add(fileConfig.asSource(layout.configDir()));
        Map<String, Object> defaults = defaultsConfig(findings);
        if (defaults != null) {
            base.add(ConfigSource.of(defaultsLabel, defaults));
        }
        MergedConfig merged = ConfigMerge.mergeMany(base, e -> {
            skipped.add(e.source());
            findings.add(Finding.of(e, "input skipped"));
        });

        List<String> used = new ArrayList<>();
        List<ConfigSource> inOrder = new ArrayList<>();
        if (cc != null) {
            inOrder.add(ConfigSource.of(CMDLINE_LABEL, cc));
        }
        if (runtime != null) {
            inOrder.add(ConfigSource.of(layout.runtimeCfg(), runtime));
        }
        inOrder.addAll(dropIns);
        if (cloudCfg != null) {
            inOrder.add(ConfigSource.of(cloudCfgPath, cloudCfg));
        }
        if (defaults != null) {
            inOrder.add(ConfigSource.of(defaultsLabel, defaults));
        }
        for (ConfigSource s : inOrder) {
            if (!s.data().isEmpty() && !skipped.contains(s.label())) {
                used.add(s.label());
            }
        }
        return new SystemConfig(merged, findings, used, cmdline, networkConfig(findings));
    }

    /** The drop-in directory: {@code conf_d} from cloud.cfg if given, else {@code cloud.cfg.d}; null for none. */
    private String dropInDir(Map<String, Object> cloudCfg, String cloudCfgPath, List<Finding> findings) {
        String dir = layout.cloudCfgD();
        if (cloudCfg != null && cloudCfg.containsKey("conf_d")) {
            Object v = cloudCfg.get("conf_d");
            if (falsy(v) || (v instanceof String blank && blank.isBlank())) {
                return null;
            }
            if (v instanceof String s && !s.isBlank()) {
                String d = s.strip();
                // the reference resolves a relative directory against the working directory, "/" at boot
                dir = d.startsWith("/") ? d : "/" + d;
            } else {
                findings.add(new Finding(Finding.Severity.WARNING, cloudCfgPath, 0, 0,
                        "conf_d: expected a directory path, got " + typeName(v) + "; using " + dir));
            }
        }
        return target.isDirectory(dir) ? dir : null;
    }

    /** Names of {@code *.cfg} regular files in a directory, in code point order. */
    private List<String> dropInNames(String dir, List<Finding> findings) {
        List<String> names = new ArrayList<>();
        try {
            for (String name : target.list(dir)) {
                String path = ConfigLayout.join(dir, name);
                if (name.endsWith(".cfg") && target.exists(path) && !target.isDirectory(path)) {
                    names.add(name);
                }
            }
        } catch (IOException e) {
            findings.add(Finding.error(dir, "cannot list directory: " + message(e) + "; drop-in files skipped"));
        }
        names.sort(PyOrder.CODE_POINTS);
        return names;
    }

    /**
     * A config file as a mapping: null if absent or skipped (with a finding), an empty mapping for
     * an empty file. Only cloud.cfg and its drop-ins may be templates, as in the reference.
     */
    private Map<String, Object> readConfigFile(String path, boolean templated, List<Finding> findings) {
        if (!target.exists(path)) {
            return null;
        }
        if (target.isDirectory(path)) {
            findings.add(Finding.error(path, "is a directory, not a config file; skipped"));
            return null;
        }
        String text;
        try {
            Path host = target.resolve(path);
            long size = Files.size(host);
            if (size > limits.maxCodePoints()) {
                findings.add(Finding.error(path, "file is " + size + " bytes, more than the limit of "
                        + limits.maxCodePoints() + "; skipped"));
                return null;
            }
            text = utf8(target.read(path));
        } catch (CharacterCodingException e) {
            findings.add(Finding.error(path, "not valid UTF-8; skipped"));
            return null;
        } catch (IOException e) {
            findings.add(Finding.error(path, "cannot read: " + message(e) + "; skipped"));
            return null;
        }
        if (templated && template != null && isJinja(text)) {
            try {
                text = template.render(text, path);
            } catch (Exception e) {
                findings.add(Finding.error(path, "template cannot be rendered: " + message(e) + "; skipped"));
                return null;
            }
        }
        return parse(text, path, findings, "file skipped");
    }

    private Map<String, Object> parse(String text, String source, List<Finding> findings, String consequence) {
        try {
            return Yaml.loadMapping(text, source, limits);
        } catch (YamlException e) {
            findings.add(Finding.of(e, consequence));
            return null;
        }
    }

    private Map<String, Object> cmdlineConfig(List<Finding> findings) {
        Optional<String> text = cmdline.cloudConfigText();
        return text.isEmpty() ? null : parse(text.get(), CMDLINE_LABEL, findings, "cc: ignored");
    }

    private Map<String, Object> defaultsConfig(List<Finding> findings) {
        return defaultsText == null ? null : parse(defaultsText, defaultsLabel, findings, "defaults ignored");
    }

    /**
     * {@code network-config=}: {@code disabled}, or base64 of YAML that may be gzipped. The reference
     * decodes base64 leniently (characters outside the alphabet are dropped), as here.
     */
    private Optional<Map<String, Object>> networkConfig(List<Finding> findings) {
        Optional<String> value = cmdline.networkConfigValue();
        if (value.isEmpty()) {
            return Optional.empty();
        }
        if ("disabled".equals(value.get())) {
            Map<String, Object> off = new LinkedHashMap<>();
            off.put("config", "disabled");
            return Optional.of(off);
        }
        byte[] raw;
        try {
            raw = Base64.getMimeDecoder().decode(value.get());
        } catch (IllegalArgumentException e) {
            findings.add(Finding.error(NETWORK_LABEL, "not valid base64 (" + e.getMessage() + "); ignored"));
            return Optional.empty();
        }
        String text;
        try {
            text = utf8(gunzipIfGzip(raw));
        } catch (CharacterCodingException e) {
            findings.add(Finding.error(NETWORK_LABEL, "decoded data is not UTF-8 text; ignored"));
            return Optional.empty();
        } catch (IOException e) {
            findings.add(Finding.error(NETWORK_LABEL, message(e) + "; ignored"));
            return Optional.empty();
        }
        if (text.isBlank()) {
            findings.add(Finding.warning(NETWORK_LABEL, "decodes to nothing; ignored"));
            return Optional.empty();
        }
        return Optional.ofNullable(parse(text, NETWORK_LABEL, findings, "ignored"));
    }

    private byte[] gunzipIfGzip(byte[] data) throws IOException {
        if (data.length < 2 || (data[0] & 0xff) != 0x1f || (data[1] & 0xff) != 0x8b) {
            return data;
        }
        int max = limits.maxCodePoints();
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(data))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[8192];
            int n;
            while ((n = in.read(buf)) > 0) {
                if (out.size() + n > max) {
                    throw new IOException("gzip data expands beyond " + max + " bytes");
                }
                out.write(buf, 0, n);
            }
            return out.toByteArray();
        } catch (IOException e) {
            if (e.getMessage() != null && e.getMessage().startsWith("gzip data expands")) {
                throw e;
            }
            // like the reference: data that only looks gzipped is taken as it is
            return data;
        }
    }

    private static String utf8(byte[] bytes) throws CharacterCodingException {
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes))
                .toString();
    }

    private static boolean isJinja(String text) {
        int nl = text.indexOf('\n');
        String first = (nl < 0 ? text : text.substring(0, nl)).strip();
        return JINJA.matcher(first).matches();
    }

    /** Python truthiness: None, False, 0, "" and empty collections are false. */
    private static boolean falsy(Object v) {
        return v == null || Boolean.FALSE.equals(v) || (v instanceof Number n && n.doubleValue() == 0)
                || (v instanceof String s && s.isEmpty()) || (v instanceof Map<?, ?> m && m.isEmpty())
                || (v instanceof List<?> l && l.isEmpty());
    }

    private static String message(Exception e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }

    private static String typeName(Object v) {
        if (v instanceof Map) {
            return "a mapping";
        }
        if (v instanceof List) {
            return "a list";
        }
        if (v instanceof Boolean) {
            return "a boolean";
        }
        if (v instanceof Number) {
            return "a number";
        }
        return String.valueOf(v);
    }
}

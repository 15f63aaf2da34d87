package io.nubis.runtime.internal.schema;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.nubis.api.target.TargetRoot;
import io.nubis.runtime.internal.cli.ConsoleLog;
import io.nubis.runtime.internal.pyjson.JsonException;
import io.nubis.runtime.internal.pyjson.JsonReader;
import io.nubis.runtime.internal.query.JinjaVars;
import io.nubis.runtime.internal.query.ServiceTemplates;
import io.nubis.runtime.internal.query.TemplateRendering;
import io.nubis.runtime.internal.status.ToolPaths;
import io.nubis.runtime.internal.yaml.Yaml;
import io.nubis.runtime.internal.yaml.YamlException;

/**
 * {@code cloud-init schema -c FILE [-t TYPE] [--annotate]} and {@code schema --system}: validates
 * cloud-config or network-config files and prints the reference's output: {@code Valid schema X};
 * or {@code Invalid TYPE X} with {@code Error: Cloud config schema errors: ...} on stderr and exit
 * 1; deprecations printed apart and never failing; {@code --annotate} prints the document with
 * {@code # E1}/{@code # D1} markers and footers. Jinja user-data is rendered first; user-data that
 * is not cloud-config (a script...) and empty files are skipped with a notice.
 */
public final class SchemaTool {
    /** Comment the user-data processing leaves in cloud-config.txt for a part it had to drop. */
    static final String MERGED_PART_SCHEMA_ERROR_PREFIX = "# Cloud-config part ignored SCHEMA_ERROR: ";

    /**
     * The options.
     *
     * @param configFile   host path of the file to validate, or null with {@code system}
     * @param system       validate the instance's user-data, vendor-data and network-config
     * @param schemaType   {@code cloud-config} or {@code network-config} for {@code configFile}, or null
     * @param instanceData host path of the instance data for Jinja user-data, or null for the default
     * @param annotate     print the document with markers
     */
    public record Request(String configFile, boolean system, String schemaType, String instanceData,
            boolean annotate) {
    }

    private final TargetRoot target;
    private final ToolPaths paths;
    private final boolean root;
    private final Supplier<SchemaValidator> validator;
    private final Supplier<Optional<TemplateRendering>> templates;
    private final PrintStream out;
    private final PrintStream err;
    private final ConsoleLog log;

    public SchemaTool(TargetRoot target, ToolPaths paths, boolean root, Supplier<SchemaValidator> validator,
            Supplier<Optional<TemplateRendering>> templates, PrintStream out, PrintStream err) {
        this.target = target;
        this.paths = paths;
        this.root = root;
        this.validator = validator;
        this.templates = templates;
        this.out = out;
        this.err = err;
        this.log = new ConsoleLog(err, "schema.py");
    }

    /** A config to validate: its kind as printed, the schema to use, where it is, how to read it. */
    private record Config(String kind, SchemaType type, String shown, Path host, String targetPath) {
    }

    /** Runs; returns the exit code. */
    public int run(Request req) {
        try {
            return validateAll(req);
        } catch (Fatal e) {
            err.println(e.getMessage());
            err.flush();
            return 1;
        }
    }

    private int validateAll(Request req) throws Fatal {
        if ((req.configFile() == null) == !req.system()) {
            throw new Fatal("Error:\nExpected one of --config-file or --system arguments");
        }
        if (req.system() && req.schemaType() != null) {
            out.println("WARNING: The --schema-type parameter is inapplicable when either --system or --docs present");
        }
        String instanceData = req.instanceData();
        List<Config> configs = new ArrayList<>();
        if (req.configFile() != null) {
            boolean network = "network-config".equals(req.schemaType());
            configs.add(new Config(network ? "network-config" : "user-data",
                    network ? SchemaType.NETWORK_CONFIG : SchemaType.CLOUD_CONFIG, req.configFile(),
                    Path.of(req.configFile()), null));
            if (!Files.exists(Path.of(req.configFile()))) {
                throw new Fatal("Error: Config file " + req.configFile() + " does not exist");
            }
        } else {
            if (!root) {
                throw new Fatal("Error:\nUnable to read system userdata or vendordata as non-root user. Try using sudo.");
            }
            String userData = instancePath("cloud-config.txt");
            try {
                String raw = instancePath("user-data.txt");
                if (target.exists(userData) && Files.size(target.resolve(userData)) == 0 && target.exists(raw)
                        && Files.size(target.resolve(raw)) > 0) {
                    userData = raw;
                }
            } catch (IOException e) {
                // reported below when the file is read
            }
            configs.add(new Config("user-data", SchemaType.CLOUD_CONFIG, userData, null, userData));
            String[][] more = {{"vendor-data", "vendor-cloud-config.txt"}, {"vendor2-data", "vendor2-cloud-config.txt"},
                {"network-config", "network-config.json"}};
            for (String[] m : more) {
                String p = instancePath(m[1]);
                if (target.exists(p)) {
                    configs.add(new Config(m[0], m[0].equals("network-config") ? SchemaType.NETWORK_CONFIG
                            : SchemaType.CLOUD_CONFIG, p, null, p));
                }
            }
            if (!target.exists(userData)) {
                throw new Fatal("Error: Config file " + userData + " does not exist");
            }
        }
        String prefix = "";
        boolean multi = configs.size() > 1;
        if (multi) {
            List<String> kinds = new ArrayList<>();
            for (Config c : configs) {
                kinds.add(c.kind());
            }
            out.println("Found cloud-config data types: " + String.join(", ", kinds));
            prefix = "  ";
        }
        List<String> failed = new ArrayList<>();
        int index = 1;
        for (Config c : configs) {
            if (multi) {
                out.println("\n" + index++ + ". " + c.kind() + " at " + c.shown() + ":");
            }
            try {
                if (validateFile(c, req.annotate(), instanceData)) {
                    out.println(prefix + "Valid schema " + (req.configFile() != null ? c.shown() : c.kind()));
                }
            } catch (Invalid e) {
                if (!req.annotate()) {
                    out.println(prefix + "Invalid " + c.kind() + " " + c.shown());
                    out.flush();
                    err.println(prefix + "Error: " + e.report.message() + "\n");
                }
                failed.add(c.kind());
            } catch (Broken e) {
                out.println(prefix + "Invalid " + c.kind());
                out.flush();
                err.println(prefix + "Error: " + e.getMessage() + "\n");
                failed.add(c.kind());
            }
        }
        out.flush();
        if (!failed.isEmpty()) {
            err.println("Error: Invalid schema: " + String.join(", ", failed) + "\n");
            err.flush();
            return 1;
        }
        return 0;
    }

    /** The instance directory path of a file, through the {@code instance} link when there is one. */
    private String instancePath(String name) {
        try {
            Path link = target.resolve(paths.instanceLink());
            Path rootPath = target.root();
            if (link.startsWith(rootPath) && !link.equals(rootPath)) {
                return "/" + rootPath.relativize(link).toString().replace('\\', '/') + "/" + name;
            }
        } catch (IOException | RuntimeException e) {
            // fall back to the link path
        }
        return paths.instance(name);
    }

    /** Validates one file; false if it was skipped (empty, not cloud-config, other network version). */
    private boolean validateFile(Config c, boolean annotate, String instanceData) throws Invalid, Broken, Fatal {
        String content = read(c);
        if (content.isEmpty()) {
            out.println("Empty '" + c.type().id() + "' found at " + c.shown() + ". Nothing to validate.");
            return false;
        }
        String position = "format-l1.c1";
        if (c.type() == SchemaType.CLOUD_CONFIG) {
            String type = UserDataTypes.of(content);
            if ("text/jinja2".equals(type)) {
                content = renderJinja(content, c.shown(), instanceData);
                position = "format-l2.c1";
                type = UserDataTypes.of(content);
            }
            if (type == null) {
                String header = content.split("\n", 2)[0];
                throw new Invalid(new SchemaReport(List.of(new SchemaProblem(position, "Unrecognized user-data header in "
                        + c.shown() + ": \"" + header + "\".\nExpected first line to be one of: "
                        + UserDataTypes.validHeaders())), List.of()));
            }
            if (!type.equals("text/cloud-config")) {
                out.println("User-data type '" + type + "' not currently evaluated by cloud-init schema");
                return false;
            }
        }
        List<SchemaProblem> errors = mergedPartProblems(content);
        Object doc;
        try {
            doc = Yaml.load(content, c.shown());
        } catch (YamlException e) {
            int line = Math.max(1, e.line());
            int col = Math.max(1, e.column());
            errors.add(new SchemaProblem("format-l" + line + ".c" + col, "File " + c.shown() + " is not valid YAML. "
                    + e.problem()));
            SchemaReport r = new SchemaReport(errors, List.of());
            if (annotate) {
                out.println(Annotator.annotate(content, true, Map.of(), r.errors(), List.of()));
            }
            throw new Invalid(r);
        }
        if (!(doc instanceof Map<?, ?> map)) {
            if (!annotate) {
                throw new Broken(c.type().id() + " " + c.shown() + " is not a YAML dict.");
            }
            out.println(Annotator.notAMapping(content));
            throw new Invalid(new SchemaReport(List.of(new SchemaProblem("", "Cloud-config is not a YAML dict.")),
                    List.of()));
        }
        if (c.type() == SchemaType.NETWORK_CONFIG) {
            Object net = map.containsKey("network") ? map.get("network") : map;
            if (net == null || (net instanceof Map<?, ?> nm && nm.isEmpty())) {
                out.println("Skipping network-config schema validation on empty config.");
                return false;
            }
            Object version = net instanceof Map<?, ?> nm ? nm.get("version") : null;
            if (SchemaValidator.networkVersion(map) == 0) {
                out.println("Skipping network-config schema validation. No network schema for version: "
                        + PyRepr.of(version).replace("'", ""));
                return false;
            }
        }
        SchemaReport report;
        try {
            report = validator.get().validate(doc, c.type());
        } catch (SchemaUnavailableException e) {
            out.println("Skipping " + c.type().id() + " schema validation. Jsonschema dependency missing.");
            return false;
        }
        errors.addAll(report.errors());
        SchemaReport all = new SchemaReport(errors, report.deprecations());
        if (annotate) {
            if (all.hasErrors() || !all.deprecations().isEmpty()) {
                out.println(Annotator.annotate(content, true, YamlMarks.of(content), all.errors(), all.deprecations()));
            }
        } else if (!all.deprecations().isEmpty()) {
            out.println(SchemaReport.join(all.deprecations(), "Cloud config schema deprecations: ", ", "));
        }
        if (all.hasErrors()) {
            throw new Invalid(new SchemaReport(all.errors(), List.of()));
        }
        return true;
    }

    private static List<SchemaProblem> mergedPartProblems(String content) {
        List<SchemaProblem> out = new ArrayList<>();
        if (!content.contains(MERGED_PART_SCHEMA_ERROR_PREFIX)) {
            return out;
        }
        String[] lines = content.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].startsWith(MERGED_PART_SCHEMA_ERROR_PREFIX)) {
                out.add(new SchemaProblem("format-l" + (i + 1) + ".c1", lines[i].replace(MERGED_PART_SCHEMA_ERROR_PREFIX,
                        "Ignored invalid user-data: ")));
            }
        }
        return out;
    }

    private String read(Config c) throws Broken {
        byte[] raw;
        try {
            raw = c.host() != null ? Files.readAllBytes(c.host()) : target.read(c.targetPath());
        } catch (AccessDeniedException e) {
            throw new Broken("Cannot read " + c.shown() + ": permission denied");
        } catch (NoSuchFileException e) {
            throw new Broken("Config file " + c.shown() + " does not exist");
        } catch (IOException e) {
            throw new Broken("Cannot read " + c.shown() + ": " + e.getMessage());
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(raw)).toString();
        } catch (CharacterCodingException e) {
            throw new Broken(c.shown() + " is not UTF-8 text (compressed or binary user-data cannot be validated)");
        }
    }

    private String renderJinja(String content, String shown, String instanceDataArg) throws Fatal {
        Map<String, Object> data;
        String dataPath;
        try {
            if (instanceDataArg != null) {
                dataPath = instanceDataArg;
                if (!Files.exists(Path.of(dataPath))) {
                    throw new Fatal("Error:\nCannot render jinja template vars. Instance data not yet present at "
                            + dataPath);
                }
                data = JsonReader.parseObject(Files.readString(Path.of(dataPath)), dataPath);
            } else {
                dataPath = paths.run(root ? "instance-data-sensitive.json" : "instance-data.json");
                if (!target.exists(dataPath)) {
                    throw new Fatal("Error:\nCannot render jinja template vars. Instance data not yet present at "
                            + dataPath);
                }
                data = JsonReader.parseObject(new String(target.read(dataPath), StandardCharsets.UTF_8), dataPath);
            }
        } catch (AccessDeniedException e) {
            throw new Fatal("Error:\nCannot render jinja template vars. No read permission on '" + e.getFile()
                    + "'. Try sudo");
        } catch (IOException | JsonException e) {
            throw new Fatal("Error:\nLoading Jinja instance data failed: " + e.getMessage());
        }
        Optional<TemplateRendering> renderer = templates.get();
        if (renderer.isEmpty()) {
            throw new Fatal("Error:\nFailed to render templated user-data. No Jinja template renderer ("
                    + ServiceTemplates.SERVICE + ") is installed in this assembly");
        }
        String body = content.contains("\n") ? content.substring(content.indexOf('\n') + 1) : "";
        String rendered;
        try {
            rendered = renderer.get().render(body, JinjaVars.convert(data, "", JinjaVars.decodePaths(data), true));
        } catch (Exception e) {
            throw new Fatal("Error:\nFailed to render templated user-data. " + e.getMessage());
        }
        Matcher m = Pattern.compile("CI_MISSING_JINJA_VAR/(\\S+)").matcher(rendered == null ? "" : rendered);
        List<String> missing = new ArrayList<>();
        while (m.find()) {
            missing.add("'" + m.group(1) + "'");
        }
        if (!missing.isEmpty()) {
            log.warning("Could not render jinja template variables in file '" + shown + "': " + String.join(", ", missing));
        }
        return rendered == null ? "" : rendered;
    }

    /** The document is invalid: the problems are printed as the reference does. */
    private static final class Invalid extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient SchemaReport report;

        Invalid(SchemaReport report) {
            super(report.message());
            this.report = report;
        }
    }

    /** The document could not be checked at all (not a mapping, unreadable). */
    private static final class Broken extends Exception {
        private static final long serialVersionUID = 1L;

        Broken(String message) {
            super(message);
        }
    }

    /** Stops everything: the message (with its {@code Error:} prefix) goes to stderr, exit 1. */
    private static final class Fatal extends Exception {
        private static final long serialVersionUID = 1L;

        Fatal(String message) {
            super(message);
        }
    }
}

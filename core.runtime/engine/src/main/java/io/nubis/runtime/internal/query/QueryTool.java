package io.nubis.runtime.internal.query;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
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
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import io.nubis.api.target.TargetRoot;
import io.nubis.runtime.internal.cli.ConsoleLog;
import io.nubis.runtime.internal.pyjson.JsonException;
import io.nubis.runtime.internal.pyjson.JsonReader;
import io.nubis.runtime.internal.pyjson.JsonWriter;
import io.nubis.runtime.internal.status.ToolPaths;

/**
 * {@code cloud-init query}: prints instance data, a value at a dot path (Jinja aliases such as
 * {@code cloud_name} for {@code cloud-name} accepted), the keys at a path, or a rendered Jinja
 * template. Root reads {@code instance-data-sensitive.json} (falling back to the redacted file
 * with a warning) and gets user-data, vendor-data and the combined cloud-config added; other users
 * read the redacted file and get {@code <redacted for non-root user> file:PATH} in their place.
 * Exit 1 when nothing is asked, a key is missing, or a file cannot be read.
 */
public final class QueryTool {
    /** Placeholder the reference puts in sensitive values for non-root users. */
    public static final String REDACTED = "redacted for non-root user";
    /** Largest user-data accepted after gunzip. */
    static final int MAX_USER_DATA = 64 * 1024 * 1024;
    private static final Pattern MISSING = Pattern.compile(Pattern.quote("CI_MISSING_JINJA_VAR/") + "\\S+");

    private final TargetRoot target;
    private final ToolPaths paths;
    private final boolean root;
    private final Supplier<Optional<TemplateRendering>> templates;
    private final PrintStream out;
    private final ConsoleLog log;

    /**
     * @param target    the target root for the default paths
     * @param root      whether the caller is uid 0
     * @param templates finds the Jinja renderer when {@code --format} is used
     */
    public QueryTool(TargetRoot target, ToolPaths paths, boolean root, Supplier<Optional<TemplateRendering>> templates,
            PrintStream out, PrintStream err) {
        this.target = target;
        this.paths = paths;
        this.root = root;
        this.templates = templates;
        this.out = out;
        this.log = new ConsoleLog(err, "query.py");
    }

    /** Runs the query; returns the exit code. The caller prints usage if nothing was asked. */
    public int run(QueryRequest req) {
        if (!req.asksForSomething()) {
            log.error("Expected one of the options: --all, --format, --list-keys or varname");
            return 1;
        }
        Map<String, Object> data;
        try {
            data = readInstanceData(req);
        } catch (QueryException e) {
            log.error(e.getMessage());
            return 1;
        }
        if (req.format() != null && !req.format().isEmpty()) {
            return render(req.format(), data);
        }
        Object response = JinjaVars.convert(data, false);
        if (req.varname() != null && !req.varname().isEmpty()) {
            try {
                response = walk(JinjaVars.convert(data, false), JinjaVars.convert(data, true), req.varname());
            } catch (QueryException e) {
                log.error(e.getMessage());
                return 1;
            }
        }
        if (req.listKeys()) {
            if (!(response instanceof Map<?, ?> m)) {
                log.error("--list-keys provided but '" + req.varname() + "' is not a dict");
                return 1;
            }
            List<String> keys = new ArrayList<>();
            for (Object k : m.keySet()) {
                keys.add(String.valueOf(k));
            }
            response = String.join("\n", new TreeSet<>(keys));
        }
        out.println(response instanceof String s ? s : JsonWriter.ciDumps(response));
        out.flush();
        return 0;
    }

    private int render(String format, Map<String, Object> data) {
        Optional<TemplateRendering> renderer = templates.get();
        if (renderer.isEmpty()) {
            log.error("Failed to render templated data. No Jinja template renderer ("
                    + ServiceTemplates.SERVICE + ") is installed in this assembly");
            return 1;
        }
        Map<String, Object> vars = JinjaVars.convert(data, "", JinjaVars.decodePaths(data), true);
        String rendered;
        try {
            rendered = renderer.get().render(format, vars);
        } catch (Exception e) {
            log.error("Failed to render templated data. " + e.getMessage());
            return 1;
        }
        List<String> missing = new ArrayList<>();
        Matcher m = MISSING.matcher(rendered == null ? "" : rendered);
        while (m.find()) {
            missing.add("'" + m.group().substring("CI_MISSING_JINJA_VAR/".length()) + "'");
        }
        if (!missing.isEmpty()) {
            log.warning("Could not render jinja template variables in file 'query commandline': "
                    + String.join(", ", missing));
        }
        if (rendered == null || rendered.isEmpty()) {
            return 1;
        }
        out.println(rendered);
        out.flush();
        return 0;
    }

    /**
     * Walks the dot path through the aliased variables (so aliases are accepted) and answers with
     * the matching value of the unaliased ones (so aliases are not printed).
     */
    static Object walk(Map<String, Object> plain, Map<String, Object> aliased, String varname) throws QueryException {
        String walked = "";
        Object response = plain;
        Object withAliases = aliased;
        for (String part : varname.split("\\.", -1)) {
            if (!(withAliases instanceof Map<?, ?> wm) || !wm.containsKey(part)) {
                throw new QueryException(walked.isEmpty() ? "Undefined instance-data key '" + varname + "'"
                        : "instance-data '" + walked + "' has no '" + part + "'");
            }
            withAliases = wm.get(part);
            Object next = withAliases;
            if (response instanceof Map<?, ?> rm) {
                if (rm.containsKey(part)) {
                    next = rm.get(part);
                } else {
                    for (Map.Entry<?, ?> e : rm.entrySet()) {
                        if (part.equals(JinjaVars.alias(String.valueOf(e.getKey())))) {
                            next = e.getValue();
                            break;
                        }
                    }
                }
            }
            response = next;
            walked = walked.isEmpty() ? part : walked + "." + part;
        }
        return response;
    }

    private Map<String, Object> readInstanceData(QueryRequest req) throws QueryException {
        String redacted = paths.run("instance-data.json");
        String dataFile;
        Path hostFile;
        if (req.instanceData() != null) {
            dataFile = req.instanceData();
            hostFile = Path.of(dataFile);
        } else if (root) {
            String sensitive = paths.run("instance-data-sensitive.json");
            if (target.exists(sensitive)) {
                dataFile = sensitive;
            } else {
                log.warning("Missing root-readable " + sensitive + ". Using redacted " + redacted + " instead.");
                dataFile = redacted;
            }
            hostFile = null;
        } else {
            dataFile = redacted;
            hostFile = null;
        }
        String userFile = req.userData() != null ? req.userData() : paths.instance("user-data.txt");
        String vendorFile = req.vendorData() != null ? req.vendorData() : paths.instance("vendor-data.txt");
        String combinedFile = paths.run("combined-cloud-config.json");

        byte[] raw;
        try {
            raw = hostFile != null ? Files.readAllBytes(hostFile) : target.read(dataFile);
        } catch (AccessDeniedException e) {
            throw new QueryException("No read permission on '" + dataFile + "'. Try sudo");
        } catch (IOException e) {
            throw new QueryException("Missing instance-data file: " + dataFile);
        }
        Map<String, Object> data;
        try {
            data = JsonReader.parseObject(utf8(raw, dataFile), dataFile);
        } catch (JsonException e) {
            throw new QueryException("Invalid JSON in " + e.getMessage());
        }
        if (!root) {
            data.put("userdata", "<" + REDACTED + "> file:" + userFile);
            data.put("vendordata", "<" + REDACTED + "> file:" + vendorFile);
            data.put("combined_cloud_config", "<" + REDACTED + "> file:" + combinedFile);
            return data;
        }
        data.put("userdata", loadUserData(req.userData(), userFile, "user-data"));
        data.put("vendordata", loadUserData(req.vendorData(), vendorFile, "vendor-data"));
        Object combined = null;
        try {
            if (target.exists(combinedFile)) {
                combined = JsonReader.parse(utf8(target.read(combinedFile), combinedFile), combinedFile);
            }
        } catch (IOException | JsonException e) {
            // the reference ignores an absent or unreadable combined config (not written before init)
            combined = null;
        }
        data.put("combined_cloud_config", combined);
        return data;
    }

    /** User-data or vendor-data as text; gzip is undone; binary data stays bytes (printed as ci-b64). */
    private Object loadUserData(String hostPath, String shownPath, String what) throws QueryException {
        byte[] raw;
        try {
            raw = hostPath != null ? Files.readAllBytes(Path.of(hostPath)) : target.read(shownPath);
        } catch (AccessDeniedException e) {
            throw new QueryException("No read permission on '" + shownPath + "'. Try sudo");
        } catch (NoSuchFileException e) {
            throw new QueryException("Missing " + what + " file: " + shownPath);
        } catch (IOException e) {
            throw new QueryException("Cannot read " + what + " file " + shownPath + ": " + e.getMessage());
        }
        String text = strictUtf8(raw);
        if (text != null) {
            return text;
        }
        if (raw.length > 2 && (raw[0] & 0xff) == 0x1f && (raw[1] & 0xff) == 0x8b) {
            byte[] unzipped = gunzip(raw, shownPath);
            String t = strictUtf8(unzipped);
            return t != null ? t : unzipped;
        }
        return raw;
    }

    private static byte[] gunzip(byte[] raw, String path) throws QueryException {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(raw))) {
            byte[] data = in.readNBytes(MAX_USER_DATA + 1);
            if (data.length > MAX_USER_DATA) {
                throw new QueryException(path + " expands to more than " + MAX_USER_DATA + " bytes");
            }
            return data;
        } catch (IOException e) {
            return raw;
        }
    }

    private static String strictUtf8(byte[] raw) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(raw)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static String utf8(byte[] raw, String path) throws QueryException {
        String s = strictUtf8(raw);
        if (s == null) {
            throw new QueryException(path + " is not UTF-8 text");
        }
        return s;
    }

    /** A query that cannot be answered; the message is printed as the reference does. */
    static final class QueryException extends Exception {
        private static final long serialVersionUID = 1L;

        QueryException(String message) {
            super(message);
        }
    }
}

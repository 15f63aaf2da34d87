package io.nubis.runtime.internal.schema;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.AnnotationKeyword;
import com.networknt.schema.ExecutionContext;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.annotation.JsonNodeAnnotation;

/**
 * The only class that touches the JSON-Schema library (networknt json-schema-validator, draft
 * 2020-12) and Jackson; loaded when a document is validated. It builds the schema, validates, and
 * turns the library's findings into the reference's: Python {@code jsonschema} wording, dotted
 * key paths, failed {@code anyOf}/{@code oneOf} reduced to their deepest errors, and
 * deprecations from {@code deprecated}/{@code changed} keywords (with their {@code *_version} and
 * {@code *_description} siblings) of the schema branches that matched.
 */
final class JsonSchemaEngine {
    static final String DRAFT = "https://json-schema.org/draft/2020-12/schema";
    /** The reference's custom keywords, kept as annotations. */
    private static final List<String> CUSTOM_KEYWORDS = List.of("deprecated", "deprecated_version",
            "deprecated_description", "changed", "changed_version", "changed_description", "new", "new_version",
            "new_description", "label", "hidden");
    private static final Set<String> NOTICE_KEYWORDS = Set.of("deprecated", "changed", "deprecated_version",
            "changed_version");
    /** Keywords after which the evaluation path names an argument ({@code properties/NAME}). */
    private static final Set<String> KEYWORDS_WITH_ARGUMENT = Set.of("properties", "patternProperties",
            "prefixItems", "dependentSchemas", "allOf", "anyOf", "oneOf", "$defs");
    /** Keywords that move into a child of the instance. */
    private static final Set<String> DESCENDING = Set.of("properties", "patternProperties", "additionalProperties",
            "items", "prefixItems", "contains", "unevaluatedProperties", "unevaluatedItems", "additionalItems");

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final JsonNode schemaNode;
    private final JsonSchema schema;

    private JsonSchemaEngine(JsonNode schemaNode) {
        this.schemaNode = schemaNode;
        this.schema = withLibraryLoader(() -> build(schemaNode));
    }

    /**
     * Runs with the library's class loader as context class loader: in OSGi the context loader is
     * the launcher's, where the library would not find its own resources (meta-schemas, messages).
     */
    private static <T> T withLibraryLoader(java.util.function.Supplier<T> action) {
        Thread t = Thread.currentThread();
        ClassLoader saved = t.getContextClassLoader();
        t.setContextClassLoader(JsonSchemaFactory.class.getClassLoader());
        try {
            return action.get();
        } finally {
            t.setContextClassLoader(saved);
        }
    }

    private static JsonSchema build(JsonNode schemaNode) {
        JsonMetaSchema base = JsonMetaSchema.getV202012();
        JsonMetaSchema.Builder mb = JsonMetaSchema.builder(base.getIri(), base);
        for (String k : CUSTOM_KEYWORDS) {
            mb.keyword(new AnnotationKeyword(k));
        }
        mb.unknownKeywordFactory((keyword, ctx) -> new AnnotationKeyword(keyword));
        JsonMetaSchema meta = mb.build();
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
                b -> b.metaSchema(meta));
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true)
                .pathType(PathType.JSON_POINTER).build();
        JsonSchema s = factory.getSchema(schemaNode, config);
        s.initializeValidators();
        return s;
    }

    /** The cloud-config schema: the engine's core keys and every module fragment. */
    static JsonSchemaEngine cloudConfig(List<SchemaFragment> fragments, Consumer<String> warnings) {
        ObjectNode core = (ObjectNode) resource("core.json");
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("$schema", DRAFT);
        ObjectNode defs = root.putObject("$defs");
        ObjectNode props = JsonNodeFactory.instance.objectNode();
        ArrayNode allOf = JsonNodeFactory.instance.arrayNode();
        Map<String, String> defOwners = new HashMap<>();
        merge(core, "the engine's core schema", root, defs, props, allOf, defOwners, warnings);
        for (SchemaFragment f : fragments) {
            JsonNode node = null;
            if (f.json() != null) {
                try {
                    node = MAPPER.readTree(f.json());
                    if (node == null || !node.isObject()) {
                        warnings.accept("Schema fragment " + f.source() + " is not a JSON object; accepting its keys "
                                + f.keys() + " unchecked");
                        node = null;
                    }
                } catch (IOException e) {
                    warnings.accept("Schema fragment " + f.source() + " is not valid JSON (" + firstLine(e.getMessage())
                            + "); accepting its keys " + f.keys() + " unchecked");
                }
            } else if (f.problem() != null) {
                warnings.accept("Schema fragment " + f.source() + " cannot be read (" + f.problem()
                        + "); accepting its keys " + f.keys() + " unchecked");
            }
            if (node != null) {
                merge((ObjectNode) node, f.source(), root, defs, props, allOf, defOwners, warnings);
            }
            for (String key : f.keys()) {
                if (!props.has(key)) {
                    props.put(key, true);
                }
            }
        }
        root.put("type", "object");
        root.set("properties", props);
        if (!allOf.isEmpty()) {
            root.set("allOf", allOf);
        }
        root.put("additionalProperties", false);
        return new JsonSchemaEngine(root);
    }

    /** A network-config schema ({@code network-config-v1.json} or {@code -v2.json}). */
    static JsonSchemaEngine networkConfig(String resource) {
        ObjectNode n = ((ObjectNode) resource(resource)).deepCopy();
        n.put("$schema", DRAFT);
        return new JsonSchemaEngine(n);
    }

    private static void merge(ObjectNode fragment, String source, ObjectNode root, ObjectNode defs, ObjectNode props,
            ArrayNode allOf, Map<String, String> defOwners, Consumer<String> warnings) {
        for (Iterator<Map.Entry<String, JsonNode>> it = fragment.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            switch (e.getKey()) {
                case "$defs", "definitions" -> {
                    // draft-04 fragments keep definitions under "definitions": both stay where their refs point
                    ObjectNode target = e.getKey().equals("$defs") ? defs
                            : root.has("definitions") ? (ObjectNode) root.get("definitions") : root.putObject("definitions");
                    for (Iterator<Map.Entry<String, JsonNode>> d = e.getValue().fields(); d.hasNext();) {
                        Map.Entry<String, JsonNode> def = d.next();
                        JsonNode existing = target.get(def.getKey());
                        String owner = e.getKey() + "/" + def.getKey();
                        if (existing == null) {
                            target.set(def.getKey(), def.getValue());
                            defOwners.put(owner, source);
                        } else if (!existing.equals(def.getValue())) {
                            warnings.accept("Schema fragment " + source + " redefines " + owner + " of "
                                    + defOwners.get(owner) + "; keeping the first definition");
                        }
                    }
                }
                case "properties" -> {
                    for (Iterator<Map.Entry<String, JsonNode>> p = e.getValue().fields(); p.hasNext();) {
                        Map.Entry<String, JsonNode> prop = p.next();
                        JsonNode existing = props.get(prop.getKey());
                        if (existing == null || existing.isBoolean()) {
                            props.set(prop.getKey(), prop.getValue());
                        } else {
                            ObjectNode both = JsonNodeFactory.instance.objectNode();
                            both.putArray("allOf").add(existing).add(prop.getValue());
                            props.set(prop.getKey(), both);
                        }
                    }
                }
                case "allOf" -> {
                    if (e.getValue().isArray()) {
                        allOf.addAll((ArrayNode) e.getValue());
                    }
                }
                case "$comment", "description", "$schema", "$id", "title" -> {
                    // documentation only; the combined schema is draft 2020-12
                }
                case "type" -> {
                    if (!"object".equals(e.getValue().asText())) {
                        warnings.accept("Schema fragment " + source + ": ignoring top-level type '"
                                + e.getValue().asText() + "' (the cloud-config is a mapping)");
                    }
                }
                default -> warnings.accept("Schema fragment " + source + ": ignoring top-level key '" + e.getKey()
                        + "' (a fragment has $defs, properties and allOf)");
            }
        }
    }

    private static JsonNode resource(String name) {
        try (InputStream in = JsonSchemaEngine.class.getResourceAsStream("/schema/" + name)) {
            if (in == null) {
                throw new IllegalStateException("schema resource /schema/" + name + " is missing from the engine bundle");
            }
            return MAPPER.readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException("schema resource /schema/" + name + " is broken: " + e.getMessage(), e);
        }
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    /** The combined schema document (for tests and diagnostics). */
    JsonNode schemaNode() {
        return schemaNode;
    }

    /** Validates plain data (as the YAML loader gives it). */
    SchemaReport validate(Object instance) {
        return withLibraryLoader(() -> validateNow(instance));
    }

    private SchemaReport validateNow(Object instance) {
        JsonNode node = toNode(instance);
        ExecutionContext[] context = new ExecutionContext[1];
        Set<ValidationMessage> messages = schema.validate(node, ctx -> {
            ctx.getExecutionConfig().setAnnotationCollectionEnabled(true);
            ctx.getExecutionConfig().setAnnotationCollectionFilter(NOTICE_KEYWORDS::contains);
            context[0] = ctx;
        });
        List<SchemaProblem> errors = errors(messages, instance);
        List<SchemaProblem> notices = notices(context[0], node);
        return new SchemaReport(errors, notices);
    }

    // ---- errors ----

    private record Finding(ValidationMessage message, List<Object> instancePath, String combinator,
            List<Object> combinatorPath, String combinatorKind, int branch) {

        boolean topLevelType() {
            return "type".equals(message.getType()) && instancePath.equals(combinatorPath);
        }
    }

    private List<SchemaProblem> errors(Set<ValidationMessage> messages, Object instance) {
        List<Finding> plain = new ArrayList<>();
        Map<String, List<Finding>> groups = new LinkedHashMap<>();
        for (ValidationMessage m : messages) {
            Finding f = finding(m);
            if (f.combinator == null) {
                plain.add(f);
            } else {
                groups.computeIfAbsent(f.combinator + "@" + f.combinatorPath, k -> new ArrayList<>()).add(f);
            }
        }
        List<Finding> kept = new ArrayList<>(plain);
        List<SchemaProblem> problems = new ArrayList<>();
        for (List<Finding> group : groups.values()) {
            Finding first = group.get(0);
            Map<Integer, List<Finding>> byBranch = new java.util.TreeMap<>();
            List<Finding> own = new ArrayList<>();
            for (Finding f : group) {
                if (f.branch < 0) {
                    own.add(f);
                } else {
                    byBranch.computeIfAbsent(f.branch, k -> new ArrayList<>()).add(f);
                }
            }
            if (byBranch.isEmpty()) {
                kept.addAll(own);
            } else if (byBranch.values().stream().allMatch(l -> l.stream().allMatch(Finding::topLevelType))) {
                // no branch accepts the value's type: one message listing every type, as for type: [a, b]
                List<String> types = new ArrayList<>();
                for (List<Finding> l : byBranch.values()) {
                    for (Finding f : l) {
                        for (String t : typeList(f.message.getSchemaNode()).split(", ")) {
                            if (!types.contains(t)) {
                                types.add(t);
                            }
                        }
                    }
                }
                problems.add(new SchemaProblem(dotted(first.combinatorPath),
                        PyRepr.of(at(instance, first.combinatorPath)) + " is not of type " + String.join(", ", types)));
            } else {
                // the branch that got furthest into the value explains the failure best
                List<Finding> best = null;
                int bestDepth = -1;
                boolean bestSubstantial = false;
                for (List<Finding> l : byBranch.values()) {
                    int depth = l.stream().mapToInt(f -> f.instancePath.size()).max().orElse(0);
                    boolean substantial = l.stream().anyMatch(f -> !f.topLevelType());
                    if (depth > bestDepth || (depth == bestDepth && substantial && !bestSubstantial)) {
                        best = l;
                        bestDepth = depth;
                        bestSubstantial = substantial;
                    }
                }
                kept.addAll(best);
            }
            if ("anyOf".equals(first.combinatorKind)) {
                problems.add(new SchemaProblem(dotted(first.combinatorPath), PyRepr.of(at(instance, first.combinatorPath))
                        + " is not valid under any of the given schemas"));
            }
        }
        Map<List<Object>, List<String>> unexpected = new LinkedHashMap<>();
        for (Finding f : kept) {
            ValidationMessage m = f.message;
            String type = m.getType();
            if ("additionalProperties".equals(type) || "unevaluatedProperties".equals(type)) {
                unexpected.computeIfAbsent(f.instancePath, k -> new ArrayList<>()).add(m.getProperty());
                continue;
            }
            problems.add(new SchemaProblem(dotted(f.instancePath), text(m, at(instance, f.instancePath))));
        }
        for (Map.Entry<List<Object>, List<String>> e : unexpected.entrySet()) {
            Object obj = at(instance, e.getKey());
            List<String> names = new ArrayList<>();
            if (obj instanceof Map<?, ?> map) {
                for (Object k : map.keySet()) {
                    if (e.getValue().contains(String.valueOf(k))) {
                        names.add(String.valueOf(k));
                    }
                }
            }
            for (String n : e.getValue()) {
                if (!names.contains(n)) {
                    names.add(n);
                }
            }
            if (e.getKey().isEmpty()) {
                for (String n : names) {
                    problems.add(new SchemaProblem(n, unexpectedText(List.of(n))));
                }
            } else {
                problems.add(new SchemaProblem(dotted(e.getKey()), unexpectedText(names)));
            }
        }
        return problems;
    }

    private static String unexpectedText(List<String> names) {
        List<String> quoted = new ArrayList<>();
        for (String n : names) {
            quoted.add(PyRepr.of(n));
        }
        return "Additional properties are not allowed (" + String.join(", ", quoted)
                + (names.size() == 1 ? " was" : " were") + " unexpected)";
    }

    /** Where a message sits and, if inside an anyOf/oneOf, which one (outermost). */
    private Finding finding(ValidationMessage m) {
        List<Object> instancePath = elements(m.getInstanceLocation());
        JsonNodePath eval = m.getEvaluationPath();
        int n = eval.getNameCount();
        for (int i = 0; i < n; i++) {
            String seg = String.valueOf(eval.getElement(i));
            if (seg.equals("anyOf") || seg.equals("oneOf")) {
                int descents = descents(eval, i + 1);
                List<Object> at = instancePath.subList(0, Math.max(0, instancePath.size() - descents));
                StringBuilder prefix = new StringBuilder();
                for (int k = 0; k <= i; k++) {
                    prefix.append('/').append(eval.getElement(k));
                }
                int branch = i + 1 < n && eval.getElement(i + 1) instanceof Integer b ? b : -1;
                return new Finding(m, instancePath, prefix.toString(), new ArrayList<>(at), seg, branch);
            }
        }
        return new Finding(m, instancePath, null, null, null, -1);
    }

    /**
     * How many instance levels the evaluation path goes down from segment {@code from} on; the
     * last segment is the keyword that reported, which does not go down.
     */
    private static int descents(JsonNodePath eval, int from) {
        int count = 0;
        int n = eval.getNameCount() - 1;
        int i = from;
        if (i < n && eval.getElement(i) instanceof Integer) {
            i++;
        }
        while (i < n) {
            String seg = String.valueOf(eval.getElement(i));
            if (DESCENDING.contains(seg) && i < n) {
                count++;
            }
            i += KEYWORDS_WITH_ARGUMENT.contains(seg) ? 2 : 1;
        }
        return count;
    }

    /** The reference's wording for one finding. */
    private static String text(ValidationMessage m, Object value) {
        String v = PyRepr.of(value);
        JsonNode s = m.getSchemaNode();
        return switch (m.getType()) {
            case "type" -> v + " is not of type " + typeList(s);
            case "required" -> PyRepr.of(m.getProperty() != null ? m.getProperty() : String.valueOf(m.getArguments()[0]))
                    + " is a required property";
            case "enum" -> v + " is not one of " + PyRepr.of(plain(s));
            case "const" -> PyRepr.of(plain(s)) + " was expected";
            case "pattern" -> v + " does not match " + PyRepr.of(s.asText());
            case "minLength", "minItems" -> v + " is too short";
            case "maxLength", "maxItems" -> v + " is too long";
            case "uniqueItems" -> v + " has non-unique elements";
            case "minimum" -> v + " is less than the minimum of " + PyRepr.of(plain(s));
            case "maximum" -> v + " is greater than the maximum of " + PyRepr.of(plain(s));
            case "exclusiveMinimum" -> v + " is less than or equal to the minimum of " + PyRepr.of(plain(s));
            case "exclusiveMaximum" -> v + " is greater than or equal to the maximum of " + PyRepr.of(plain(s));
            case "minProperties" -> v + " does not have enough properties";
            case "maxProperties" -> v + " has too many properties";
            case "multipleOf" -> v + " is not a multiple of " + PyRepr.of(plain(s));
            case "format" -> v + " is not a " + PyRepr.of(s == null ? "" : s.asText());
            case "not" -> v + " should not be valid under " + PyRepr.of(plain(s));
            case "false" -> "False schema does not allow " + v;
            case "oneOf" -> {
                Object[] args = m.getArguments();
                boolean none = args != null && args.length > 0 && "0".equals(String.valueOf(args[0]));
                yield none ? v + " is not valid under any of the given schemas"
                        : v + " is valid under each of " + PyRepr.of(plain(s));
            }
            default -> stripLocation(m.getMessage());
        };
    }

    private static String typeList(JsonNode s) {
        List<String> names = new ArrayList<>();
        if (s != null && s.isArray()) {
            for (JsonNode t : s) {
                names.add(PyRepr.of(t.asText()));
            }
        } else {
            names.add(PyRepr.of(s == null ? "" : s.asText()));
        }
        return String.join(", ", names);
    }

    private static String stripLocation(String message) {
        int colon = message.indexOf(": ");
        if (colon >= 0 && (message.startsWith("/") || message.startsWith(":"))) {
            return message.substring(colon + 2);
        }
        return message;
    }

    // ---- deprecations ----

    private List<SchemaProblem> notices(ExecutionContext ctx, JsonNode instance) {
        List<SchemaProblem> out = new ArrayList<>();
        if (ctx == null) {
            return out;
        }
        Map<String, Boolean> branchCache = new HashMap<>();
        Set<String> seen = new java.util.HashSet<>();
        for (List<JsonNodeAnnotation> list : ctx.getAnnotations().asMap().values()) {
            for (JsonNodeAnnotation a : list) {
                if (!NOTICE_KEYWORDS.contains(a.getKeyword())) {
                    continue;
                }
                String kind = a.getKeyword().startsWith("deprecated") ? "deprecated" : "changed";
                JsonNode owner = lexical(a.getSchemaLocation().getFragment(), true);
                if (owner == null || !owner.path(kind).asBoolean(false)) {
                    continue;
                }
                List<Object> instancePath = elements(a.getInstanceLocation());
                JsonNodePath fragment = a.getSchemaLocation().getFragment();
                if (!seen.add(kind + "@" + instancePath + "@" + fragment.getParent())) {
                    continue;
                }
                if (!inMatchingBranches(a.getEvaluationPath(), instancePath, instance, branchCache)) {
                    continue;
                }
                out.add(new SchemaProblem(dotted(instancePath), noticeText(owner, kind)));
            }
        }
        return out;
    }

    /** {@code description} followed by {@code Deprecated in version V. DESCRIPTION}, as the reference words it. */
    static String noticeText(JsonNode owner, String keyword) {
        String version = owner.has(keyword + "_version") ? owner.get(keyword + "_version").asText()
                : "<missing " + keyword + "_version key, please file a bug report>";
        String desc = owner.has(keyword + "_description") ? owner.get(keyword + "_description").asText() : "";
        String description = owner.has("description") ? owner.get("description").asText() : "";
        String msg = " " + Character.toUpperCase(keyword.charAt(0)) + keyword.substring(1) + " in version " + version
                + ". " + desc;
        return (description + msg).strip();
    }

    /**
     * True if, wherever the evaluation path passes an anyOf or oneOf, the branch taken is the
     * first one the instance there is valid against (the reference reports notices only from
     * that branch).
     */
    private boolean inMatchingBranches(JsonNodePath eval, List<Object> instancePath, JsonNode instance,
            Map<String, Boolean> cache) {
        int n = eval.getNameCount();
        JsonNodePath lexical = new JsonNodePath(PathType.JSON_POINTER);
        JsonNode node = schemaNode;
        for (int i = 0; i < n; i++) {
            Object seg = eval.getElement(i);
            String s = String.valueOf(seg);
            if (s.equals("$ref") && node != null && node.has("$ref")) {
                String ref = node.get("$ref").asText();
                if (!ref.startsWith("#")) {
                    return true;
                }
                lexical = pointer(ref.substring(1));
                node = schemaNode.at(ref.substring(1));
                continue;
            }
            if ((s.equals("anyOf") || s.equals("oneOf")) && i + 1 < n && eval.getElement(i + 1) instanceof Integer idx) {
                JsonNodePath branches = lexical.append(s);
                int descents = descents(eval, i + 1);
                List<Object> at = instancePath.subList(0, Math.max(0, instancePath.size() - descents));
                JsonNode sub = instance.at(jsonPointer(at));
                String key = branches + "@" + at;
                int first = firstValid(branches, node == null ? null : node.get(s), sub, key, cache);
                if (first != idx) {
                    return false;
                }
            }
            node = node == null ? null : (seg instanceof Integer k ? node.get(k) : node.get(s));
            lexical = seg instanceof Integer k ? lexical.append(k) : lexical.append(s);
        }
        return true;
    }

    private int firstValid(JsonNodePath branches, JsonNode list, JsonNode instance, String key,
            Map<String, Boolean> cache) {
        int size = list == null ? 0 : list.size();
        for (int j = 0; j < size; j++) {
            String k = key + "#" + j;
            Boolean ok = cache.get(k);
            if (ok == null) {
                JsonSchema sub = schema.getSubSchema(branches.append(j));
                ok = sub.validate(instance).isEmpty();
                cache.put(k, ok);
            }
            if (ok) {
                return j;
            }
        }
        return -1;
    }

    private JsonNode lexical(JsonNodePath fragment, boolean parent) {
        JsonNode node = schemaNode;
        int n = fragment.getNameCount() - (parent ? 1 : 0);
        for (int i = 0; i < n && node != null; i++) {
            Object seg = fragment.getElement(i);
            node = seg instanceof Integer k ? node.get(k) : node.get(String.valueOf(seg));
        }
        return node;
    }

    private static JsonNodePath pointer(String ptr) {
        JsonNodePath p = new JsonNodePath(PathType.JSON_POINTER);
        for (String part : ptr.split("/")) {
            if (!part.isEmpty()) {
                p = p.append(part.replace("~1", "/").replace("~0", "~"));
            }
        }
        return p;
    }

    private static String jsonPointer(List<Object> path) {
        StringBuilder sb = new StringBuilder();
        for (Object o : path) {
            sb.append('/').append(String.valueOf(o).replace("~", "~0").replace("/", "~1"));
        }
        return sb.toString();
    }

    // ---- helpers ----

    private static List<Object> elements(JsonNodePath path) {
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < path.getNameCount(); i++) {
            out.add(path.getElement(i));
        }
        return out;
    }

    static String dotted(List<Object> path) {
        List<String> parts = new ArrayList<>();
        for (Object o : path) {
            parts.add(String.valueOf(o));
        }
        return String.join(".", parts);
    }

    private static Object at(Object instance, List<Object> path) {
        Object v = instance;
        for (Object seg : path) {
            if (v instanceof Map<?, ?> m) {
                Object next = m.get(String.valueOf(seg));
                if (next == null && !m.containsKey(String.valueOf(seg))) {
                    for (Map.Entry<?, ?> e : m.entrySet()) {
                        if (String.valueOf(e.getKey()).equals(String.valueOf(seg))) {
                            next = e.getValue();
                        }
                    }
                }
                v = next;
            } else if (v instanceof List<?> l && seg instanceof Integer i && i < l.size()) {
                v = l.get(i);
            } else {
                return null;
            }
        }
        return v;
    }

    /** Plain data to a Jackson tree; binary data becomes base64 text (the reference accepts bytes as strings). */
    static JsonNode toNode(Object v) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (v == null) {
            return f.nullNode();
        }
        if (v instanceof Map<?, ?> m) {
            ObjectNode o = f.objectNode();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                o.set(String.valueOf(e.getKey()), toNode(e.getValue()));
            }
            return o;
        }
        if (v instanceof List<?> l) {
            ArrayNode a = f.arrayNode();
            for (Object o : l) {
                a.add(toNode(o));
            }
            return a;
        }
        if (v instanceof String s) {
            return f.textNode(s);
        }
        if (v instanceof Boolean b) {
            return f.booleanNode(b);
        }
        if (v instanceof Integer i) {
            return f.numberNode(i);
        }
        if (v instanceof Long l) {
            return f.numberNode(l);
        }
        if (v instanceof BigInteger b) {
            return f.numberNode(b);
        }
        if (v instanceof Number n) {
            return f.numberNode(n.doubleValue());
        }
        if (v instanceof byte[] b) {
            return f.textNode(Base64.getEncoder().encodeToString(b));
        }
        return f.textNode(v.toString());
    }

    /** A Jackson tree back to plain data, for reprs of schema values. */
    static Object plain(JsonNode n) {
        if (n == null || n.isNull() || n.isMissingNode()) {
            return null;
        }
        if (n.isObject()) {
            Map<String, Object> m = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                m.put(e.getKey(), plain(e.getValue()));
            }
            return m;
        }
        if (n.isArray()) {
            List<Object> l = new ArrayList<>();
            for (JsonNode c : n) {
                l.add(plain(c));
            }
            return l;
        }
        if (n.isBoolean()) {
            return n.booleanValue();
        }
        if (n.isIntegralNumber()) {
            return n.bigIntegerValue();
        }
        if (n.isNumber()) {
            return n.doubleValue();
        }
        return n.asText();
    }
}

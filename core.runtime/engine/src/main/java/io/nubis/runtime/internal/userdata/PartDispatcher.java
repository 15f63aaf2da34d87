package io.nubis.runtime.internal.userdata;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.nubis.api.template.TemplateException;
import io.nubis.api.template.TemplateRenderer;

/**
 * The reference's part handlers, minus side effects: each kept part becomes a cloud-config
 * document, a script, a boothook or a reported part-handler, in order. Parts whose
 * {@code Launch-Index} is not this instance's are skipped; templates are rendered and handled
 * as what they render to.
 */
final class PartDispatcher {
    private static final Pattern TEMPLATE_HEADER = Pattern.compile("##\\s*template:(.*)", Pattern.CASE_INSENSITIVE);
    private static final Pattern MISSING = Pattern.compile(Pattern.quote(TemplateRenderer.MISSING_PREFIX) + "(\\S+)");

    private final UserDataKind kind;
    private final Supplier<TemplateRenderer> renderer;
    private final Supplier<Map<String, Object>> instanceData;
    private final UserDataLimits limits;
    final List<CloudConfigDocument> cloudConfigs = new ArrayList<>();
    final List<ScriptPart> scripts = new ArrayList<>();
    final List<BoothookPart> boothooks = new ArrayList<>();
    final List<PartHandlerPart> partHandlers = new ArrayList<>();
    final List<Finding> findings = new ArrayList<>();
    private final Map<String, String> scriptNames = new HashMap<>();
    private Map<String, Object> variables;

    /**
     * @param renderer     the template renderer, asked for only when a template part appears
     * @param instanceData instance data (sensitive) as parsed JSON, asked for only when a template
     *                     part appears; may return null when there is none yet
     */
    PartDispatcher(UserDataKind kind, Supplier<TemplateRenderer> renderer, Supplier<Map<String, Object>> instanceData,
            UserDataLimits limits) {
        this.kind = kind;
        this.renderer = renderer;
        this.instanceData = instanceData;
        this.limits = limits;
    }

    void dispatch(List<UserDataPart> parts, Integer launchIndex) {
        for (UserDataPart p : parts) {
            String idxHeader = p.header("Launch-Index");
            if (launchIndex != null && idxHeader != null && !launchIndex.equals(p.launchIndex())) {
                findings.add(Finding.info(p.label(), "Launch-Index " + idxHeader
                        + " is not this instance's launch index " + launchIndex + ": skipped"));
                continue;
            }
            if (p.payload().length == 0) {
                continue;
            }
            handle(p, p.contentType(), p.payload(), false);
        }
    }

    private void handle(UserDataPart p, String ctype, byte[] payload, boolean rendered) {
        String type = rendered ? ContentTypes.JINJA2 : ctype;
        switch (ctype) {
            case ContentTypes.CLOUD_CONFIG, ContentTypes.CLOUD_CONFIG_JSONP -> {
                String text = text(p, payload);
                if (text == null) {
                    return;
                }
                String merge = p.header("Merge-Type");
                if (merge == null || merge.isBlank()) {
                    merge = p.header("X-Merge-Type");
                }
                cloudConfigs.add(new CloudConfigDocument(p.label(), p.filename(), type, text,
                        merge == null || merge.isBlank() ? null : merge.strip(),
                        ctype.equals(ContentTypes.CLOUD_CONFIG_JSONP)));
            }
            case ContentTypes.SHELLSCRIPT -> script(p, type, ScriptPart.Kind.PART, payload);
            case ContentTypes.SHELLSCRIPT_PER_BOOT -> script(p, type, ScriptPart.Kind.PER_BOOT, payload);
            case ContentTypes.SHELLSCRIPT_PER_INSTANCE -> script(p, type, ScriptPart.Kind.PER_INSTANCE, payload);
            case ContentTypes.SHELLSCRIPT_PER_ONCE -> script(p, type, ScriptPart.Kind.PER_ONCE, payload);
            case ContentTypes.BOOTHOOK -> boothooks.add(new BoothookPart(p.label(), name(p, "boothooks"), type,
                    boothookContent(payload)));
            case ContentTypes.JINJA2 -> template(p, payload);
            case ContentTypes.PART_HANDLER -> {
                partHandlers.add(new PartHandlerPart(p.label(), p.filename(), payload));
                findings.add(Finding.warning(p.label(), "part-handlers are Python code that Nubis does not run: "
                        + "content types it would handle stay unhandled"));
            }
            default -> findings.add(Finding.warning(p.label(), (ctype.equals(ContentTypes.NOT_MULTIPART)
                    ? "Unhandled non-multipart (" + ctype + ") userdata: '"
                    : "Unhandled unknown content-type (" + ctype + ") userdata: '")
                    + Text.preview(payload, 24) + "...'"));
        }
    }

    private void script(UserDataPart p, String type, ScriptPart.Kind k, byte[] payload) {
        scripts.add(new ScriptPart(p.label(), name(p, k.directory(kind)), type, k, Text.dos2unix(payload)));
    }

    /** The cleaned file name, unique per directory (a later part with the same name replaces the file). */
    private String name(UserDataPart p, String dir) {
        String name = Text.cleanFilename(p.filename());
        if (name.isEmpty() || name.equals(".") || name.equals("..")) {
            String fallback = String.format("part-%03d", p.number());
            findings.add(Finding.warning(p.label(), "file name '" + Text.oneLine(p.filename())
                    + "' is not usable: written as " + fallback));
            name = fallback;
        }
        String earlier = scriptNames.putIfAbsent(dir + "/" + name, p.label());
        if (earlier != null) {
            findings.add(Finding.warning(p.label(), "file name " + name + " is also used by " + earlier
                    + ": this part's file replaces it, as in the reference"));
        }
        return name;
    }

    /** The reference writes boothooks CRLF-free, without the {@code #cloud-boothook} line prefix, left-stripped. */
    private static byte[] boothookContent(byte[] payload) {
        String s = new String(Text.dos2unix(payload), StandardCharsets.ISO_8859_1).stripLeading();
        if (s.toLowerCase(Locale.ROOT).startsWith("#cloud-boothook")) {
            s = s.substring("#cloud-boothook".length());
        }
        return s.stripLeading().getBytes(StandardCharsets.ISO_8859_1);
    }

    /**
     * The part as UTF-8 text, or null (with an error finding) when it is not valid UTF-8: the
     * reference cannot decode such a part and leaves it out, and guessing at its bytes could turn
     * a command or a path into something else.
     */
    private String text(UserDataPart p, byte[] payload) {
        String text = Text.strictUtf8(payload);
        if (text == null) {
            findings.add(Finding.error(p.label(), "not valid UTF-8: part ignored"));
        }
        return text;
    }

    private void template(UserDataPart p, byte[] payload) {
        String raw = text(p, payload);
        if (raw == null) {
            return;
        }
        String text = raw.stripLeading();
        int nl = text.indexOf('\n');
        String first = nl < 0 ? text : text.substring(0, nl);
        String body = nl < 0 ? "" : text.substring(nl + 1);
        Matcher m = TEMPLATE_HEADER.matcher(first.replace("\r", ""));
        if (!m.matches() || !m.group(1).strip().toLowerCase(Locale.ROOT).equals("jinja")) {
            findings.add(Finding.error(p.label(), "unknown template type in '" + Text.oneLine(first)
                    + "' (expected '## template: jinja'): ignored"));
            return;
        }
        Map<String, Object> vars = variables();
        if (vars == null) {
            findings.add(Finding.error(p.label(), "cannot render the jinja template: instance data is not "
                    + "available yet: ignored"));
            return;
        }
        TemplateRenderer r;
        try {
            r = renderer.get();
        } catch (RuntimeException e) {
            r = null;
        }
        if (r == null) {
            findings.add(Finding.error(p.label(), "cannot render the jinja template: no template renderer "
                    + "(the io.nubis.jinja bundle) is available: ignored"));
            return;
        }
        String out;
        try {
            out = r.render(body, vars);
        } catch (TemplateException e) {
            findings.add(Finding.error(p.label(), "Ignoring jinja template: failed to render it: " + e.getMessage()));
            return;
        } catch (RuntimeException e) {
            findings.add(Finding.error(p.label(), "Ignoring jinja template: the renderer failed: "
                    + e.getClass().getSimpleName()));
            return;
        }
        Set<String> missing = new LinkedHashSet<>();
        Matcher mm = MISSING.matcher(out);
        while (mm.find()) {
            missing.add("'" + mm.group(1) + "'");
        }
        if (!missing.isEmpty()) {
            findings.add(Finding.warning(p.label(), "Could not render jinja template variables: "
                    + String.join(", ", missing)));
        }
        byte[] bytes = out.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > limits.maxPartBytes()) {
            findings.add(Finding.error(p.label(), "rendered template is larger than " + limits.maxPartBytes()
                    + " bytes: ignored"));
            return;
        }
        if (out.isEmpty()) {
            return;
        }
        String sub = ContentTypes.sniff(bytes);
        if (sub == null || !(sub.equals(ContentTypes.CLOUD_CONFIG) || sub.equals(ContentTypes.SHELLSCRIPT)
                || sub.equals(ContentTypes.BOOTHOOK))) {
            findings.add(Finding.warning(p.label(), "Ignoring jinja template: it renders to "
                    + (sub == null ? "content of unknown type" : sub)
                    + ", but only cloud-config, shell scripts and boothooks can be templates"));
            return;
        }
        handle(p, sub, bytes, true);
    }

    private Map<String, Object> variables() {
        if (variables == null) {
            Map<String, Object> data = instanceData == null ? null : instanceData.get();
            if (data == null) {
                return null;
            }
            variables = JinjaVariables.from(data);
        }
        return variables;
    }
}

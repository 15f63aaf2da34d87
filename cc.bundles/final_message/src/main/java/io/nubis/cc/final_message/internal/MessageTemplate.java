package io.nubis.cc.final_message.internal;

import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;

import io.nubis.api.template.TemplateException;
import io.nubis.api.template.TemplateRenderer;

/**
 * Renders a message as the reference's {@code templater.render_string}: a first line
 * {@code ## template: jinja} selects Jinja, {@code ## template: basic} or no header the basic
 * renderer ({@code $name} and {@code ${name}}, a missing name being an error). A Jinja template
 * made only of {@code {{ name }}} expressions is substituted here (an undefined name renders as
 * {@code CI_MISSING_JINJA_VAR/name}, with a warning, and one trailing newline is dropped, as
 * Jinja does); other Jinja templates need the Jinja renderer service.
 */
final class MessageTemplate {
    private static final Pattern HEADER = Pattern.compile("##\\s*template:(.*)", Pattern.CASE_INSENSITIVE);
    private static final Pattern BASIC = Pattern.compile("\\$\\{([A-Za-z0-9_.]+)\\}|\\$([A-Za-z0-9_.]+)");
    private static final Pattern SIMPLE_JINJA = Pattern.compile("\\{\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*\\}\\}");

    private MessageTemplate() {
    }

    /**
     * @param text     the template, header included
     * @param params   the variables
     * @param renderer the Jinja renderer, or a supplier of null if there is none
     * @throws TemplateException if the template cannot be rendered
     */
    static String render(String text, Map<String, Object> params, Supplier<TemplateRenderer> renderer, Logger log)
            throws TemplateException {
        int nl = text.indexOf('\n');
        String ident = nl < 0 ? text : text.substring(0, nl);
        String rest = nl < 0 ? "" : text.substring(nl + 1);
        Matcher m = HEADER.matcher(ident);
        if (!m.lookingAt()) {
            return basic(text, params);
        }
        String type = m.group(1).strip().toLowerCase(java.util.Locale.ROOT);
        if ("basic".equals(type)) {
            return basic(rest, params);
        }
        if (!"jinja".equals(type)) {
            throw new TemplateException("Unknown template rendering type '" + type + "' requested", 0);
        }
        if (!rest.contains("{%") && !rest.contains("{#") && SIMPLE_JINJA.matcher(rest).replaceAll("").indexOf("{{") < 0) {
            return simpleJinja(rest, params, log);
        }
        TemplateRenderer r = renderer.get();
        if (r == null) {
            throw new TemplateException("the template uses Jinja statements and the Jinja renderer bundle is not installed", 0);
        }
        return r.render(rest, params);
    }

    private static String simpleJinja(String text, Map<String, Object> params, Logger log) {
        Matcher m = SIMPLE_JINJA.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String value;
            if (params.containsKey(name)) {
                value = String.valueOf(params.get(name));
            } else {
                value = TemplateRenderer.MISSING_PREFIX + name;
                log.warn("Could not render jinja template variables in final_message: '{}'", name);
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(value));
        }
        m.appendTail(sb);
        String out = sb.toString();
        return out.endsWith("\n") ? out.substring(0, out.length() - 1) : out;
    }

    private static String basic(String text, Map<String, Object> params) throws TemplateException {
        Matcher m = BASIC.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String name = m.group(1) != null ? m.group(1) : m.group(2);
            Object v = lookup(params, name);
            m.appendReplacement(sb, Matcher.quoteReplacement(String.valueOf(v)));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    private static Object lookup(Map<String, Object> params, String dotted) throws TemplateException {
        Object cur = params;
        for (String key : dotted.split("\\.")) {
            if (!(cur instanceof Map<?, ?> map)) {
                throw new TemplateException("Can not traverse into non-dictionary while looking for subkey '" + key + "'", 0);
            }
            if (!map.containsKey(key)) {
                throw new TemplateException("no value for '" + dotted + "'", 0);
            }
            cur = map.get(key);
        }
        return cur;
    }
}

package io.nubis.api.template;

import java.util.Map;

/**
 * Renders a Jinja template the way cloud-init does: {@code trim_blocks} on, the {@code do}
 * statement available, no access to files or other templates ({@code include}, {@code import},
 * {@code extends} fail), a trailing newline of the template kept, and bounded output and time.
 * An undefined variable or attribute renders as {@value #MISSING_PREFIX}{@code <name>}
 * (for {@code {{ v1.nothing }}}: {@code CI_MISSING_JINJA_VAR/nothing}), so callers can find
 * and report them; an attribute of an undefined value is an error.
 *
 * <p>Implementations are services, so that the template engine is only loaded by a bundle that
 * needs it and only when a template is rendered.
 */
public interface TemplateRenderer {
    /** Prefix of the text an undefined variable renders as (cloud-init's marker). */
    String MISSING_PREFIX = "CI_MISSING_JINJA_VAR/";

    /**
     * Renders a template.
     *
     * @param template  template text, without any {@code ## template: jinja} header line
     * @param variables top-level variables; values are plain data: maps with string keys, lists,
     *                  strings, numbers, booleans and null
     * @return the rendered text
     * @throws TemplateException on a syntax error, an undefined value used where a value is
     *                           required, or when a limit (output size, time) is exceeded
     */
    String render(String template, Map<String, Object> variables) throws TemplateException;
}

package io.nubis.runtime.internal.query;

import java.util.Map;

/** Renders a Jinja template with instance-data variables (the template renderer service, or a test double). */
@FunctionalInterface
public interface TemplateRendering {
    /**
     * @param template  the template without a {@code ## template: jinja} header
     * @param variables instance-data variables
     * @return the rendered text
     * @throws Exception with a message saying what is wrong with the template
     */
    String render(String template, Map<String, Object> variables) throws Exception;
}

package io.nubis.runtime.internal.config;

/**
 * Renders a config file that starts with {@code ## template: jinja} (with instance data) before
 * it is parsed. Without one, such files are read as they are: the header is a YAML comment.
 */
@FunctionalInterface
public interface ConfigTemplate {
    /**
     * @param text the file's text, header included
     * @param path the file's path, for messages
     * @return the rendered text
     * @throws Exception if the template cannot be rendered; the file is then skipped
     */
    String render(String text, String path) throws Exception;
}

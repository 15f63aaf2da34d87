package io.nubis.jinja.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.expression.ExpressionStrategy;
import com.hubspot.jinjava.tree.output.RenderedOutputNode;
import com.hubspot.jinjava.tree.parse.ExpressionToken;

import io.nubis.api.template.TemplateRenderer;

/**
 * Renders {@code {{ ... }}} like cloud-init's Jinja environment does. A value that resolves to
 * nothing is looked at again when the expression is a plain variable path ({@code a.b['c'][0]}):
 * a missing last name renders as {@code CI_MISSING_JINJA_VAR/<name>}, a name that exists with a
 * null value renders as {@code None} (Python's text for it), and a path through an undefined or
 * null value is an error, as Jinja raises {@code UndefinedError} there. Any other expression
 * that yields nothing renders as the empty text.
 */
final class UndefinedMarkerStrategy implements ExpressionStrategy {
    private static final long serialVersionUID = 1L;
    private static final String IDENT = "[A-Za-z_][A-Za-z0-9_]*";
    private static final Pattern PATH = Pattern.compile(
            "\\s*(" + IDENT + ")((?:\\s*\\.\\s*" + IDENT + "|\\s*\\[\\s*(?:'[^']*'|\"[^\"]*\"|-?\\d+)\\s*\\])*)\\s*");
    private static final Pattern SEGMENT = Pattern.compile(
            "\\.\\s*(" + IDENT + ")|\\[\\s*(?:'([^']*)'|\"([^\"]*)\"|(-?\\d+))\\s*\\]");

    @Override
    public RenderedOutputNode interpretOutput(ExpressionToken master, JinjavaInterpreter interpreter) {
        Object value = interpreter.resolveELExpression(master.getExpr(), master.getLineNumber());
        if (value == null) {
            return new RenderedOutputNode(undefinedText(master.getExpr(), master.getLineNumber(), interpreter));
        }
        if (value instanceof Boolean b) {
            return new RenderedOutputNode(b ? "True" : "False");
        }
        return new RenderedOutputNode(interpreter.getAsString(value));
    }

    private static String undefinedText(String expr, int line, JinjavaInterpreter interpreter) {
        Matcher m = PATH.matcher(expr);
        if (!m.matches()) {
            return "";
        }
        List<Object> segments = new ArrayList<>();
        segments.add(m.group(1));
        Matcher s = SEGMENT.matcher(m.group(2));
        while (s.find()) {
            if (s.group(1) != null) {
                segments.add(s.group(1));
            } else if (s.group(2) != null) {
                segments.add(s.group(2));
            } else if (s.group(3) != null) {
                segments.add(s.group(3));
            } else {
                segments.add(Integer.valueOf(s.group(4)));
            }
        }
        String root = (String) segments.get(0);
        if (segments.size() == 1 && (root.equals("none") || root.equals("None"))) {
            return "None";
        }
        if (segments.size() == 1) {
            return interpreter.getContext().containsKey(root) ? "None" : TemplateRenderer.MISSING_PREFIX + root;
        }
        Object current = interpreter.getContext().get(root);
        String path = root;
        for (int i = 1; i < segments.size(); i++) {
            Object key = segments.get(i);
            if (current == null) {
                throw new UndefinedValueException("'" + path + "' is undefined or None, so it has no attribute '"
                        + key + "'", line);
            }
            boolean last = i == segments.size() - 1;
            Object next;
            boolean present;
            if (current instanceof Map<?, ?> map) {
                present = map.containsKey(String.valueOf(key));
                next = map.get(String.valueOf(key));
            } else if (current instanceof List<?> list && key instanceof Integer idx) {
                int at = idx < 0 ? list.size() + idx : idx;
                present = at >= 0 && at < list.size();
                next = present ? list.get(at) : null;
            } else {
                present = false;
                next = null;
            }
            if (last) {
                return present ? "None" : TemplateRenderer.MISSING_PREFIX + key;
            }
            if (!present) {
                current = null;
            } else {
                current = next;
            }
            path = path + (key instanceof Integer ? "[" + key + "]" : "." + key);
        }
        return "";
    }

    /** A name was looked up through an undefined or null value. */
    static final class UndefinedValueException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final int line;

        UndefinedValueException(String message, int line) {
            super(message);
            this.line = line;
        }

        int line() {
            return line;
        }
    }
}

package io.nubis.jinja.internal;

import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.JinjavaConfig;
import com.hubspot.jinjava.LegacyOverrides;
import com.hubspot.jinjava.el.JinjavaProcessors;
import com.hubspot.jinjava.interpret.Context;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.interpret.TemplateError;
import com.hubspot.jinjava.interpret.TemplateError.ErrorItem;
import com.hubspot.jinjava.interpret.TemplateError.ErrorType;

import io.nubis.api.template.TemplateException;
import io.nubis.api.template.TemplateRenderer;

/**
 * {@link TemplateRenderer} on HubSpot Jinjava, configured like cloud-init's Jinja environment:
 * {@code trim_blocks}, the {@code do} tag, cloud-init's undefined-variable marker, no template
 * loading, no re-interpretation of values that contain template syntax, bounded output
 * and rendering time, and Python's {@code str} methods on strings ({@link PythonStrResolver}).
 * A delayed component: Jinjava and its libraries load on the first render.
 */
@Component(service = TemplateRenderer.class, property = "nubis.template=jinja")
public final class JinjavaRenderer implements TemplateRenderer {
    /** Largest rendered text. */
    static final long MAX_OUTPUT_CHARS = 16L * 1024 * 1024;
    /** Longest time one render may take. */
    static final long MAX_RENDER_MILLIS = 10_000;

    /** Jinjava's switches towards Python Jinja semantics (dict iteration, Python-style output...). */
    private static final LegacyOverrides JINJA_LIKE = LegacyOverrides.newBuilder()
            .withEvaluateMapKeys(true)
            .withIterateOverMapKeys(true)
            .withUsePyishObjectMapper(true)
            .withUseNaturalOperatorPrecedence(true)
            .withParseWhitespaceControlStrictly(true)
            .withUseTrimmingForNotesAndExpressions(true)
            .withKeepNullableLoopValues(true)
            .build();

    private final Jinjava jinjava;
    private final JinjavaConfig config;
    private final long maxRenderMillis;

    /** Builds the engine with the default limits. */
    @Activate
    public JinjavaRenderer() {
        this(MAX_OUTPUT_CHARS, MAX_RENDER_MILLIS);
    }

    /**
     * @param maxOutputChars  largest rendered text
     * @param maxRenderMillis longest time one render may take
     */
    public JinjavaRenderer(long maxOutputChars, long maxRenderMillis) {
        this.maxRenderMillis = maxRenderMillis;
        this.config = JinjavaConfig.newBuilder()
                .withTrimBlocks(true)
                .withLstripBlocks(false)
                .withNestedInterpretationEnabled(false)
                .withFailOnUnknownTokens(false)
                .withLegacyOverrides(JINJA_LIKE)
                .withElResolver(PythonStrResolver.beforeJinjavaDefaults())
                .withMaxOutputSize(maxOutputChars)
                .withMaxStringLength(maxOutputChars)
                .withProcessors(JinjavaProcessors.newBuilder()
                        .withNodePreProcessor((node, interpreter) -> RenderDeadline.check())
                        .build())
                .build();
        // Jinjava's expression engine loads its parser classes by name through the context
        // class loader: in OSGi that must be this bundle's loader.
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(JinjavaRenderer.class.getClassLoader());
        try {
            this.jinjava = new Jinjava(config);
        } finally {
            thread.setContextClassLoader(previous);
        }
        this.jinjava.setResourceLocator(new NoTemplateLoading());
    }

    @Override
    public String render(String template, Map<String, Object> variables) throws TemplateException {
        Context context = new Context(new StrictRootContext(config.getDisabled()),
                variables == null ? Map.of() : variables, config.getDisabled());
        context.setExpressionStrategy(new UndefinedMarkerStrategy());
        JinjavaInterpreter interpreter = new JinjavaInterpreter(jinjava, context, config);
        String output;
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(JinjavaRenderer.class.getClassLoader());
        JinjavaInterpreter.pushCurrent(interpreter);
        RenderDeadline.start(maxRenderMillis);
        try {
            output = interpreter.render(template);
        } catch (RenderDeadline.Exceeded e) {
            throw new TemplateException("rendering took longer than " + maxRenderMillis + " ms", 0, e);
        } catch (RuntimeException e) {
            Throwable cause = rootCause(e);
            if (cause instanceof RenderDeadline.Exceeded) {
                throw new TemplateException("rendering took longer than " + maxRenderMillis + " ms", 0, e);
            }
            if (cause instanceof UndefinedMarkerStrategy.UndefinedValueException u) {
                throw new TemplateException(u.getMessage(), u.line(), e);
            }
            if (cause instanceof StrictRootContext.UnknownNameException) {
                throw new TemplateException(cause.getMessage(), interpreter.getLineNumber(), e);
            }
            throw new TemplateException(message(e), interpreter.getLineNumber(), e);
        } finally {
            RenderDeadline.clear();
            JinjavaInterpreter.popCurrent();
            thread.setContextClassLoader(previous);
        }
        failOnFatal(interpreter.getErrorsCopy());
        if (template.endsWith("\n") && !output.endsWith("\n")) {
            output += "\n";
        }
        return output;
    }

    private static void failOnFatal(List<TemplateError> errors) throws TemplateException {
        for (TemplateError e : errors) {
            Throwable cause = e.getException() == null ? null : rootCause(e.getException());
            if (cause instanceof RenderDeadline.Exceeded) {
                throw new TemplateException("rendering took too long", 0, cause);
            }
            if (cause instanceof UndefinedMarkerStrategy.UndefinedValueException u) {
                throw new TemplateException(u.getMessage(), u.line(), cause);
            }
            if (cause instanceof StrictRootContext.UnknownNameException) {
                throw new TemplateException(cause.getMessage(), e.getLineno() > 0 ? e.getLineno() : 0, cause);
            }
            if (isFailure(e)) {
                throw new TemplateException(e.getMessage(), e.getLineno() > 0 ? e.getLineno() : 0, e.getException());
            }
        }
    }

    /**
     * Jinja raises where Jinjava only warns: unknown filters, functions, tests and tags, syntax
     * errors and exceeded limits fail the render; unknown properties do not (they are undefined).
     */
    private static boolean isFailure(TemplateError e) {
        if (e.getSeverity() == ErrorType.FATAL) {
            return true;
        }
        return switch (e.getReason()) {
            case SYNTAX_ERROR, OUTPUT_TOO_BIG, COLLECTION_TOO_BIG, OVER_LIMIT, DISABLED -> true;
            case UNKNOWN -> e.getItem() == ErrorItem.FILTER || e.getItem() == ErrorItem.FUNCTION
                    || e.getItem() == ErrorItem.TAG || e.getItem() == ErrorItem.EXPRESSION_TEST;
            default -> false;
        };
    }

    private static Throwable rootCause(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null && c.getCause() != c) {
            if (c instanceof RenderDeadline.Exceeded || c instanceof UndefinedMarkerStrategy.UndefinedValueException
                    || c instanceof StrictRootContext.UnknownNameException) {
                return c;
            }
            c = c.getCause();
        }
        return c;
    }

    private static String message(Throwable e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}

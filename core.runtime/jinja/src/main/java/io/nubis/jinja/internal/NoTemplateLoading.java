package io.nubis.jinja.internal;

import java.io.IOException;
import java.nio.charset.Charset;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.loader.ResourceLocator;

/** Refuses {@code include}, {@code import}, {@code from} and {@code extends}: user-data templates stand alone. */
final class NoTemplateLoading implements ResourceLocator {
    @Override
    public String getString(String fullName, Charset encoding, JinjavaInterpreter interpreter) throws IOException {
        throw new IOException("templates cannot load other templates ('" + fullName + "')");
    }
}

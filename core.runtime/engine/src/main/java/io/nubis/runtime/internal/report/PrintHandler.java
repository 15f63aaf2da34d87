package io.nubis.runtime.internal.report;

import java.io.PrintStream;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

import io.nubis.api.report.ReportEvent;
import io.nubis.api.report.ReportingHandler;

/** {@code reporting: {NAME: {type: print}}}: each event's one-line form on standard output. */
@Component(service = ReportingHandler.class, property = ReportingHandler.TYPE + "=print")
public final class PrintHandler implements ReportingHandler {
    private final PrintStream out;

    @Activate
    public PrintHandler() {
        this(null);
    }

    /** @param out where to print; null means the current {@code System.out} */
    PrintHandler(PrintStream out) {
        this.out = out;
    }

    @Override
    public void publish(ReportEvent event, Map<String, Object> config) {
        PrintStream o = out != null ? out : System.out;
        o.println(event.asString());
        o.flush();
    }
}

package io.nubis.runtime.internal.boot;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where stage output goes, from the reference's {@code output} config ({@code all}, or per mode
 * {@code init}/{@code config}/{@code final}; a string or a {@code [stdout, stderr]} list). The
 * forms {@code | tee -a FILE}, {@code | tee FILE}, {@code >> FILE} and {@code > FILE} name the
 * output log; other pipes are not run by Nubis: a warning, and the default file is used.
 */
final class OutputConfig {
    private static final Logger LOG = LoggerFactory.getLogger("util");
    private static final Pattern TEE = Pattern.compile("^\\|\\s*tee\\s+(?:-a\\s+)?(\\S+)\\s*$");
    private static final Pattern REDIRECT = Pattern.compile("^>>?\\s*(\\S+)\\s*$");

    private OutputConfig() {
    }

    /** The output log for a mode, or {@code dflt}. */
    static String path(Map<String, Object> cfg, String mode, String dflt) {
        if (!(cfg.get("output") instanceof Map<?, ?> out)) {
            return dflt;
        }
        Object v = out.containsKey(mode) ? out.get(mode) : out.get("all");
        if (v instanceof List<?> l && !l.isEmpty()) {
            v = l.get(0);
        }
        if (v == null) {
            return dflt;
        }
        String s = String.valueOf(v).strip();
        Matcher m = TEE.matcher(s);
        if (!m.matches()) {
            m = REDIRECT.matcher(s);
        }
        if (m.matches() && m.group(1).startsWith("/")) {
            return m.group(1);
        }
        LOG.warn("output.{}: '{}' is not a form Nubis supports (| tee -a FILE, >> FILE, > FILE); using {}",
                out.containsKey(mode) ? mode : "all", s, dflt);
        return dflt;
    }
}

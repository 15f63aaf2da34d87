package io.nubis.runtime.internal.schema;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;

import io.nubis.api.target.FileAttributes;
import io.nubis.api.target.TargetRoot;
import io.nubis.runtime.internal.state.JsonFiles;

/**
 * The last boot's schema verdict, kept by the digest of what decided it: the merged
 * cloud-config, every module's schema fragment and the validator's own bundles. A reboot whose
 * config and assembly are unchanged reuses the verdict instead of loading the JSON-Schema library
 * and Jackson and compiling the schema (about a fifth of a second on a cold JVM); any change to
 * them is a different digest and a fresh validation. The file is private (0600): the findings
 * may quote user-data.
 */
public final class SchemaVerdictCache {
    private final TargetRoot target;
    private final String file;

    /** A cache in {@code file} of the target (normally {@code /var/lib/cloud/data/nubis-schema-verdict.json}). */
    public SchemaVerdictCache(TargetRoot target, String file) {
        this.target = target;
        this.file = file;
    }

    /** The stored verdict if it was made for this digest; empty if none, another or unreadable. */
    public Optional<SchemaReport> lookup(String digest) {
        try {
            Optional<Map<String, Object>> m = JsonFiles.readObject(target, file);
            if (m.isEmpty() || !digest.equals(m.get().get("digest"))) {
                return Optional.empty();
            }
            return Optional.of(new SchemaReport(problems(m.get().get("errors")), problems(m.get().get("deprecations"))));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Records a verdict; a failure to write only costs the next boot a validation. */
    public void store(String digest, SchemaReport report) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("digest", digest);
        m.put("errors", encode(report.errors()));
        m.put("deprecations", encode(report.deprecations()));
        try {
            JsonFiles.write(target, file, m, FileAttributes.PRIVATE);
        } catch (IOException e) {
            // next boot validates again
        }
    }

    private static List<List<String>> encode(List<SchemaProblem> problems) {
        List<List<String>> out = new ArrayList<>();
        for (SchemaProblem p : problems) {
            out.add(List.of(p.path(), p.message()));
        }
        return out;
    }

    private static List<SchemaProblem> problems(Object o) {
        List<SchemaProblem> out = new ArrayList<>();
        for (Object e : (List<?>) o) {
            List<?> pair = (List<?>) e;
            out.add(new SchemaProblem((String) pair.get(0), (String) pair.get(1)));
        }
        return out;
    }

    /** SHA-256 over a canonical encoding of the document, the fragments and the validator's identity. */
    public static String digest(Object document, List<SchemaFragment> fragments, String validator) {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        StringBuilder sb = new StringBuilder();
        sb.append("validator=").append(validator).append('\n');
        for (SchemaFragment f : fragments) {
            sb.append("fragment ");
            canonical(sb, f.source());
            canonical(sb, f.json());
            canonical(sb, f.keys());
            canonical(sb, f.problem());
            sb.append('\n');
        }
        canonical(sb, document);
        return HexFormat.of().formatHex(md.digest(sb.toString().getBytes(StandardCharsets.UTF_8)));
    }

    /** A type-tagged, length-prefixed encoding: two values encode alike only if they are equal. */
    static void canonical(StringBuilder sb, Object o) {
        if (o == null) {
            sb.append('n');
        } else if (o instanceof String s) {
            sb.append('s').append(s.length()).append(':').append(s);
        } else if (o instanceof Map<?, ?> m) {
            sb.append('m').append(m.size()).append('{');
            for (Map.Entry<?, ?> e : m.entrySet()) {
                canonical(sb, e.getKey());
                canonical(sb, e.getValue());
            }
            sb.append('}');
        } else if (o instanceof List<?> l) {
            sb.append('l').append(l.size()).append('[');
            for (Object e : l) {
                canonical(sb, e);
            }
            sb.append(']');
        } else if (o instanceof byte[] b) {
            sb.append('y').append(HexFormat.of().formatHex(b)).append(';');
        } else {
            String s = String.valueOf(o);
            sb.append('o').append(o.getClass().getName()).append(':').append(s.length()).append(':').append(s);
        }
    }

    /**
     * Who validates: the engine bundle and the bundles it takes the JSON-Schema packages from,
     * each as name, version and install/update time (a replaced library is a new verdict).
     * Outside a framework, the engine's class location.
     */
    public static String validatorIdentity() {
        Bundle engine = FrameworkUtil.getBundle(SchemaVerdictCache.class);
        if (engine == null) {
            return "standalone " + SchemaVerdictCache.class.getProtectionDomain().getCodeSource();
        }
        StringBuilder sb = new StringBuilder(id(engine));
        BundleWiring w = engine.adapt(BundleWiring.class);
        if (w != null) {
            for (BundleWire wire : w.getRequiredWires("osgi.wiring.package")) {
                Object pkg = wire.getCapability().getAttributes().get("osgi.wiring.package");
                if (pkg instanceof String p && (p.startsWith("com.networknt.") || p.startsWith("com.fasterxml."))) {
                    sb.append(' ').append(p).append('@').append(id(wire.getProvider().getBundle()));
                }
            }
        }
        return sb.toString();
    }

    private static String id(Bundle b) {
        return b.getSymbolicName() + ";" + b.getVersion() + ";" + b.getLastModified();
    }
}

package io.nubis.runtime.internal.state;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.nubis.api.target.FileAttributes;
import io.nubis.api.target.TargetRoot;
import io.nubis.runtime.internal.paths.CloudPaths;

/**
 * {@code status.json} and {@code result.json} as the reference's {@code status_wrapper} keeps
 * them: a {@code v1} object with {@code datasource}, {@code stage} and one entry per stage
 * ({@code init-local}, {@code init}, {@code modules-config}, {@code modules-final}) holding
 * {@code errors}, {@code recoverable_errors}, {@code start} and {@code finished} (uptime
 * seconds). Written atomically in {@code data/} before and after each stage, with relative
 * symlinks from the run directory. Mode 0644, as the reference.
 */
public final class StatusStore {
    /** The stage keys the reference pre-creates. */
    public static final List<String> STAGES = List.of("init", "init-local", "modules-config", "modules-final");

    private static final Logger LOG = LoggerFactory.getLogger("main");

    private final TargetRoot target;
    private final CloudPaths paths;
    private Map<String, Object> status;

    public StatusStore(TargetRoot target, CloudPaths paths) {
        this.target = target;
        this.paths = paths;
    }

    /** An empty status document. */
    public static Map<String, Object> fresh() {
        Map<String, Object> v1 = new LinkedHashMap<>();
        v1.put("datasource", null);
        for (String s : STAGES) {
            v1.put(s, nullStatus());
        }
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("v1", v1);
        return status;
    }

    private static Map<String, Object> nullStatus() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("errors", new ArrayList<>());
        m.put("recoverable_errors", new LinkedHashMap<>());
        m.put("start", null);
        m.put("finished", null);
        return m;
    }

    /**
     * Marks a stage as started: {@code init-local} begins from an empty status and deletes the
     * previous status, result and links; other stages continue the existing file (an unreadable
     * one is replaced). Writes the file and the run-directory link.
     */
    public void begin(String stage, double uptime) throws IOException {
        if ("init-local".equals(stage)) {
            for (String p : List.of(paths.statusLink(), paths.resultLink(), paths.statusJson(), paths.resultJson())) {
                target.delete(p);
            }
            status = fresh();
        } else {
            status = load();
        }
        Map<String, Object> v1 = v1();
        Map<String, Object> st = stage(v1, stage);
        v1.put("stage", stage);
        if (st.get("start") != null && st.get("finished") == null) {
            LOG.warn("Unexpected start time found for {}. Was this stage restarted?", stage);
        }
        st.put("start", uptime);
        write();
    }

    /**
     * Marks a stage as finished with its errors and the recoverable errors logged meanwhile
     * (merged with any the file already had for the stage), then writes the file. After
     * {@code modules-final}, writes {@code result.json} with every stage's errors.
     *
     * @param datasource the datasource description, or null to keep the recorded one
     * @return the number of errors of this stage
     */
    public int finish(String stage, double uptime, List<String> errors, String datasource,
            Map<String, List<String>> recoverable) throws IOException {
        if (status == null) {
            status = load();
        }
        Map<String, Object> v1 = v1();
        Map<String, Object> st = stage(v1, stage);
        if (datasource != null) {
            v1.put("datasource", datasource);
        }
        List<Object> errs = list(st, "errors");
        errs.addAll(errors);
        st.put("finished", uptime);
        v1.put("stage", null);
        Map<String, Object> rec = map(st, "recoverable_errors");
        recoverable.forEach((level, msgs) -> {
            LinkedHashSet<Object> merged = new LinkedHashSet<>(list(rec, level));
            merged.addAll(msgs);
            rec.put(level, new ArrayList<>(merged));
        });
        write();
        if ("modules-final".equals(stage)) {
            writeResult(v1);
        }
        return errs.size();
    }

    /** The current document (after {@link #begin} or {@link #load}). */
    public Map<String, Object> status() {
        return status == null ? load() : status;
    }

    /** The status file as it is on disk, or an empty status if it is missing or broken. */
    public Map<String, Object> load() {
        try {
            var m = JsonFiles.readObject(target, paths.statusJson());
            if (m.isPresent() && m.get().get("v1") instanceof Map) {
                return m.get();
            }
            if (m.isPresent()) {
                LOG.warn("Ignoring {}: it has no v1 object", paths.statusJson());
            }
        } catch (IOException e) {
            LOG.warn("Ignoring unreadable status file: {}", e.getMessage());
        }
        return fresh();
    }

    private void writeResult(Map<String, Object> v1) throws IOException {
        List<Object> all = new ArrayList<>();
        for (Map.Entry<String, Object> e : v1.entrySet()) {
            if (e.getValue() instanceof Map<?, ?> m && m.get("errors") instanceof List<?> l) {
                all.addAll(l);
            }
        }
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("datasource", v1.get("datasource"));
        inner.put("errors", all);
        JsonFiles.write(target, paths.resultJson(), Map.of("v1", inner), FileAttributes.PUBLIC);
        target.symlink(paths.resultLink(), Links.relative(paths.resultLink(), paths.resultJson()));
    }

    private void write() throws IOException {
        JsonFiles.write(target, paths.statusJson(), status, FileAttributes.PUBLIC);
        target.symlink(paths.statusLink(), Links.relative(paths.statusLink(), paths.statusJson()));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> v1() {
        return (Map<String, Object>) status.get("v1");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> stage(Map<String, Object> v1, String stage) {
        Object s = v1.get(stage);
        if (!(s instanceof Map)) {
            s = nullStatus();
            v1.put(stage, s);
        }
        Map<String, Object> m = (Map<String, Object>) s;
        list(m, "errors");
        map(m, "recoverable_errors");
        return m;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Map<String, Object> m, String key) {
        Object v = m.get(key);
        if (!(v instanceof List)) {
            v = new ArrayList<>();
            m.put(key, v);
        } else if (!(v instanceof ArrayList)) {
            v = new ArrayList<>((List<Object>) v);
            m.put(key, v);
        }
        return (List<Object>) v;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> m, String key) {
        Object v = m.get(key);
        if (!(v instanceof Map)) {
            v = new LinkedHashMap<>();
            m.put(key, v);
        }
        return (Map<String, Object>) v;
    }
}

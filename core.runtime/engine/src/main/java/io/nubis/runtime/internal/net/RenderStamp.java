package io.nubis.runtime.internal.net;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.CRC32C;

import io.nubis.api.capability.Attributes;
import io.nubis.api.target.FileAttributes;
import io.nubis.api.target.TargetRoot;
import io.nubis.runtime.internal.plugin.PluginInfo;
import io.nubis.runtime.internal.pyjson.JsonReader;
import io.nubis.runtime.internal.pyjson.JsonWriter;

/**
 * What the last render did, so that a boot whose network config, renderer order and renderer
 * availability are unchanged, and whose rendered files are as they were written, renders nothing
 * and loads neither the reader nor a renderer: the config's digest (with the renderer order and
 * the agent's version), the renderer chosen, whether each path its choice depended on existed, and
 * the digest of each file it wrote. Kept in the data directory.
 *
 * @param key      digest of the config, the order and the agent's version
 * @param renderer the renderer chosen
 * @param probes   every probe path of the renderers up to the chosen one, and whether it existed
 * @param files    each file written, and the digest of its content
 */
public record RenderStamp(String key, String renderer, Map<String, Boolean> probes, Map<String, String> files) {

    /** The key of a config rendered with this renderer order by this agent version. */
    public static String key(Map<String, Object> config, List<String> order, String version) {
        // on the boot's path: no string-concatenation call site to link
        return digest(new StringBuilder(JsonWriter.dumps(config, -1, true)).append('\n').append(order).append('\n')
                .append(version).toString());
    }

    /** The probe paths of the renderers in {@code order} up to and including {@code chosen}, with their existence now. */
    public static Map<String, Boolean> probes(Map<String, PluginInfo> renderers, List<String> order, String chosen,
            TargetRoot target) {
        Map<String, Boolean> out = new LinkedHashMap<>();
        for (String name : order) {
            PluginInfo p = renderers.get(name);
            if (p != null) {
                for (String cmd : p.list(Attributes.PROBE_COMMANDS)) {
                    for (String dir : RendererChoice.BIN_DIRS) {
                        out.put(dir + "/" + cmd, target.exists(dir + "/" + cmd));
                    }
                }
                for (String f : p.list(Attributes.PROBE_FILES)) {
                    out.put(f, target.exists(f));
                }
            }
            if (name.equals(chosen)) {
                break;
            }
        }
        return out;
    }

    /** The digests of the files as they are now; a missing file has none. */
    public static Map<String, String> digests(TargetRoot target, List<String> paths) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String p : paths) {
            try {
                out.put(p, target.exists(p) ? digest(target.read(p)) : "");
            } catch (IOException e) {
                out.put(p, "");
            }
        }
        return out;
    }

    /** True if this stamp is for {@code key} and every probe path and file is as recorded. */
    public boolean holds(String key, TargetRoot target) {
        if (!this.key.equals(key)) {
            return false;
        }
        for (Map.Entry<String, Boolean> e : probes.entrySet()) {
            if (target.exists(e.getKey()) != e.getValue()) {
                return false;
            }
        }
        return digests(target, List.copyOf(files.keySet())).equals(files);
    }

    /** The stamp at {@code path}, if there is a readable one. */
    @SuppressWarnings("unchecked")
    public static Optional<RenderStamp> read(TargetRoot target, String path) {
        try {
            Optional<String> text = target.readString(path);
            if (text.isEmpty()) {
                return Optional.empty();
            }
            Map<String, Object> m = JsonReader.parseObject(text.get(), path);
            Map<String, Boolean> probes = new LinkedHashMap<>();
            for (Map.Entry<String, Object> e : ((Map<String, Object>) m.get("probes")).entrySet()) {
                probes.put(e.getKey(), (Boolean) e.getValue());
            }
            Map<String, String> files = new LinkedHashMap<>();
            for (Map.Entry<String, Object> e : ((Map<String, Object>) m.get("files")).entrySet()) {
                files.put(e.getKey(), (String) e.getValue());
            }
            return Optional.of(new RenderStamp((String) m.get("key"), (String) m.get("renderer"), probes, files));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Writes the stamp (0644: digests only). */
    public void write(TargetRoot target, String path) throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("key", key);
        m.put("renderer", renderer);
        m.put("probes", probes);
        m.put("files", files);
        target.writeString(path, JsonWriter.dumps(m, 1, false) + "\n", FileAttributes.PUBLIC);
    }

    static String digest(String s) {
        return digest(s.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Length and CRC-32C: enough to notice a config or a file that changed, and cheap at boot (no
     * security provider to load, as a {@code MessageDigest} would need); not a defence against
     * someone who can write the files anyway.
     */
    static String digest(byte[] b) {
        CRC32C crc = new CRC32C();
        crc.update(b);
        return new StringBuilder().append(b.length).append(':').append(Long.toHexString(crc.getValue())).toString();
    }
}

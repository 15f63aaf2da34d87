package io.nubis.runtime.internal.state;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import io.nubis.api.target.FileAttributes;
import io.nubis.api.target.TargetRoot;
import io.nubis.runtime.internal.pyjson.JsonWriter;

/** Reads and atomically writes JSON state files in the target, in the reference's format. */
public final class JsonFiles {
    /** State files larger than this are refused as broken. */
    public static final int MAX_BYTES = 64 * 1024 * 1024;

    private JsonFiles() {
    }

    /** Writes {@code value} atomically as {@link JsonWriter#ciDumps} (no trailing newline, as the reference). */
    public static void write(TargetRoot target, String path, Object value, FileAttributes attrs) throws IOException {
        target.writeString(path, JsonWriter.ciDumps(value), attrs);
    }

    /**
     * A JSON object from a file; empty if the file does not exist.
     *
     * @throws IOException if it cannot be read, is too large, is not JSON or not an object; the message names the file
     */
    @SuppressWarnings("unchecked")
    public static Optional<Map<String, Object>> readObject(TargetRoot target, String path) throws IOException {
        if (!target.exists(path)) {
            return Optional.empty();
        }
        byte[] bytes = target.read(path);
        if (bytes.length > MAX_BYTES) {
            throw new IOException(path + ": larger than " + MAX_BYTES + " bytes");
        }
        Object v = parse(new String(bytes, StandardCharsets.UTF_8), path);
        if (!(v instanceof Map)) {
            throw new IOException(path + ": expected a JSON object");
        }
        return Optional.of((Map<String, Object>) v);
    }

    /** Parses JSON text into maps, lists, strings, numbers, booleans and null. */
    public static Object parse(String text, String source) throws IOException {
        return JsonParser.parse(text, source);
    }

    /** A fresh mutable copy of a JSON object's top level. */
    public static Map<String, Object> copy(Map<String, Object> m) {
        return new LinkedHashMap<>(m);
    }
}

package io.nubis.runtime.internal.status;

import java.util.List;
import java.util.Map;

import io.nubis.runtime.internal.pyjson.JsonWriter;
import io.nubis.runtime.internal.yaml.Yaml;

/** Prints {@link StatusDetails} in the reference's tabular, JSON and YAML forms. */
public final class StatusPrinter {
    /** Output formats of {@code --format}. */
    public enum Format {
        TABULAR, JSON, YAML
    }

    private StatusPrinter() {
    }

    /**
     * The text {@code status} prints (ending with a newline).
     *
     * @param waited true after {@code --wait} printed dots: tabular output starts on a new line
     */
    public static String render(StatusDetails d, Format format, boolean longForm, boolean waited) {
        return switch (format) {
            case JSON -> JsonWriter.dumps(d.asDict(), 2, true) + "\n";
            case YAML -> Yaml.dumpDocument(d.asDict()) + "\n";
            case TABULAR -> tabular(d, longForm, waited);
        };
    }

    private static String tabular(StatusDetails d, boolean longForm, boolean waited) {
        StringBuilder sb = new StringBuilder();
        if (waited) {
            sb.append('\n');
        }
        sb.append("status: ").append(d.status()).append('\n');
        if (!longForm) {
            return sb.toString();
        }
        sb.append("extended_status: ").append(d.extendedStatus()).append('\n');
        sb.append("boot_status_code: ").append(d.boot().code()).append('\n');
        if (!d.lastUpdate().isEmpty()) {
            sb.append("last_update: ").append(d.lastUpdate()).append('\n');
        }
        sb.append("detail: ").append(d.description()).append('\n');
        sb.append("errors:");
        if (d.errors().isEmpty()) {
            sb.append(" []");
        } else {
            for (String e : d.errors()) {
                sb.append("\n\t- ").append(e);
            }
        }
        sb.append("\nrecoverable_errors:");
        if (d.recoverableErrors().isEmpty()) {
            sb.append(" {}");
        } else {
            for (Map.Entry<String, List<String>> e : d.recoverableErrors().entrySet()) {
                sb.append('\n').append(e.getKey()).append(':');
                if (e.getValue().isEmpty()) {
                    sb.append("\n\t- ");
                }
                for (String m : e.getValue()) {
                    sb.append("\n\t- ").append(m.replace('\n', ' '));
                }
            }
        }
        return sb.append('\n').toString();
    }
}

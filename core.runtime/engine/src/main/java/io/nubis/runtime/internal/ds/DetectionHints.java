package io.nubis.runtime.internal.ds;

import java.util.List;

import io.nubis.api.capability.Attributes;
import io.nubis.runtime.internal.plugin.PluginInfo;

/**
 * A datasource's declared stages and detection hints, read from its service properties.
 *
 * @param name    name as in {@code datasource_list}
 * @param stages  stage ids it is searched in ({@code local}, {@code network})
 * @param files   target paths whose presence suggests it
 * @param labels  filesystem labels that suggest it
 * @param dmi     {@code field=glob} against {@code /sys/class/dmi/id/field}
 * @param cmdline globs against kernel command line words
 * @param always  always a candidate
 * @param plugin  the catalog entry, null in tests
 */
public record DetectionHints(String name, List<String> stages, List<String> files, List<String> labels,
        List<String> dmi, List<String> cmdline, boolean always, PluginInfo plugin) {

    /** The hints of a {@code nubis.datasource} plug-in. */
    public static DetectionHints of(PluginInfo p) {
        return new DetectionHints(p.name(), p.list(Attributes.STAGE), p.list(Attributes.DETECT_FILES),
                p.list(Attributes.DETECT_LABELS), p.list(Attributes.DETECT_DMI), p.list(Attributes.DETECT_CMDLINE),
                p.bool(Attributes.DETECT_ALWAYS), p);
    }

    /** True if it is searched in this stage. */
    public boolean searchedIn(String stageId) {
        return stages.contains(stageId);
    }
}

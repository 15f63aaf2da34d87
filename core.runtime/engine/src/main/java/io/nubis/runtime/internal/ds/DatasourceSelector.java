package io.nubis.runtime.internal.ds;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.nubis.runtime.internal.config.DatasourceArg;

/**
 * Chooses which datasources a stage crawls, before any datasource class is loaded, as
 * ds-identify does from the datasource's detection hints:
 * <ul>
 * <li>{@code ds=NAME} on the kernel command line (also {@code ci.ds=}, {@code ci.datasource=};
 * {@code nocloud-net} names NoCloud) forces that datasource: it is the only candidate, with None
 * kept as the fallback;</li>
 * <li>a {@code datasource_list} with a single entry skips detection for it;</li>
 * <li>otherwise the list is followed in order and a datasource is a candidate if its
 * {@code datasource.NAME} config section is a non-empty mapping, it is {@code detect.always}, or
 * any of its hints matches: a file exists, a device carries a label, a DMI field matches
 * ({@code field=glob}), a kernel command line word matches a glob.</li>
 * </ul>
 * Only datasources searched in the stage ({@code stage} property) are kept.
 */
public final class DatasourceSelector {
    private DatasourceSelector() {
    }

    /**
     * A datasource to crawl, and why.
     *
     * @param hints  its metadata
     * @param reason what matched, for the log
     */
    public record Candidate(DetectionHints hints, String reason) {
        /** Its name. */
        public String name() {
            return hints.name();
        }
    }

    /**
     * The outcome.
     *
     * @param candidates    in crawl order
     * @param notInAssembly listed names that no bundle provides
     * @param notDetected   listed datasources of this stage whose hints did not match
     * @param otherStage    listed datasources not searched in this stage
     * @param forced        the datasource forced by the kernel command line, if any
     */
    public record Selection(List<Candidate> candidates, List<String> notInAssembly, List<String> notDetected,
            List<String> otherStage, Optional<String> forced) {
    }

    /**
     * @param datasourceList the merged {@code datasource_list}; null means every available datasource, None last
     * @param available      datasources of the assembly by name
     * @param stageId        {@code local} or {@code network}
     * @param datasourceCfg  the merged {@code datasource} mapping (sections per datasource)
     * @param forcedArg      {@code ds=} from the kernel command line
     */
    public static Selection select(List<String> datasourceList, Map<String, DetectionHints> available, String stageId,
            Map<String, Object> datasourceCfg, Optional<DatasourceArg> forcedArg, MachineFacts facts) {
        List<String> list = new ArrayList<>(new LinkedHashSet<>(datasourceList == null ? defaultList(available)
                : datasourceList));
        Optional<String> forced = forcedArg.flatMap(a -> byArg(a, available));
        List<Candidate> out = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        List<String> notDetected = new ArrayList<>();
        List<String> otherStage = new ArrayList<>();
        if (forced.isPresent()) {
            List<String> forcedList = new ArrayList<>(List.of(forced.get()));
            if (!forced.get().equals("None") && (list.contains("None") || datasourceList == null)) {
                forcedList.add("None");
            }
            for (String name : forcedList) {
                DetectionHints h = available.get(name);
                if (!h.searchedIn(stageId)) {
                    otherStage.add(name);
                } else {
                    out.add(new Candidate(h, name.equals(forced.get())
                            ? "kernel command line " + forcedArg.get().key() + "=" + forcedArg.get().name()
                            : "fallback"));
                }
            }
            return new Selection(out, missing, notDetected, otherStage, forced);
        }
        boolean single = list.size() == 1;
        for (String name : list) {
            DetectionHints h = available.get(name);
            if (h == null) {
                missing.add(name);
                continue;
            }
            if (!h.searchedIn(stageId)) {
                otherStage.add(name);
                continue;
            }
            String reason = single ? "the only entry of datasource_list" : match(h, datasourceCfg, facts);
            if (reason == null) {
                notDetected.add(name);
            } else {
                out.add(new Candidate(h, reason));
            }
        }
        return new Selection(out, missing, notDetected, otherStage, Optional.empty());
    }

    private static List<String> defaultList(Map<String, DetectionHints> available) {
        List<String> names = new ArrayList<>(available.keySet());
        names.sort(null);
        if (names.remove("None")) {
            names.add("None");
        }
        return names;
    }

    private static Optional<String> byArg(DatasourceArg arg, Map<String, DetectionHints> available) {
        String wanted = arg.name().toLowerCase(Locale.ROOT);
        for (String name : available.keySet()) {
            String n = name.toLowerCase(Locale.ROOT);
            if (wanted.equals(n) || wanted.equals(n + "-net") || wanted.equals(n + "net")) {
                return Optional.of(name);
            }
        }
        return Optional.empty();
    }

    /** What made a datasource match, or null. */
    static String match(DetectionHints h, Map<String, Object> datasourceCfg, MachineFacts facts) {
        Object section = datasourceCfg == null ? null : datasourceCfg.get(h.name());
        if (section instanceof Map<?, ?> m && !m.isEmpty()) {
            return "config datasource." + h.name();
        }
        if (h.always()) {
            return "always a candidate";
        }
        for (String f : h.files()) {
            if (facts.exists(f)) {
                return "file " + f;
            }
        }
        for (String l : h.labels()) {
            if (facts.labels().contains(l)) {
                return "filesystem label " + l;
            }
        }
        for (String d : h.dmi()) {
            int eq = d.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String field = d.substring(0, eq);
            String glob = d.substring(eq + 1);
            Optional<String> v = facts.dmi(field);
            if (v.isPresent() && Glob.matches(glob, v.get())) {
                return "DMI " + field + "=" + v.get();
            }
        }
        for (String g : h.cmdline()) {
            for (String word : facts.cmdline()) {
                if (Glob.matches(g, word)) {
                    return "kernel command line " + word.replaceAll(";.*", ";...");
                }
            }
        }
        return null;
    }
}

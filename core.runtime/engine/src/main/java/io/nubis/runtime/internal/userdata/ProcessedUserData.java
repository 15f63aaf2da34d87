package io.nubis.runtime.internal.userdata;

import java.util.List;
import java.util.function.Predicate;

/**
 * User-data (or vendor-data) after processing.
 *
 * @param kind          which blob this is
 * @param parts         every part kept, in order, as written to {@code user-data.txt.i} (before
 *                      launch-index filtering, as the reference writes it)
 * @param cloudConfigs  cloud-config documents in part order, for the merger
 * @param scripts       scripts in part order
 * @param boothooks     boothooks in part order
 * @param partHandlers  part-handler parts (reported, never run)
 * @param findings      errors and warnings, each naming its part
 */
public record ProcessedUserData(UserDataKind kind, List<UserDataPart> parts, List<CloudConfigDocument> cloudConfigs,
        List<ScriptPart> scripts, List<BoothookPart> boothooks, List<PartHandlerPart> partHandlers,
        List<Finding> findings) {

    /** Copies the lists. */
    public ProcessedUserData {
        parts = List.copyOf(parts);
        cloudConfigs = List.copyOf(cloudConfigs);
        scripts = List.copyOf(scripts);
        boothooks = List.copyOf(boothooks);
        partHandlers = List.copyOf(partHandlers);
        findings = List.copyOf(findings);
    }

    /** Nothing at all (no data, or data that is not consumed). */
    public static ProcessedUserData empty(UserDataKind kind) {
        return new ProcessedUserData(kind, List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
    }

    /** The same data with a finding added. */
    public ProcessedUserData withFinding(Finding f) {
        List<Finding> all = new java.util.ArrayList<>(findings);
        all.add(f);
        return new ProcessedUserData(kind, parts, cloudConfigs, scripts, boothooks, partHandlers, all);
    }

    /** The findings of a severity. */
    public List<Finding> findings(Finding.Severity severity) {
        return findings.stream().filter(f -> f.severity() == severity).toList();
    }

    /**
     * Whether some input was dropped for an error. The reference fails its init stage on include
     * and decompression errors ("Consuming user data failed!"); the caller decides.
     */
    public boolean hasErrors() {
        return findings.stream().anyMatch(f -> f.severity() == Finding.Severity.ERROR);
    }

    /** Whether there is nothing to consume. */
    public boolean isEmpty() {
        return cloudConfigs.isEmpty() && scripts.isEmpty() && boothooks.isEmpty() && partHandlers.isEmpty();
    }

    /**
     * The handled items whose content type is not in {@code excluded} (vendor-data's
     * {@code disabled_handlers}); {@link #parts()} stays whole.
     */
    public ProcessedUserData withoutContentTypes(Predicate<String> excluded) {
        return new ProcessedUserData(kind, parts,
                cloudConfigs.stream().filter(c -> !excluded.test(c.contentType())).toList(),
                scripts.stream().filter(s -> !excluded.test(s.contentType())).toList(),
                boothooks.stream().filter(b -> !excluded.test(b.contentType())).toList(),
                partHandlers.stream().filter(p -> !excluded.test(ContentTypes.PART_HANDLER)).toList(),
                findings);
    }
}

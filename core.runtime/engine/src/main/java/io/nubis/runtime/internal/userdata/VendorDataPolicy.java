package io.nubis.runtime.internal.userdata;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Whether and how user-data, vendor-data and vendor-data2 are consumed, as the reference decides:
 * <ul>
 * <li>{@code allow_userdata: false} in the system config discards user-data (it is still
 * processed and stored as {@code user-data.txt.i});</li>
 * <li>{@code vendor_data: {enabled, prefix, disabled_handlers}} (and {@code vendor_data2}) in the
 * config merged from the system config and the user's cloud-config, vendor config excluded, so
 * the user can turn vendor-data off; {@code enabled} as text still works but is deprecated;
 * {@code disabled_handlers} lists content types not to consume;</li>
 * <li>{@code vendor_data.prefix} (text or list) goes before the path of every vendor script when
 * it is run: vendor-data and vendor-data2 scripts share {@code scripts/vendor}, so both use
 * {@code vendor_data}'s prefix, as in the reference.</li>
 * </ul>
 *
 * @param enabled          whether the blob is consumed
 * @param disabledHandlers content types not consumed
 * @param scriptPrefix     command words before a vendor script's path
 * @param runScripts       false when the prefix is unusable: the vendor scripts directory must not run
 * @param findings         what was wrong or notable in the settings
 */
public record VendorDataPolicy(boolean enabled, Set<String> disabledHandlers, List<String> scriptPrefix,
        boolean runScripts, List<Finding> findings) {

    private static final Set<String> TRUE_STRINGS = Set.of("true", "1", "on", "yes");

    /** Copies the collections. */
    public VendorDataPolicy {
        disabledHandlers = Set.copyOf(disabledHandlers);
        scriptPrefix = List.copyOf(scriptPrefix);
        findings = List.copyOf(findings);
    }

    /**
     * The rules for vendor-data or vendor-data2.
     *
     * @param kind      {@link UserDataKind#VENDOR_DATA} or {@link UserDataKind#VENDOR_DATA2}
     * @param mergedCfg system config merged with the user's cloud-config, without vendor config
     */
    public static VendorDataPolicy of(UserDataKind kind, Map<String, ?> mergedCfg) {
        if (kind == UserDataKind.USER_DATA) {
            throw new IllegalArgumentException("user-data has no vendor policy: use userDataAllowed");
        }
        String key = kind.configKey();
        List<Finding> findings = new ArrayList<>();
        Object section = mergedCfg == null ? null : mergedCfg.get(key);
        boolean enabled = true;
        Set<String> disabled = new LinkedHashSet<>();
        if (mergedCfg != null && mergedCfg.containsKey(key) && !(section instanceof Map)) {
            findings.add(Finding.warning(key, "invalid " + key + " setting (" + ArchiveExpander.kind(section)
                    + "): resetting to {enabled: false}"));
            enabled = false;
        } else if (section instanceof Map<?, ?> m) {
            if (m.containsKey("enabled")) {
                Object e = m.get("enabled");
                enabled = isTrue(e);
                if (e instanceof String s) {
                    findings.add(Finding.warning(key + ".enabled", "Use of string '" + s + "' for '" + key
                            + ":enabled' field is deprecated in 23.1: use a boolean value instead"));
                }
            }
            Object dh = m.get("disabled_handlers");
            if (dh instanceof List<?> l) {
                for (Object o : l) {
                    if (o != null) {
                        disabled.add(o.toString().strip().toLowerCase(Locale.ROOT));
                    }
                }
            } else if (dh instanceof String s) {
                disabled.add(s.strip().toLowerCase(Locale.ROOT));
            } else if (dh != null) {
                findings.add(Finding.warning(key + ".disabled_handlers", "must be a list of content types, got "
                        + ArchiveExpander.kind(dh) + ": ignored"));
            }
        }
        if (!enabled) {
            findings.add(Finding.info(key, kind.label() + " consumption is disabled"));
        }
        List<String> prefix = new ArrayList<>();
        boolean runScripts = scriptPrefix(mergedCfg, prefix, findings);
        return new VendorDataPolicy(enabled, disabled, prefix, runScripts, findings);
    }

    /** {@code vendor_data.prefix}: true if usable (then in {@code out}), false with an error otherwise. */
    private static boolean scriptPrefix(Map<String, ?> mergedCfg, List<String> out, List<Finding> findings) {
        Object vd = mergedCfg == null ? null : mergedCfg.get("vendor_data");
        Object prefix = vd instanceof Map<?, ?> m ? m.get("prefix") : null;
        if (prefix == null) {
            return true;
        }
        if (prefix instanceof String s) {
            out.add(s);
            return true;
        }
        if (prefix instanceof List<?> l) {
            for (Object o : l) {
                if (o == null || o instanceof Map || o instanceof List) {
                    findings.add(Finding.error("vendor_data.prefix", "items must be text, got "
                            + ArchiveExpander.kind(o) + ": vendor scripts will not run"));
                    out.clear();
                    return false;
                }
                out.add(o.toString());
            }
            return true;
        }
        findings.add(Finding.error("vendor_data.prefix", "must be text or a list, got " + ArchiveExpander.kind(prefix)
                + ": vendor scripts will not run"));
        return false;
    }

    /** The reference's {@code util.is_true}. */
    static boolean isTrue(Object v) {
        if (v instanceof Boolean b) {
            return b;
        }
        return v != null && TRUE_STRINGS.contains(v.toString().strip().toLowerCase(Locale.ROOT));
    }

    /**
     * The reference's {@code get_cfg_option_bool(cfg, "allow_userdata", True)}: absent is true;
     * empty, false or zero is false; text is true only if true/1/on/yes.
     */
    public static boolean userDataAllowed(Map<String, ?> systemCfg) {
        if (systemCfg == null || !systemCfg.containsKey("allow_userdata")) {
            return true;
        }
        Object v = systemCfg.get("allow_userdata");
        if (v == null || Boolean.FALSE.equals(v) || "".equals(v)
                || (v instanceof Number n && n.doubleValue() == 0)) {
            return false;
        }
        return isTrue(v);
    }

    /**
     * User-data as it is consumed: unchanged, or with nothing to consume (parts kept for
     * {@code user-data.txt.i}) when {@code allow_userdata} is false.
     */
    public static ProcessedUserData consumableUserData(ProcessedUserData userData, Map<String, ?> systemCfg) {
        if (userDataAllowed(systemCfg)) {
            return userData;
        }
        ProcessedUserData none = new ProcessedUserData(userData.kind(), userData.parts(), List.of(), List.of(),
                List.of(), List.of(), userData.findings());
        return none.withFinding(Finding.info("allow_userdata", "allow_userdata is false: user-data discarded"));
    }

    /**
     * Vendor data as it is consumed: nothing when disabled, without the disabled content types,
     * and without the scripts for {@code scripts/vendor} when the prefix is unusable; this
     * policy's findings are added.
     */
    public ProcessedUserData apply(ProcessedUserData vendor) {
        ProcessedUserData out;
        if (!enabled) {
            out = new ProcessedUserData(vendor.kind(), vendor.parts(), List.of(), List.of(), List.of(), List.of(),
                    vendor.findings());
        } else {
            out = vendor.withoutContentTypes(disabledHandlers::contains);
            if (!runScripts) {
                out = new ProcessedUserData(out.kind(), out.parts(), out.cloudConfigs(),
                        out.scripts().stream().filter(s -> s.kind() != ScriptPart.Kind.PART).toList(),
                        out.boothooks(), out.partHandlers(), out.findings());
            }
        }
        for (Finding f : findings) {
            out = out.withFinding(f);
        }
        return out;
    }
}
